namespace ResourceMap.Api.Errors;

/// <summary>The stable values of <c>extensions.code</c> that clients may rely on.</summary>
public static class ErrorCodes
{
    /// <summary>An argument or input value breaks a rule (range, length, reference to itself, …).</summary>
    public const string BadUserInput = "BAD_USER_INPUT";
    /// <summary>The object named by an id does not exist.</summary>
    public const string NotFound = "NOT_FOUND";
    /// <summary>The change conflicts with the current state of the data.</summary>
    public const string Conflict = "CONFLICT";
    /// <summary>The document is not valid GraphQL syntax.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    /// <summary>The document does not validate against the schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    /// <summary>The request itself is malformed (not JSON, no query, …).</summary>
    public const string BadRequest = "BAD_REQUEST";
    /// <summary>Something failed on the server; details are in its log, never in the response.</summary>
    public const string Internal = "INTERNAL";
}

/// <summary>An error the client caused and can fix; its message is shown as is.</summary>
public sealed class UserError : GraphQL.ExecutionError
{
    public UserError(string code, string message, string? field = null) : base(message)
    {
        Code = code;
        if (field is not null) Data["field"] = field;
    }

    public static UserError BadInput(string message, string? field = null) => new(ErrorCodes.BadUserInput, message, field);
    public static UserError NotFound(string message, string? field = null) => new(ErrorCodes.NotFound, message, field);
}
