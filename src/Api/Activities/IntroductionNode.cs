using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

public sealed class IntroductionNode : ObjectGraphType<Introduction>
{
    public IntroductionNode()
    {
        Name = "Introduction";
        Description = "A worker's record that they introduced two actors who did not know each other (the worker as go-between), and what came of it.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Introduction;

        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(GlobalId.Introduction, s.Id));
        Field<NonNullGraphType<ResourceNode>>("first").Description("One of the two actors (as it was, if deleted since).")
            .ResolveSource((c, s) => c.Service<ResourceLoaders>().AsRecorded.Load(s.FirstId));
        Field<NonNullGraphType<ResourceNode>>("second").Description("The other actor.")
            .ResolveSource((c, s) => c.Service<ResourceLoaders>().AsRecorded.Load(s.SecondId));
        Field<NonNullGraphType<DateOnlyGraphType>>("on").Description("The day of the introduction.").ResolveSource(s => s.On);
        Field<ActivityNode>("activity").Description("The activity it happened at; null when none.")
            .ResolveSource((c, s) => s.ActivityId is { } id ? c.Service<ActivityLoaders>().ById.Load(id) : null);
        Field(i => i.FromSuggestion).Description("True when it followed a tie the analysis suggested; false for the worker's own idea.");
        Field<NonNullGraphType<IntroductionOutcomeEnum>>("outcome").Description("What came of it.").ResolveSource(s => Boxed.Enum(s.Outcome));
        Field<DateOnlyGraphType>("outcomeOn").Description("The day the outcome was known; null while pending.").ResolveSource(s => s.OutcomeOn);
        Field<RelationshipNode>("relationship").Description("The tie that followed; null unless the outcome is TIE_FORMED and the tie is recorded.")
            .ResolveSource((c, s) => s.RelationshipId is { } id ? c.Service<RelationshipLoaders>().AsRecorded.Load(id) : null);
        Field(i => i.Note, nullable: true).Description("A note.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was recorded.").ResolveSource(s => s.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When it was last changed.").ResolveSource(s => s.UpdatedAt);
        Field(x => x.Version).Description("1 when created, one more with every change: send it back with an update or delete to refuse to overwrite someone else's change (CONFLICT).");
    }
}

public sealed class IntroductionOutcomeEnum : EnumerationGraphType<IntroductionOutcome>
{
    public IntroductionOutcomeEnum()
    {
        Name = "IntroductionOutcome";
        Description = "What came of an introduction.";
        this.Describe(IntroductionOutcome.Pending, "No answer yet.");
        this.Describe(IntroductionOutcome.TieFormed, "They formed a tie.");
        this.Describe(IntroductionOutcome.Declined, "One of them declined.");
    }
}

public sealed class IntroductionConnectionType : Paging.ConnectionType<IntroductionNode, Introduction>;

public sealed class RecordIntroductionInputType : InputObjectGraphType
{
    public RecordIntroductionInputType()
    {
        Name = "RecordIntroductionInput";
        Description = "An introduction of two actors.";
        Field<NonNullGraphType<IdGraphType>>("firstId").Description("One actor.");
        Field<NonNullGraphType<IdGraphType>>("secondId").Description("The other actor.");
        Field<NonNullGraphType<DateOnlyGraphType>>("on").Description("The day of the introduction.");
        AddCommonFields(this);
    }

    internal static void AddCommonFields(InputObjectGraphType input)
    {
        input.Field<IdGraphType>("activityId").Description("The activity it happened at.");
        input.Field<BooleanGraphType>("fromSuggestion").Description("True when it followed a suggested tie (network.suggestions); default false.");
        input.Field<IntroductionOutcomeEnum>("outcome").Description("What came of it (default PENDING).");
        input.Field<DateOnlyGraphType>("outcomeOn").Description("The day the outcome was known; not before the introduction.");
        input.Field<IdGraphType>("relationshipId").Description("The tie that followed (with outcome TIE_FORMED): a tie between the two actors.");
        input.Field<StringGraphType>("note").Description("A note, at most 4000 characters.");
    }
}

public sealed class UpdateIntroductionInputType : InputObjectGraphType
{
    public UpdateIntroductionInputType()
    {
        Name = "UpdateIntroductionInput";
        Description = "Changes to an introduction, usually its outcome: fields left out stay as they are; fields given as null are cleared.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the introduction.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
        Field<DateOnlyGraphType>("on").Description("New day of the introduction.");
        RecordIntroductionInputType.AddCommonFields(this);
    }
}

public sealed class DeleteIntroductionInputType : InputObjectGraphType
{
    public DeleteIntroductionInputType()
    {
        Name = "DeleteIntroductionInput";
        Description = "The introduction to delete.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Id of the introduction.");
        Field<IntGraphType>("version").Description(ExpectedVersion.Description);
    }
}

public sealed record IntroductionPayload(Introduction Introduction);

public sealed class IntroductionPayloadType : ObjectGraphType<IntroductionPayload>
{
    public IntroductionPayloadType()
    {
        Name = "IntroductionPayload";
        Description = "The introduction as saved.";
        Field<NonNullGraphType<IntroductionNode>>("introduction").Description("The introduction.").ResolveSource(s => s.Introduction);
    }
}

public sealed record DeleteIntroductionPayload(string DeletedIntroductionId);

public sealed class DeleteIntroductionPayloadType : ObjectGraphType<DeleteIntroductionPayload>
{
    public DeleteIntroductionPayloadType()
    {
        Name = "DeleteIntroductionPayload";
        Description = "What was deleted.";
        Field<NonNullGraphType<IdGraphType>>("deletedIntroductionId").Description("Id of the deleted introduction.").ResolveSource(s => s.DeletedIntroductionId);
    }
}
