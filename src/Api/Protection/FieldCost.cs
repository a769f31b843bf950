using GraphQL;
using System.Globalization;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ResourceMap.Api.Protection;

/// <summary>
/// What a field's work grows with, beyond its weight: the weight of <c>@cost</c> is multiplied by this measure of the
/// current data (read from the cached snapshots when the operation is priced, never by running the analysis).
/// </summary>
public enum CostScale
{
    /// <summary>The weight as it is.</summary>
    None,
    /// <summary>Per actor and per tie of the whole network (an analysis of it).</summary>
    NetworkSize,
    /// <summary>Per grid cell over the area (<c>areaId</c> at <c>cellSizeMeters</c>).</summary>
    GridCells,
    /// <summary>Per pair of a candidate cell and a cell within its reach (maximal covering).</summary>
    PlacementPairs,
    /// <summary>Per area and per resource (a floating catchment over all of them).</summary>
    CoverageSize,
}

/// <summary>
/// Weights of fields as the IBM GraphQL Cost Directives specification writes them, and as Hot Chocolate applies them:
/// <c>@cost(weight: "…")</c> on a field whose work is more than reading a value, <c>@listSize(…)</c> on a list whose
/// length a client sets. Both are printed in the SDL, so a client can price its operation as the server does
/// (<see cref="OperationAnalysis"/>).
/// </summary>
public static class FieldCost
{
    public const string CostDirective = "cost";
    public const string ListSizeDirective = "listSize";
    public const string ScaleMetadata = "resourcemap.costScale";
    public const string NetworkListMetadata = "resourcemap.networkList";
    public const string NetworkTieListMetadata = "resourcemap.networkTieList";

    /// <summary>The cost of resolving this field once: <paramref name="weight"/>, times <paramref name="scale"/> of the data.</summary>
    public static FieldBuilder<TSource, TReturn> Cost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, double weight, CostScale scale = CostScale.None)
    {
        field.FieldType.ApplyDirective(CostDirective, "weight", weight.ToString(CultureInfo.InvariantCulture));
        if (scale != CostScale.None)
        {
            field.FieldType.WithMetadata(ScaleMetadata, scale);
            field.FieldType.Description += " " + Explain(weight, scale);
        }
        return field;
    }

    /// <summary>
    /// How long the list is taken to be: the value of the first slicing argument given (an Int, or the length of a list
    /// such as <c>ids</c>), else <paramref name="assumedSize"/>; with <paramref name="sizedFields"/>, the size is that of
    /// those child fields (a connection's <c>nodes</c> and <c>edges</c>).
    /// </summary>
    public static FieldType ListSize(this FieldType field, int assumedSize, string[]? slicingArguments = null, string[]? sizedFields = null)
    {
        field.ApplyDirective(ListSizeDirective, d =>
        {
            d.AddArgument(new DirectiveArgument("assumedSize") { Value = assumedSize });
            if (slicingArguments is not null) d.AddArgument(new DirectiveArgument("slicingArguments") { Value = slicingArguments });
            if (sizedFields is not null) d.AddArgument(new DirectiveArgument("sizedFields") { Value = sizedFields });
            // Our lists answer with what there is when no slicing argument is given (requireOneSlicingArgument: false).
            d.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
        });
        return field;
    }

    public static FieldBuilder<TSource, TReturn> ListSize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int assumedSize, params string[] slicingArguments)
    {
        field.FieldType.ListSize(assumedSize, slicingArguments.Length == 0 ? null : slicingArguments);
        return field;
    }

    /// <summary>A list with an item per actor of the network: priced as that long.</summary>
    public static FieldBuilder<TSource, TReturn> ListOfActors<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.WithMetadata(NetworkListMetadata, true);
        field.FieldType.Description += " Priced as a list as long as the network has actors.";
        return field;
    }

    /// <summary>A list with an item per tie of the network: priced as that long.</summary>
    public static FieldBuilder<TSource, TReturn> ListOfTies<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.WithMetadata(NetworkTieListMetadata, true);
        field.FieldType.Description += " Priced as a list as long as the network has ties.";
        return field;
    }

    private static string Explain(double weight, CostScale scale) => scale switch
    {
        CostScale.NetworkSize => $"Cost: {weight:0.##} per actor and tie of the network.",
        CostScale.GridCells => $"Cost: {weight:0.##} per grid cell.",
        CostScale.PlacementPairs => $"Cost: {weight:0.##} per pair of a candidate cell and a cell within its reach.",
        CostScale.CoverageSize => $"Cost: {weight:0.##} per area and resource.",
        _ => "",
    };

    /// <summary>The weight of <c>@cost</c> on the field, or null when it has none.</summary>
    public static double? WeightOf(FieldType field) =>
        field.FindAppliedDirective(CostDirective)?.FindArgument("weight")?.Value is string w
        && double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) ? weight : null;

    public static CostScale ScaleOf(FieldType field) => field.GetMetadata(ScaleMetadata, CostScale.None);

    /// <summary>The arguments of <c>@listSize</c> on the field, or null when it has none.</summary>
    public static ListSizeRule? ListSizeOf(FieldType field)
    {
        if (field.FindAppliedDirective(ListSizeDirective) is not { } d) return null;
        return new ListSizeRule(
            d.FindArgument("assumedSize")?.Value is int size ? size : OperationAnalysis.DefaultListSize,
            d.FindArgument("slicingArguments")?.Value as string[] ?? [],
            d.FindArgument("sizedFields")?.Value as string[] ?? []);
    }
}

public sealed record ListSizeRule(int AssumedSize, string[] SlicingArguments, string[] SizedFields);

/// <summary><c>directive @cost(weight: String!) on …</c> of the IBM GraphQL Cost Directives specification.</summary>
public sealed class CostDirective : Directive
{
    public CostDirective() : base(FieldCost.CostDirective, GraphQLParser.AST.DirectiveLocation.FieldDefinition)
    {
        Description = "The cost of resolving the field once, in the units of the server's limits (IBM GraphQL Cost Directives).";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "weight", Description = "The weight, as a decimal number." });
    }
}

/// <summary><c>directive @listSize(…) on FIELD_DEFINITION</c> of the IBM GraphQL Cost Directives specification.</summary>
public sealed class ListSizeDirective : Directive
{
    public ListSizeDirective() : base(FieldCost.ListSizeDirective, GraphQLParser.AST.DirectiveLocation.FieldDefinition)
    {
        Description = "How long a list is taken to be when the operation is priced (IBM GraphQL Cost Directives).";
        Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "assumedSize", Description = "The size when no slicing argument is given." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "slicingArguments", Description = "Arguments that set the size (an Int, or a list whose length it is)." },
            new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "sizedFields", Description = "Child fields that the size applies to (a connection's edges and nodes)." },
            new QueryArgument<BooleanGraphType> { Name = "requireOneSlicingArgument", Description = "Whether exactly one slicing argument must be given.", DefaultValue = true });
    }
}
