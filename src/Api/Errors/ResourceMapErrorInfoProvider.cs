using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.Exceptions;

namespace ResourceMap.Api.Errors;

/// <summary>
/// Gives every error one of the codes in <see cref="ErrorCodes"/>: GraphQL.NET's own codes (derived from exception type
/// names) are not a contract a client can rely on, and an unexpected exception must not leak its text.
/// </summary>
public sealed partial class ResourceMapErrorInfoProvider(bool exposeExceptionDetails, Func<ISchema>? schema = null) : ErrorInfoProvider(new ErrorInfoProviderOptions
{
    ExposeCodes = false,
    ExposeData = true,
    ExposeExceptionDetails = exposeExceptionDetails,
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var (code, message) = executionError switch
        {
            UserError e => (e.Code!, e.Text.In(Languages.RequestLanguage.Current)),
            SyntaxError => (ErrorCodes.ParseFailed, info.Message),
            GraphQL.Validation.Errors.Custom.NoIntrospectionError => (ErrorCodes.IntrospectionDisabled, "Introspection is turned off on this server; the schema is in schema.graphql."),
            Protection.PageSizeError => (ErrorCodes.PageSizeTooLarge, info.Message),
            // Several operations and no operationName, or none at all: the request, not the server, is at fault.
            InvalidOperationError or NoOperationError or NoOperationNameError => (ErrorCodes.BadRequest, info.Message),
            InvalidVariableError or GraphQL.Validation.Errors.ArgumentsOfCorrectTypeError => (ErrorCodes.BadUserInput, WithEnumValues(info.Message)),
            ValidationError => (ErrorCodes.ValidationFailed, info.Message),
            UnhandledError { InnerException: GraphQLMaxDepthExceededException } =>
                (ErrorCodes.QueryTooDeep, "The document nests lists, objects or selections deeper than the parser allows."),
            UnhandledError { InnerException: Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException } =>
                (ErrorCodes.Conflict, "Someone else changed or deleted this at the same moment; read it again and redo your change."),
            UnhandledError => (ErrorCodes.Internal, exposeExceptionDetails ? info.Message : "An internal error occurred."),
            _ when executionError.Code is { } own && ErrorCodes.Own.Contains(own) && executionError is not ValidationError => (own, info.Message),
            _ => (ErrorCodes.Internal, exposeExceptionDetails ? info.Message : "An internal error occurred."),
        };
        // Texts of the server's own (a request error, a refusal) are translated whole; GraphQL.NET's are not in the catalog.
        if (executionError is not UserError) message = Languages.Catalog.Translate(message, Languages.RequestLanguage.Current);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions["code"] = code;
        extensions.Remove("number");
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>
    /// A value refused for an enum names the valid ones, so a client (or a worker's script) can correct it without
    /// reading the schema: GraphQL.NET's message names only the type ('ResourceKind').
    /// </summary>
    private string WithEnumValues(string message)
    {
        if (schema is null) return message;
        foreach (var name in QuotedTypeName().Matches(message).Select(m => m.Groups[1].Value))
            if (schema().AllTypes[name] is EnumerationGraphType type)
                return $"{message} Valid values of {name}: {string.Join(", ", type.Values.Select(v => v.Name))}.";
        return message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'\[?([A-Za-z_][A-Za-z0-9_]*)!?\]?!?'")]
    private static partial System.Text.RegularExpressions.Regex QuotedTypeName();
}
