using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;

namespace ResourceMap.Api.Filtering;

/// <summary>How a field of a <c>where</c> input is compared.</summary>
public enum FilterKind
{
    /// <summary>A text: eq, contains, startsWith, … (<see cref="StringOperationFilterInputType"/>).</summary>
    String,
    /// <summary>A number or date: eq, in, gt, lte, … (<see cref="ComparableOperationFilterInputType{TScalar}"/>).</summary>
    Comparable,
    /// <summary>An enum or a boolean: eq, neq, in, nin.</summary>
    Equatable,
    /// <summary>A list of texts: some, all, none, any.</summary>
    StringList,
    /// <summary>An integer key given as global ids of <see cref="FilterField.IdType"/>.</summary>
    Id,
    /// <summary>A related object filtered by its own <c>where</c> input (<see cref="FilterField.Nested"/>).</summary>
    Object,
}

/// <summary>One field of a <c>where</c> input: its name, the entity property it reads, and how it is compared.</summary>
public sealed record FilterField(string Name, LambdaExpression Selector, FilterKind Kind, string? IdType = null, Func<IDictionary<string, object?>, Expression, Expression>? Nested = null);

/// <summary>
/// Turns a Hot Chocolate style <c>where</c> input into a LINQ predicate that EF Core translates to SQL: every field is
/// read from the entity through an expression, values become query parameters, and <c>and</c>/<c>or</c> nest freely.
/// </summary>
public sealed class Where<T>(IReadOnlyList<FilterField> fields, IReadOnlyDictionary<string, Func<object?, Expression<Func<T, bool>>>>? custom = null)
{
    private readonly Dictionary<string, FilterField> _fields = fields.ToDictionary(f => f.Name);

    public Expression<Func<T, bool>> Build(IDictionary<string, object?> where)
    {
        var entity = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(Body(where, entity), entity);
    }

