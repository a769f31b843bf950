using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ResourceMap.Api.Execution;

/// <summary>A value already written as JSON (an item of a list written by <see cref="DirectWriteExecutionStrategy"/>).</summary>
public sealed class RawJson(ReadOnlySequence<byte> utf8)
{
    public ReadOnlySequence<byte> Utf8 { get; } = utf8;
}

/// <summary>Copies <see cref="RawJson"/> into the response as it is.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("RawJson is written, never read.");

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}

/// <summary>The execution node of a list item written ahead: GraphQL.NET's response writer asks it for its value.</summary>
internal sealed class RawJsonNode : ValueExecutionNode
{
    public RawJsonNode(ArrayExecutionNode parent, int index, ReadOnlySequence<byte> utf8)
        : base(parent, RawJsonGraphType.Instance, parent.Field, parent.FieldDefinition, index) => Result = new RawJson(utf8);
}

/// <summary>The graph type of <see cref="RawJsonNode"/> (GraphQL.NET's value nodes need one); never part of the schema.</summary>
internal sealed class RawJsonGraphType : ScalarGraphType
{
    public static readonly RawJsonGraphType Instance = new();

    private RawJsonGraphType() => Name = "RawJson";

    public override object? ParseLiteral(GraphQLValue value) => throw new NotSupportedException();

    public override object? ParseValue(object? value) => throw new NotSupportedException();

    public override object? Serialize(object? value) => value;
}
