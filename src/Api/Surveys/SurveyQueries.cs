using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Surveys;

/// <summary>Surveys and their comparison, for the viewers and workers of the survey's municipality (and admins).</summary>
public static class SurveyQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyNode>>>>("surveys")
            .Description("The waves of surveys in the caller's municipalities (all of them for an admin), by name and wave.")
            .Argument<StringGraphType>("name", "Only the waves of this survey.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Viewer, "read surveys");
                await using var db = c.Db();
                var caller = c.Service<RequestCaller>();
                var name = c.GetArgument<string?>("name");
                var surveys = await db.Surveys.AsNoTracking().Where(s => name == null || s.Name == name).OrderBy(s => s.Name).ThenBy(s => s.Wave).ToListAsync(c.CancellationToken);
                return surveys.Where(s => caller.IsInsider(s.AreaId)).ToList();
            });

        query.Field<NonNullGraphType<SurveyNode>>("survey")
            .Description("A wave of a survey.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The wave.")
            .ResolveAsync(async c => await ReadableAsync(c, c.GetArgument<string>("id"), "id"));

        query.Field<NonNullGraphType<WaveComparisonType>>("surveyComparison")
            .Description("Two waves compared from their submitted answers: ties named and confirmed by both sides, trust and value per tie and on average, new ties, lost ties.")
            .Argument<NonNullGraphType<IdGraphType>>("firstId", "The earlier wave.")
            .Argument<NonNullGraphType<IdGraphType>>("secondId", "The later wave.")
            .ResolveAsync(async c =>
            {
                var first = await ReadableAsync(c, c.GetArgument<string>("firstId"), "firstId");
                var second = await ReadableAsync(c, c.GetArgument<string>("secondId"), "secondId");
                await using var db = c.Db();
                return WaveComparison.Compare(await AnswersAsync(db, first.Id, c.CancellationToken), await AnswersAsync(db, second.Id, c.CancellationToken));
            });
    }

    private static async Task<Survey> ReadableAsync(IResolveFieldContext c, string id, string argument)
    {
        c.Require(Role.Viewer, "read surveys");
        await using var db = c.Db();
        var survey = await SurveyMutations.FindSurveyAsync(db, id, argument, c.CancellationToken);
        // A survey of another municipality is as absent as one that does not exist.
        if (!c.Service<RequestCaller>().IsInsider(survey.AreaId)) throw Errors.UserError.NotFound($"There is no survey with id '{id}'.", argument);
        return survey;
    }

    /// <summary>The submitted answers of a wave, each partner as an actor of the map (a new one once accepted).</summary>
    private static async Task<IReadOnlyList<WaveAnswer>> AnswersAsync(ResourceMapDbContext db, int surveyId, CancellationToken ct)
    {
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId && r.SubmittedAt != null).ToListAsync(ct);
        return responses.Select(r => new WaveAnswer(r.ResourceId, r.Partners
                .Select((p, i) => (Partner: p, Id: p.ResourceId ?? r.Decisions.LastOrDefault(d => d.Item == SurveyItems.NewActorKey(i))?.WrittenId))
                .Where(p => p.Id is not null)
                .Select(p => new NamedPartner(p.Id!.Value, SurveyRules.Trust(p.Partner), SurveyRules.Value(p.Partner)))
                .ToList()))
            .ToList();
    }
}

public sealed class WaveComparisonType : ObjectGraphType<WaveComparisonResult>
{
    public WaveComparisonType()
    {
        Name = "SurveyComparison";
        Description = "Two waves of a survey compared, as PARTNER reports them.";
        Field<NonNullGraphType<WaveFiguresType>>("first").Description("The earlier wave's figures.").ResolveSource(s => s.First);
        Field<NonNullGraphType<WaveFiguresType>>("second").Description("The later wave's figures.").ResolveSource(s => s.Second);
        Field(s => s.NewTies).Description("Ties the later wave names and the earlier does not.");
        Field(s => s.LostTies).Description("Ties the earlier wave names and the later does not, though one of the two answered it.");
        Field(s => s.NotAskedAgain).Description("Ties of the earlier wave neither of whose actors answered the later one: not known whether they last.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WaveTieType>>>>("ties").Description("Every tie named in either wave.").ResolveSource(s => s.Ties);
    }
}

public sealed class WaveFiguresType : ObjectGraphType<WaveFigures>
{
    public WaveFiguresType()
    {
        Name = "SurveyWaveFigures";
        Description = "A wave's figures from its submitted answers.";
        Field(s => s.Respondents).Description("Actors who submitted an answer.");
        Field(s => s.TiesNamed).Description("Ties named by either side.");
        Field(s => s.ConfirmedByBothSides).Description("Ties both sides named (reciprocated).");
        Field(s => s.AverageTrust, nullable: true).Description("The mean trust score over the ties that have one (1–4).");
        Field(s => s.AverageValue, nullable: true).Description("The mean value score over the ties that have one (1–4).");
    }
}

public sealed class WaveTieType : ObjectGraphType<WaveTie>
{
    public WaveTieType()
    {
        Name = "SurveyWaveTie";
        Description = "A tie named in either wave.";
        Field<NonNullGraphType<ResourceNode>>("first").Description("One actor.").ResolveSource((c, s) => c.Service<ResourceLoaders>().AsRecorded.Load(s.FirstActorId));
        Field<NonNullGraphType<ResourceNode>>("second").Description("The other.").ResolveSource((c, s) => c.Service<ResourceLoaders>().AsRecorded.Load(s.SecondActorId));
        Field<WaveTieAnswersType>("inFirst").Description("As the earlier wave named it; null when it did not.").ResolveSource(s => s.InFirst);
        Field<WaveTieAnswersType>("inSecond").Description("As the later wave named it; null when it did not.").ResolveSource(s => s.InSecond);
        Field<NonNullGraphType<WaveTieChangeEnum>>("change").Description("What became of it from the earlier wave to the later.").ResolveSource(s => s.Change);
    }
}

public sealed class WaveTieChangeEnum : EnumerationGraphType<WaveTieChange>
{
    public WaveTieChangeEnum()
    {
        Name = "SurveyTieChange";
        Description = "What became of a tie from one wave of a survey to the next.";
        this.Describe(WaveTieChange.New, "Named in the later wave only.");
        this.Describe(WaveTieChange.Kept, "Named in both waves.");
        this.Describe(WaveTieChange.Lost, "Named in the earlier wave only, though one of its actors answered the later one.");
        this.Describe(WaveTieChange.NotAskedAgain, "Named in the earlier wave only, and neither of its actors answered the later one: not known whether it lasts.");
    }
}

public sealed class WaveTieAnswersType : ObjectGraphType<WaveTieAnswers>
{
    public WaveTieAnswersType()
    {
        Name = "SurveyWaveTieAnswers";
        Description = "How a wave named a tie.";
        Field(s => s.BothSides).Description("True when both actors named it.");
        Field(s => s.Trust, nullable: true).Description("The mean trust score of those who named it (1–4).");
        Field(s => s.Value, nullable: true).Description("The mean value score of those who named it (1–4).");
    }
}
