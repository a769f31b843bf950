using System.Collections;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Protection;

/// <summary>What the operation's data grows with, read from the cached snapshots when a field's cost needs it.</summary>
public interface ICostData
{
    /// <summary>Actors and ties of the whole network.</summary>
    (int Actors, int Ties) NetworkSize { get; }

    /// <summary>Areas and placed resources.</summary>
    (int Areas, int Resources) CoverageSize { get; }

    /// <summary>Grid cells of <paramref name="cellSizeMeters"/> over the area's boundary; null when the area has none.</summary>
    long? GridCells(int areaId, double cellSizeMeters);
}

/// <summary>The parts of <see cref="ICostData"/> an operation's price reads: each is loaded only when a field needs it.</summary>
[Flags]
public enum CostInputs
{
    None = 0,
    /// <summary><see cref="ICostData.NetworkSize"/>.</summary>
    Network = 1,
    /// <summary><see cref="ICostData.CoverageSize"/> and <see cref="ICostData.GridCells"/>.</summary>
    Spatial = 2,
}

/// <summary>The figures of one operation, each found in one pass over its document with every fragment expanded.</summary>
public sealed record OperationFigures(long Fields, long FragmentSpreads, int Aliases, int Depth, long Cost, CostInputs NeedsData);

/// <summary>
/// Prices an operation and checks its inputs before any validation rule runs, in time linear in the document: each
/// fragment is walked once and its figures (fields, spreads, depth, cost) reused wherever it is spread, so a chain of
/// fragments that each spread the next twice is counted, not expanded. The cost follows the IBM GraphQL Cost Directives
/// specification: a field costs its <c>@cost</c> weight (1 by default, 0 for introspection and <c>__typename</c>), a
/// list multiplies what is below it by its size (<c>@listSize</c>: the slicing argument given, else the assumed size,
/// else <see cref="DefaultListSize"/>). List arguments hold at most <see cref="GraphQLLimits.MaxListItems"/> items and
/// filters (<c>where</c>) at most <see cref="GraphQLLimits.MaxFilterItems"/> per list and
/// <see cref="GraphQLLimits.MaxFilterDepth"/> levels.
/// </summary>
public sealed class OperationAnalysis
{
    /// <summary>The size of a list without <c>@listSize</c> (a resource's ties, an actor's communities).</summary>
    public const int DefaultListSize = 5;

    private const long Saturated = long.MaxValue / 4;

    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly Inputs _variables;
    private readonly GraphQLLimits _limits;
    private readonly ICostData? _data;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<(string Name, long Sized), Tally?> _fragmentTallies = [];
    private CostInputs _needsData;

    private OperationAnalysis(ISchema schema, GraphQLDocument document, Inputs variables, GraphQLLimits limits, ICostData? data)
    {
        _schema = schema;
        _document = document;
        _variables = variables;
        _limits = limits;
        _data = data;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>()) _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>
    /// The figures of <paramref name="operation"/>, or the error that refuses it. Without <paramref name="data"/> the fields
    /// priced by the data count their weight alone and <see cref="OperationFigures.NeedsData"/> says to price again with it.
    /// </summary>
    public static (OperationFigures? Figures, ExecutionError? Error) Analyse(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation,
        Inputs variables, GraphQLLimits limits, ICostData? data = null)
    {
        var analysis = new OperationAnalysis(schema, document, variables, limits, data);
        try
        {
            IComplexGraphType? root = operation.Operation switch
            {
                OperationType.Mutation => schema.Mutation,
                OperationType.Subscription => schema.Subscription,
                _ => schema.Query,
            };
            var tally = analysis.Walk(operation.SelectionSet, root, sized: 0, sizedFields: null);
            var aliases = CountAliases(document);
            return (new OperationFigures(tally.Fields, tally.Spreads, aliases, tally.Depth, tally.Cost, analysis._needsData), null);
        }
        catch (Refusal refusal)
        {
            return (null, refusal.Error);
        }
    }

    private sealed record Tally(long Fields, long Spreads, int Depth, long Cost)
    {
        public static readonly Tally Zero = new(0, 0, 0, 0);

        public Tally Add(Tally other) => new(Sum(Fields, other.Fields), Sum(Spreads, other.Spreads), Math.Max(Depth, other.Depth), Sum(Cost, other.Cost));
    }

