using GraphQL;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

/// <summary>Activities and introductions an analysis names, loaded in one batch; those the caller may not read left out.</summary>
internal static class ActivityFields
{
    public static object Load(IResolveFieldContext context, IEnumerable<int> ids)
    {
        var loader = context.Service<ActivityLoaders>().ById;
        return new MappedResult<IReadOnlyList<Activity?>, List<Activity>>(new CombinedResult<Activity?>(ids.Select(loader.Load).ToList()), found => found.OfType<Activity>().ToList());
    }

    public static object LoadIntroductions(IResolveFieldContext context, IEnumerable<int> ids)
    {
        var loader = context.Service<ActivityLoaders>().IntroductionById;
        return new MappedResult<IReadOnlyList<Introduction?>, List<Introduction>>(new CombinedResult<Introduction?>(ids.Select(loader.Load).ToList()), found => found.OfType<Introduction>().ToList());
    }
}
