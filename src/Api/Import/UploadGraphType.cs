using GraphQL.Types;
using GraphQLParser.AST;

namespace ResourceMap.Api.Import;

/// <summary>A file sent with the request by the GraphQL multipart request specification (its name, type and bytes).</summary>
public sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request specification, as Apollo's and Hot Chocolate's clients send
/// it: only a variable can hold one, set from a part of the multipart request by its <c>map</c>.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent in a multipart/form-data request (GraphQL multipart request specification): give the variable null in 'operations' and map a part to it.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        UploadedFile file => file,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLNullValue ? null : ThrowLiteralConversionError(value);

    public override object? Serialize(object? value) => value is UploadedFile file ? file.FileName : null;
}
