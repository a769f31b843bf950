using GraphQL.Types;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Network;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;

namespace ResourceMap.Api.Schema;

/// <summary>The root query; each feature adds its own fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "Everything that can be read.";
        NodeQueries.AddTo(this);
        ResourceQueries.AddTo(this);
        RelationshipQueries.AddTo(this);
        AreaQueries.AddTo(this);
        NetworkQueries.AddTo(this);
        Activities.ActivityQueries.AddTo(this);
        Coverage.CoverageQueries.AddTo(this);
        Surveys.SurveyQueries.AddTo(this);
        Surveys.SurveyForm.AddQueries(this);
        History.HistoryFeature.AddQueriesTo(this);
        Privacy.PersonalDataFeature.AddQueriesTo(this);
        Users.UserFeature.AddQueriesTo(this);
    }
}

/// <summary>The root mutation; each feature adds its own fields.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Everything that can be changed.";
        ResourceMutations.AddTo(this);
        RelationshipMutations.AddTo(this);
        Activities.ActivityMutations.AddTo(this);
        Activities.IntroductionMutations.AddTo(this);
        AreaMutations.AddTo(this);
        Surveys.SurveyMutations.AddTo(this);
        Surveys.SurveyForm.AddMutations(this);
        History.HistoryFeature.AddMutationsTo(this);
        Privacy.PersonalDataFeature.AddMutationsTo(this);
        Users.UserFeature.AddMutationsTo(this);
        Import.ImportFeature.AddMutationsTo(this);
    }
}
