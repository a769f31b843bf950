using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.Exceptions;

namespace ResourceMap.Api.Errors;

/// <summary>
/// Gives every error one of the codes in <see cref="ErrorCodes"/>: GraphQL.NET's own codes (derived from exception type
/// names) are not a contract a client can rely on, and an unexpected exception must not leak its text.
/// </summary>
public sealed class ResourceMapErrorInfoProvider(bool exposeExceptionDetails) : ErrorInfoProvider(new ErrorInfoProviderOptions
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
            UserError e => (e.Code!, info.Message),
            SyntaxError => (ErrorCodes.ParseFailed, info.Message),
            GraphQL.Validation.Errors.Custom.NoIntrospectionError => (ErrorCodes.IntrospectionDisabled, "Introspection is turned off on this server; the schema is in schema.graphql."),
            Protection.PageSizeError => (ErrorCodes.PageSizeTooLarge, info.Message),
            // Several operations and no operationName, or none at all: the request, not the server, is at fault.
            InvalidOperationError or NoOperationError or NoOperationNameError => (ErrorCodes.BadRequest, info.Message),
            InvalidVariableError or GraphQL.Validation.Errors.ArgumentsOfCorrectTypeError => (ErrorCodes.BadUserInput, info.Message),
            ValidationError => (ErrorCodes.ValidationFailed, info.Message),
            UnhandledError { InnerException: GraphQLMaxDepthExceededException } =>
                (ErrorCodes.QueryTooDeep, "The document nests lists, objects or selections deeper than the parser allows."),
            UnhandledError { InnerException: Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException } =>
                (ErrorCodes.Conflict, "Someone else changed or deleted this at the same moment; read it again and redo your change."),
            UnhandledError => (ErrorCodes.Internal, exposeExceptionDetails ? info.Message : "An internal error occurred."),
            _ when executionError.Code is { } own && ErrorCodes.Own.Contains(own) && executionError is not ValidationError => (own, info.Message),
            _ => (ErrorCodes.Internal, exposeExceptionDetails ? info.Message : "An internal error occurred."),
        };
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions["code"] = code;
        extensions.Remove("number");
        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