    /// <summary>The condition on <paramref name="target"/>, an expression of type <typeparamref name="T"/>.</summary>
    public Expression Body(IDictionary<string, object?> where, Expression target)
    {
        var parts = new List<Expression>();
        foreach (var (key, value) in where)
        {
            if (value is null) continue;
            if (key is "and" or "or")
            {
                var branches = Objects(value).Select(w => Body(w, target)).ToList();
                if (branches.Count > 0) parts.Add(branches.Aggregate(key == "and" ? Expression.AndAlso : Expression.OrElse));
            }
            else if (custom?.TryGetValue(key, out var build) == true)
                parts.Add(Substitute(build(value), target));
            else
            {
                var field = _fields[key];
                var member = Substitute(field.Selector, target);
                parts.Add(field.Kind == FilterKind.Object
                    ? Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, member.Type)), field.Nested!((IDictionary<string, object?>)value, member))
                    : Operations(field, member, (IDictionary<string, object?>)value));
            }
        }
        return parts.Count == 0 ? Expression.Constant(true) : parts.Aggregate(Expression.AndAlso);
    }

    private static Expression Operations(FilterField field, Expression member, IDictionary<string, object?> operations)
    {
        var parts = new List<Expression>();
        foreach (var (op, raw) in operations)
        {
            var value = field.Kind == FilterKind.Id ? Key(raw, field) : raw;
            parts.Add(field.Kind switch
            {
                FilterKind.String => StringOperation(member, op, value),
                FilterKind.StringList => ListOperation(member, op, value),
                _ => ValueOperation(member, op, value),
            });
        }
        return parts.Count == 0 ? Expression.Constant(true) : parts.Aggregate(Expression.AndAlso);
    }

    private static object? Key(object? raw, FilterField field) => raw switch
    {
        null => null,
        string id => GlobalId.Decode(id, field.IdType!, $"where.{field.Name}"),
        IEnumerable ids => ids.Cast<object?>().Select(id => (object?)GlobalId.Decode(id?.ToString(), field.IdType!, $"where.{field.Name}")).ToList(),
        _ => raw,
    };

    private static Expression StringOperation(Expression member, string op, object? value)
    {
        Expression Call(string method) => Expression.AndAlso(
            Expression.NotEqual(member, Expression.Constant(null, typeof(string))),
            Expression.Call(member, typeof(string).GetMethod(method, [typeof(string)])!, Parameter(value, typeof(string))));
        return op switch
        {
            "and" => Objects(value).Select(o => Operations(o, member, StringOperation)).DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso),
            "or" => Objects(value).Select(o => Operations(o, member, StringOperation)).DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse),
            "contains" => Call(nameof(string.Contains)),
            "ncontains" => Expression.Not(Call(nameof(string.Contains))),
            "startsWith" => Call(nameof(string.StartsWith)),
            "nstartsWith" => Expression.Not(Call(nameof(string.StartsWith))),
            "endsWith" => Call(nameof(string.EndsWith)),
            "nendsWith" => Expression.Not(Call(nameof(string.EndsWith))),
            _ => ValueOperation(member, op, value),
        };
    }

    private static Expression Operations(IDictionary<string, object?> operations, Expression member, Func<Expression, string, object?, Expression> operation) =>
        operations.Select(o => operation(member, o.Key, o.Value)).DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso);

    private static Expression ValueOperation(Expression member, string op, object? value) => op switch
    {
        "eq" => Expression.Equal(member, Parameter(value, member.Type)),
        "neq" => Expression.NotEqual(member, Parameter(value, member.Type)),
        "in" => In(member, value),
        "nin" => Expression.Not(In(member, value)),
        "gt" => Expression.GreaterThan(member, Parameter(value, member.Type)),
        "ngt" => Expression.Not(Expression.GreaterThan(member, Parameter(value, member.Type))),
        "gte" => Expression.GreaterThanOrEqual(member, Parameter(value, member.Type)),
        "ngte" => Expression.Not(Expression.GreaterThanOrEqual(member, Parameter(value, member.Type))),
        "lt" => Expression.LessThan(member, Parameter(value, member.Type)),
        "nlt" => Expression.Not(Expression.LessThan(member, Parameter(value, member.Type))),
        "lte" => Expression.LessThanOrEqual(member, Parameter(value, member.Type)),
        "nlte" => Expression.Not(Expression.LessThanOrEqual(member, Parameter(value, member.Type))),
        _ => throw UserError.BadInput($"Unknown filter operation '{op}'.", "where"),
    };

    private static Expression ListOperation(Expression member, string op, object? value)
    {
        var item = Expression.Parameter(typeof(string), "item");
        LambdaExpression Predicate() => Expression.Lambda(Operations((IDictionary<string, object?>)value!, item, StringOperation), item);
        MethodInfo Method(string name, int parameters) => typeof(Enumerable).GetMethods()
            .Single(m => m.Name == name && m.GetParameters().Length == parameters).MakeGenericMethod(typeof(string));
        return op switch
        {
            "some" => Expression.Call(Method(nameof(Enumerable.Any), 2), member, Predicate()),
            "all" => Expression.Call(Method(nameof(Enumerable.All), 2), member, Predicate()),
            "none" => Expression.Not(Expression.Call(Method(nameof(Enumerable.Any), 2), member, Predicate())),
            "any" => Expression.Equal(Expression.Call(Method(nameof(Enumerable.Any), 1), member), Expression.Constant(value is true)),
            _ => throw UserError.BadInput($"Unknown list operation '{op}'.", "where"),
        };
    }

    private static Expression In(Expression member, object? values)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
        foreach (var v in values as IEnumerable ?? Array.Empty<object>()) list.Add(Convert(v, member.Type));
        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(member.Type);
        return Expression.Call(contains, Parameter(list, list.GetType()), member);
    }

    /// <summary>A value as a query parameter (a field of a closure object), not a literal in the SQL text.</summary>
    private static Expression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), Convert(value, type))!;
        return Expression.Field(Expression.Constant(box), "Value");
    }

    private static object? Convert(object? value, Type type)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsInstanceOfType(value) ? value : System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<IDictionary<string, object?>> Objects(object? value) =>
        value is IEnumerable list ? list.OfType<IDictionary<string, object?>>() : [];

    private static Expression Substitute(LambdaExpression lambda, Expression target) =>
        new Replace(lambda.Parameters[0], target).Visit(lambda.Body);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>Holds a filter value so EF Core sends it as a query parameter.</summary>
internal sealed class Box<TValue>(TValue value)
{
    public readonly TValue Value = value;
}

/// <summary>Applies a Hot Chocolate style <c>order</c> input: a list of objects, each naming fields and ASC or DESC.</summary>
public sealed class Order<T>(IReadOnlyDictionary<string, LambdaExpression> fields)
{
    public IOrderedQueryable<T> Apply(IQueryable<T> query, IEnumerable<object?>? order, Expression<Func<T, int>> tieBreaker)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var (name, direction) in (order ?? []).OfType<IDictionary<string, object?>>().SelectMany(o => o))
        {
            if (direction is null) continue;
            var descending = direction.ToString() == "DESC";
            var method = (ordered is null, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var selector = fields[name];
            var generic = typeof(Queryable).GetMethods().Single(m => m.Name == method && m.GetParameters().Length == 2).MakeGenericMethod(typeof(T), selector.ReturnType);
            ordered = (IOrderedQueryable<T>)generic.Invoke(null, [(object?)ordered ?? query, selector])!;
        }
        // The id last, so pages are stable whatever the order.
        return ordered is null ? query.OrderBy(tieBreaker) : ordered.ThenBy(tieBreaker);
    }
}
