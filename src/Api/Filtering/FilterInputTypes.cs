using GraphQL.Types;

namespace ResourceMap.Api.Filtering;

/// <summary>Hot Chocolate's sort direction.</summary>
public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "The direction of a sort.";
        Add("ASC", "ASC", "Ascending: A to Z, smallest first.");
        Add("DESC", "DESC", "Descending: Z to A, largest first.");
    }
}

/// <summary>Conditions on a text, as Hot Chocolate names them; comparisons are exact (case and accents count; use the 'text' argument to ignore them).</summary>
public sealed class StringOperationFilterInputType : InputObjectGraphType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Description = "Conditions on a text; all given must hold. Exact: case and accents count.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("and").Description("All of these.");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("or").Description("Any of these.");
        Field<StringGraphType>("eq").Description("Equal to (null: has no value).");
        Field<StringGraphType>("neq").Description("Not equal to (null: has a value).");
        Field<StringGraphType>("contains").Description("Contains.");
        Field<StringGraphType>("ncontains").Description("Does not contain.");
        Field<ListGraphType<StringGraphType>>("in").Description("One of.");
        Field<ListGraphType<StringGraphType>>("nin").Description("None of.");
        Field<StringGraphType>("startsWith").Description("Starts with.");
        Field<StringGraphType>("nstartsWith").Description("Does not start with.");
        Field<StringGraphType>("endsWith").Description("Ends with.");
        Field<StringGraphType>("nendsWith").Description("Does not end with.");
    }
}

/// <summary>Conditions on a number.</summary>
public abstract class ComparableOperationFilterInputType<TScalar> : InputObjectGraphType where TScalar : ScalarGraphType
{
    protected ComparableOperationFilterInputType(string name, string what)
    {
        Name = name;
        Description = $"Conditions on {what}; all given must hold.";
        Field<TScalar>("eq").Description("Equal to (null: has no value).");
        Field<TScalar>("neq").Description("Not equal to (null: has a value).");
        Field<ListGraphType<TScalar>>("in").Description("One of.");
        Field<ListGraphType<TScalar>>("nin").Description("None of.");
        Field<TScalar>("gt").Description("Greater than.");
        Field<TScalar>("ngt").Description("Not greater than.");
        Field<TScalar>("gte").Description("Greater than or equal to.");
        Field<TScalar>("ngte").Description("Not greater than or equal to.");
        Field<TScalar>("lt").Description("Less than.");
        Field<TScalar>("nlt").Description("Not less than.");
        Field<TScalar>("lte").Description("Less than or equal to.");
        Field<TScalar>("nlte").Description("Not less than or equal to.");
    }
}

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntGraphType>("IntOperationFilterInput", "a whole number");
public sealed class FloatOperationFilterInputType() : ComparableOperationFilterInputType<FloatGraphType>("FloatOperationFilterInput", "a number");
public sealed class DateOperationFilterInputType() : ComparableOperationFilterInputType<DateOnlyGraphType>("DateOperationFilterInput", "a date");

/// <summary>Conditions on a value that is only equal or not: an enum, a boolean, an id.</summary>
public abstract class EquatableOperationFilterInputType<TValue> : InputObjectGraphType where TValue : IGraphType
{
    protected EquatableOperationFilterInputType(string name, string what)
    {
        Name = name;
        Description = $"Conditions on {what}; all given must hold.";
        Field<TValue>("eq").Description("Equal to.");
        Field<TValue>("neq").Description("Not equal to.");
        Field<ListGraphType<NonNullGraphType<TValue>>>("in").Description("One of.");
        Field<ListGraphType<NonNullGraphType<TValue>>>("nin").Description("None of.");
    }
}

public sealed class BooleanOperationFilterInputType : InputObjectGraphType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Description = "Conditions on a yes/no value.";
        Field<BooleanGraphType>("eq").Description("Equal to.");
        Field<BooleanGraphType>("neq").Description("Not equal to.");
    }
}

public sealed class IdOperationFilterInputType() : EquatableOperationFilterInputType<IdGraphType>("IdOperationFilterInput", "a global id");

/// <summary>Conditions on a list of texts (target groups, offers, needs, languages).</summary>
public sealed class ListStringOperationFilterInputType : InputObjectGraphType
{
    public ListStringOperationFilterInputType()
    {
        Name = "ListStringOperationFilterInput";
        Description = "Conditions on a list of texts; all given must hold.";
        Field<StringOperationFilterInputType>("some").Description("At least one item meets this.");
        Field<StringOperationFilterInputType>("all").Description("Every item meets this.");
        Field<StringOperationFilterInputType>("none").Description("No item meets this.");
        Field<BooleanGraphType>("any").Description("True: the list has items; false: it is empty.");
    }
}
