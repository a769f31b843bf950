using GraphQL.Types;

namespace ResourceMap.Api.Schema;

public static class EnumDescriptions
{
    /// <summary>Sets the description of the GraphQL value that stands for <paramref name="value"/>.</summary>
    public static void Describe<TEnum>(this EnumerationGraphType<TEnum> type, TEnum value, string description) where TEnum : Enum =>
        type.Values.Single(v => Equals(v.Value, value)).Description = description;
}

/// <summary>GraphQL.NET's Long with a description, as every type of the contract has one.</summary>
public sealed class LongScalar : GraphQL.Types.LongGraphType
{
    public LongScalar()
    {
        Name = "Long";
        Description = "A 64-bit integer, written as a JSON number.";
    }
}
