using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQLParser.AST;

namespace ResourceMap.Api.Loading;

/// <summary>
/// Reads only the columns a query's selection needs, as Hot Chocolate's projections do: a map asking for 500 resources
/// with their ties would otherwise read and parse every description, tag list and timestamp it never shows (that was
/// half the time of such a query). Each GraphQL field lists the entity properties it reads; a field not listed reads
/// the whole entity, so a new field is correct before anyone lists it.
/// </summary>
public sealed class Projection<T>(string[] always, IReadOnlyDictionary<string, string[]> columnsByField)
{
    private readonly ConcurrentDictionary<string, Expression<Func<T, T>>> _built = new();

    /// <summary>
    /// An expression building an entity with only the columns these fields (and <paramref name="extra"/> properties)
    /// read, or null when one of them needs the whole entity. The same columns give the same expression instance.
    /// </summary>
    public Expression<Func<T, T>>? For(IEnumerable<string> fields, params string[] extra)
    {
        var columns = new SortedSet<string>(always.Concat(extra), StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field.StartsWith("__", StringComparison.Ordinal)) continue;
            if (!columnsByField.TryGetValue(field, out var read)) return null;
            columns.UnionWith(read);
        }
        return _built.GetOrAdd(string.Join(',', columns), _ => Build(columns));
    }

    /// <summary>Whether these fields read no column but <paramref name="held"/> (the ones always read among them).</summary>
    public bool ReadsOnly(IEnumerable<string> fields, IReadOnlySet<string> held) =>
        always.All(held.Contains) && fields.All(field => field.StartsWith("__", StringComparison.Ordinal)
            || (columnsByField.TryGetValue(field, out var read) && read.All(held.Contains)));

    /// <summary>The fields whose columns are listed.</summary>
    public IEnumerable<string> Fields => columnsByField.Keys;

    private static Expression<Func<T, T>> Build(IEnumerable<string> columns)
    {
        var entity = Expression.Parameter(typeof(T), "e");
        var bindings = columns.Select(name =>
        {
            var property = typeof(T).GetProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.");
            return (MemberBinding)Expression.Bind(property, Expression.Property(entity, property));
        });
        return Expression.Lambda<Func<T, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), entity);
    }
}

/// <summary>The fields of a query's selections, with fragments expanded.</summary>
public static class Selections
{
    /// <summary>The names of these fields, each once.</summary>
    public static HashSet<string> Names(IEnumerable<GraphQLField> fields) => fields.Select(f => f.Name.StringValue).ToHashSet(StringComparer.Ordinal);

    /// <summary>The fields selected on the nodes of a Relay connection field: under <c>nodes</c> and under <c>edges { node }</c>.</summary>
    public static IEnumerable<GraphQLField> ConnectionNodeFields(GraphQLDocument document, GraphQLField connection)
    {
        GraphQLSelectionSet?[] top = [connection.SelectionSet];
        return Fields(document, Under(document, top, "nodes").Concat(Under(document, Under(document, top, "edges"), "node")));
    }

    private static IEnumerable<GraphQLSelectionSet?> Under(GraphQLDocument document, IEnumerable<GraphQLSelectionSet?> sets, string name) =>
        Fields(document, sets).Where(f => f.Name.StringValue == name).Select(f => f.SelectionSet);

    /// <summary>
    /// The fields selected in <paramref name="sets"/>, fragment spreads and inline fragments expanded whatever their type
    /// conditions and directives (a superset of what runs is enough to choose columns and look ahead).
    /// </summary>
    public static IEnumerable<GraphQLField> Fields(GraphQLDocument document, IEnumerable<GraphQLSelectionSet?> sets)
    {
        foreach (var set in sets)
        {
            if (set is null) continue;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        yield return field;
                        break;
                    case GraphQLInlineFragment inline:
                        foreach (var inner in Fields(document, [inline.SelectionSet])) yield return inner;
                        break;
                    case GraphQLFragmentSpread spread:
                        var definition = document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(d => d.FragmentName.Name.StringValue == spread.FragmentName.Name.StringValue);
                        if (definition is not null)
                            foreach (var inner in Fields(document, [definition.SelectionSet])) yield return inner;
                        break;
                }
            }
        }
    }
}
