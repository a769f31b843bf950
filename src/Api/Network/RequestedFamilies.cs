using GraphQL;
using GraphQLParser.AST;
using ResourceMap.Graph;

namespace ResourceMap.Api.Network;

/// <summary>
/// The metric families a field's selection reads, found by the names of the fields below it (fragments included), so
/// that a request computes or waits for nothing it does not show.
/// </summary>
public static class RequestedFamilies
{
    private static readonly Dictionary<string, MetricFamily[]> FamiliesOfField = new()
    {
        ["betweenness"] = [MetricFamily.Betweenness],
        ["betweennessNormalized"] = [MetricFamily.Betweenness],
        ["weightedBetweenness"] = [MetricFamily.WeightedBetweenness],
        ["weightedBetweennessNormalized"] = [MetricFamily.WeightedBetweenness],
        ["closeness"] = [MetricFamily.Distances],
        ["harmonic"] = [MetricFamily.Distances],
        ["averagePathLength"] = [MetricFamily.Distances],
        ["diameter"] = [MetricFamily.Distances],
        ["clustering"] = [MetricFamily.Clustering],
        ["constraint"] = [MetricFamily.StructuralHoles],
        ["effectiveSize"] = [MetricFamily.StructuralHoles],
        ["community"] = [MetricFamily.Communities],
        ["communities"] = [MetricFamily.Communities],
        ["modularity"] = [MetricFamily.Communities],
        ["suggestions"] = [MetricFamily.Communities],
        ["approximation"] = [MetricFamily.Betweenness, MetricFamily.Distances],
    };

    /// <summary>The families read below the field being resolved.</summary>
    public static IReadOnlySet<MetricFamily> Of(IResolveFieldContext context)
    {
        var found = new HashSet<MetricFamily>();
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        Walk(context.FieldAst.SelectionSet, fragments, found, []);
        return found;
    }

    private static void Walk(GraphQLSelectionSet? selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<MetricFamily> found, HashSet<string> spread)
    {
        if (selections is null) return;
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (FamiliesOfField.TryGetValue(field.Name.StringValue, out var families)) found.UnionWith(families);
                    Walk(field.SelectionSet, fragments, found, spread);
                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, fragments, found, spread);
                    break;
                case GraphQLFragmentSpread fragment when spread.Add(fragment.FragmentName.Name.StringValue):
                    if (fragments.TryGetValue(fragment.FragmentName.Name.StringValue, out var definition)) Walk(definition.SelectionSet, fragments, found, spread);
                    break;
            }
        }
    }
}