    private sealed class Refusal(ExecutionError error) : Exception(error.Message)
    {
        public ExecutionError Error { get; } = error;
    }

    private static long Sum(long a, long b) => Math.Min(Saturated, a + b);

    private static long Times(long a, long b) => a == 0 || b == 0 ? 0 : a > Saturated / b ? Saturated : a * b;

    private Tally Walk(GraphQLSelectionSet? selectionSet, IGraphType? parent, long sized, string[]? sizedFields)
    {
        if (selectionSet is null) return Tally.Zero;
        var tally = Tally.Zero;
        foreach (var selection in selectionSet.Selections)
        {
            tally = tally.Add(selection switch
            {
                GraphQLField field => Field(field, parent, sized, sizedFields),
                GraphQLInlineFragment inline => Walk(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? parent, sized, sizedFields),
                GraphQLFragmentSpread spread => Spread(spread, sized, sizedFields),
                _ => Tally.Zero,
            });
            Check(tally);
        }
        return tally;
    }

    private Tally Spread(GraphQLFragmentSpread spread, long sized, string[]? sizedFields)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!_fragments.TryGetValue(name, out var fragment)) return new Tally(0, 1, 0, 0); // unknown: validation says so
        var key = (name, sizedFields is null ? 0 : sized);
        if (_fragmentTallies.TryGetValue(key, out var known))
            return known is null ? new Tally(0, 1, 0, 0) : known with { Spreads = Sum(known.Spreads, 1) }; // null: a cycle, which validation refuses
        _fragmentTallies[key] = null;
        var tally = Walk(fragment.SelectionSet, TypeOf(fragment.TypeCondition), sized, sizedFields);
        _fragmentTallies[key] = tally;
        return tally with { Spreads = Sum(tally.Spreads, 1) };
    }

    private Tally Field(GraphQLField node, IGraphType? parent, long sized, string[]? sizedFields)
    {
        var name = node.Name.StringValue;
        var definition = parent is IComplexGraphType complex ? complex.GetField(name) : null;
        if (name.StartsWith("__", StringComparison.Ordinal) || definition is null || parent!.Name.StartsWith("__", StringComparison.Ordinal))
        {
            // Introspection and __typename read the schema, not the data: they count as fields, not as cost.
            var schemaType = name switch
            {
                "__schema" => _schema.AllTypes["__Schema"],
                "__type" => _schema.AllTypes["__Type"],
                _ => definition?.ResolvedType?.GetNamedType(),
            };
            var inner = Walk(node.SelectionSet, schemaType, 0, null);
            return new Tally(Sum(inner.Fields, 1), inner.Spreads, inner.Depth + 1, 0);
        }

        if (node.Arguments is { } arguments)
            foreach (var argument in arguments)
                if (definition.Arguments?.Find(argument.Name.StringValue) is { } declared)
                    CheckInput(argument.Name.StringValue, declared.ResolvedType, Value(argument.Value), name, filterDepth: argument.Name.StringValue is "where" ? 0 : -1);

        var rule = FieldCost.ListSizeOf(definition);
        var isList = IsList(definition.ResolvedType);
        var size = sizedFields is not null && sizedFields.Contains(name) ? sized
            : isList && rule is { SizedFields.Length: 0 } ? ListSize(node, rule)
            : isList ? DefaultListSize
            : 1;
        if (isList && definition.GetMetadata(FieldCost.NetworkListMetadata, false)) size = Math.Max(size, NetworkSize().Actors);
        if (isList && definition.GetMetadata(FieldCost.NetworkTieListMetadata, false)) size = Math.Max(size, NetworkSize().Ties);
        var childSized = rule is { SizedFields.Length: > 0 } ? ListSize(node, rule) : 0;
        var children = Walk(node.SelectionSet, definition.ResolvedType?.GetNamedType(), childSized, rule is { SizedFields.Length: > 0 } ? rule.SizedFields : null);
        var weight = Weight(definition, node);
        return new Tally(Sum(children.Fields, 1), children.Spreads, children.Depth + 1, Sum(weight, Times(size, children.Cost)));
    }

    private long Weight(FieldType definition, GraphQLField node)
    {
        var weight = FieldCost.WeightOf(definition) ?? 1;
        var scale = FieldCost.ScaleOf(definition);
        if (scale == CostScale.None) return (long)Math.Ceiling(weight);
        _needsData |= scale == CostScale.NetworkSize ? CostInputs.Network : CostInputs.Spatial;
        if (_data is null) return (long)Math.Ceiling(weight);
        double measure = scale switch
        {
            CostScale.NetworkSize => NetworkSize().Actors + NetworkSize().Ties,
            CostScale.CoverageSize => _data.CoverageSize.Areas + _data.CoverageSize.Resources,
            CostScale.GridCells => Cells(node, CellSizeOf(node)),
            CostScale.PlacementPairs => PlacementPairs(node),
            _ => 1,
        };
        return (long)Math.Min(Saturated, Math.Ceiling(weight * Math.Max(1, measure)));
    }

    private (int Actors, int Ties) NetworkSize()
    {
        _needsData |= CostInputs.Network;
        return _data?.NetworkSize ?? (0, 0);
    }

    private double? CellSizeOf(GraphQLField node) => Argument(node, "cellSizeMeters") switch
    {
        double d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    /// <summary>Cells over the area, as the field would lay them; 1 while the arguments are not yet valid (the field refuses them).</summary>
    private double Cells(GraphQLField node, double? cellSizeMeters)
    {
        if (cellSizeMeters is not (>= 10 and <= 100_000) || Argument(node, "areaId") is not string id
            || !Ids.GlobalId.TryDecode(id, out var type, out var areaId) || type != Ids.GlobalId.Area) return 1;
        // Past the most cells a grid may have the field refuses the size itself, saying so (BAD_USER_INPUT).
        return Math.Min(Coverage.CoverageQueries.MaxGridCells, _data!.GridCells(areaId, cellSizeMeters.Value) ?? 1);
    }

    /// <summary>Candidate cells × the cells within reach of each (at most all of them), as the maximal covering compares them.</summary>
    private double PlacementPairs(GraphQLField node)
    {
        var reach = Argument(node, "maxDistanceMeters") switch { double d => d, int i => i, long l => l, _ => 0.0 };
        if (!double.IsFinite(reach) || reach <= 0) return 1;
        var cellSize = CellSizeOf(node) ?? DefaultCellSize(node, reach);
        var cells = Cells(node, cellSize);
        var withinReach = Math.Min(cells, Math.PI * (reach / cellSize) * (reach / cellSize));
        return cells * Math.Max(1, withinReach);
    }

    /// <summary>The spacing placementSuggestions takes when none is given: a quarter of the distance, coarser until the grid fits.</summary>
    private double DefaultCellSize(GraphQLField node, double reach)
    {
        var size = Math.Clamp(reach / 4, 10, 100_000);
        if (Argument(node, "areaId") is not string id || !Ids.GlobalId.TryDecode(id, out var type, out var areaId) || type != Ids.GlobalId.Area) return size;
        for (var i = 0; i < 100 && _data!.GridCells(areaId, size) > Coverage.CoverageQueries.MaxGridCells; i++) size *= 1.25;
        return size;
    }

    private long ListSize(GraphQLField node, ListSizeRule rule)
    {
        foreach (var slicing in rule.SlicingArguments)
        {
            switch (Argument(node, slicing))
            {
                case int i: return Math.Max(0, i);
                case long l: return Math.Max(0, l);
                case IList list: return list.Count;
            }
        }
        return rule.AssumedSize;
    }

    /// <summary>An argument's value as the resolver will see it (literals as CLR values, variables from the request).</summary>
    private object? Argument(GraphQLField node, string name) =>
        node.Arguments?.FirstOrDefault(a => a.Name.StringValue == name) is { } argument ? Plain(Value(argument.Value)) : null;

    private object? Value(GraphQLValue value) => value is GraphQLVariable variable
        ? _variables.TryGetValue(variable.Name.StringValue, out var given) ? given : null
        : value;

    private static object? Plain(object? value) => value switch
    {
        GraphQLIntValue i => long.TryParse(i.Value.Span, out var n) ? n : null,
        GraphQLFloatValue f => double.TryParse(f.Value.Span, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null,
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLListValue l => l.Values?.Cast<object?>().ToList() ?? [],
        _ => value,
    };

    /// <summary>Refuses a list argument longer than allowed, and a filter nested too deep or too wide, wherever it is inside the input.</summary>
    private void CheckInput(string path, IGraphType? type, object? value, string field, int filterDepth)
    {
        if (value is null or GraphQLNullValue || type is null) return;
        if (type is NonNullGraphType nonNull) type = nonNull.ResolvedType;
        if (type is ListGraphType listType)
        {
            var items = value switch
            {
                GraphQLListValue l => l.Values?.Cast<object?>().ToList() ?? [],
                IList list => list.Cast<object?>().ToList(),
                _ => [value], // a single value given for a list
            };
            var max = filterDepth >= 0 ? _limits.MaxFilterItems : _limits.MaxListItems;
            if (items.Count > max)
                throw new Refusal(filterDepth >= 0
                    ? new UserError(ErrorCodes.ListTooLong, $"{field}: '{path}' has {items.Count:N0} items; at most {max:N0} are allowed in a filter.", path)
                    : new UserError(ErrorCodes.ListTooLong, $"{field}: '{path}' has {items.Count:N0} items; at most {max:N0} are allowed.", path));
            for (var i = 0; i < items.Count; i++) CheckInput($"{path}[{i}]", listType.ResolvedType, items[i], field, filterDepth);
            return;
        }
        if (type is not IInputObjectGraphType inputType)
        {
            // Scalars and enums (a GeoJSON geometry's coordinates are one scalar). Text must be Unicode a database and a
            // search can hold: no lone surrogate, no noncharacter such as U+FFFE.
            var text = value switch { string str => str, GraphQLStringValue literal => literal.Value.ToString(), _ => null };
            if (text is not null && InvalidCodePoint(text) is { } at)
                throw new Refusal(UserError.BadInput($"{field}: '{path}' holds an invalid character (U+{(int)text[at]:X4}) at position {at + 1}.", path));
            return;
        }
        if (filterDepth >= 0 && filterDepth >= _limits.MaxFilterDepth)
            throw new Refusal(new UserError(ErrorCodes.FilterTooDeep, $"{field}: the filter nests more than {_limits.MaxFilterDepth} levels (at '{path}').", path));
        var depth = filterDepth >= 0 ? filterDepth + 1 : -1;
        switch (value)
        {
            case GraphQLObjectValue o:
                foreach (var f in o.Fields ?? [])
                    CheckInput(path + "." + f.Name.StringValue, inputType.GetField(f.Name.StringValue)?.ResolvedType, Value(f.Value), field, depth);
                break;
            case IDictionary<string, object?> d:
                foreach (var (key, item) in d) CheckInput(path + "." + key, inputType.GetField(key)?.ResolvedType, item, field, depth);
                break;
        }
    }

    /// <summary>Where the text has a lone surrogate or a Unicode noncharacter, or null when it has none.</summary>
    private static int? InvalidCodePoint(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if ((codePoint & 0xFFFE) == 0xFFFE) return i;
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' || (c & 0xFFFE) == 0xFFFE) return i;
        }
        return null;
    }

    private void Check(Tally tally)
    {
        if (tally.Fields > _limits.MaxFields)
            throw new Refusal(new UserError(ErrorCodes.DocumentTooLarge, $"The operation selects more than {_limits.MaxFields:N0} fields, counting each fragment wherever it is spread."));
        if (tally.Spreads > _limits.MaxFragmentSpreads)
            throw new Refusal(new UserError(ErrorCodes.DocumentTooLarge, $"The operation spreads fragments more than {_limits.MaxFragmentSpreads:N0} times, counting nested spreads."));
        if (tally.Depth > _limits.MaxDepth)
            throw new Refusal(new UserError(ErrorCodes.QueryTooDeep, $"The operation nests fields {tally.Depth} deep; at most {_limits.MaxDepth} are allowed."));
    }

    private IGraphType? TypeOf(GraphQLTypeCondition? condition) =>
        condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue];

    private static bool IsList(IGraphType? type) => type switch
    {
        NonNullGraphType n => IsList(n.ResolvedType),
        ListGraphType => true,
        _ => false,
    };

    private static int CountAliases(GraphQLDocument document)
    {
        var count = 0;
        var stack = new Stack<GraphQLSelectionSet>();
        foreach (var definition in document.Definitions)
            if (definition is IHasSelectionSetNode { SelectionSet: { } set }) stack.Push(set);
        while (stack.Count > 0)
            foreach (var selection in stack.Pop().Selections)
            {
                if (selection is GraphQLField field && field.Alias is not null) count++;
                if (selection is IHasSelectionSetNode { SelectionSet: { } inner }) stack.Push(inner);
            }
        return count;
    }
}
