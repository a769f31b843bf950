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
    /// <summary>The operation nests fields deeper than the server allows (GraphQL:MaxDepth).</summary>
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    /// <summary>The operation's estimated cost is above the server's limit (GraphQL:MaxComplexity).</summary>
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    /// <summary>A 'first' or 'last' above the largest page (500).</summary>
    public const string PageSizeTooLarge = "PAGE_SIZE_TOO_LARGE";
    /// <summary>A list argument holds more items than the server allows (GraphQL:MaxListItems, GraphQL:MaxFilterItems).</summary>
    public const string ListTooLong = "LIST_TOO_LONG";
    /// <summary>A filter ('where') nests more levels than the server allows (GraphQL:MaxFilterDepth).</summary>
    public const string FilterTooDeep = "FILTER_TOO_DEEP";
    /// <summary>The document is too long, or has too many tokens, aliases, fields or fragment spreads once expanded.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    /// <summary>A WebSocket holds as many operations as it may (GraphQL:MaxOperationsPerSocket).</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
    /// <summary>The operation ran longer than the server allows (GraphQL:ExecutionTimeoutSeconds).</summary>
    public const string Timeout = "TIMEOUT";
    /// <summary>The request body is larger than the server accepts (GraphQL:MaxRequestBodyBytes); HTTP 413.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    /// <summary>Introspection is turned off on this server (GraphQL:Introspection=false).</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    /// <summary>The server runs persisted operations only and the request sent a query text.</summary>
    public const string PersistedOperationRequired = "PERSISTED_OPERATION_REQUIRED";
    /// <summary>No persisted operation has the id the request sent.</summary>
    public const string PersistedOperationNotFound = "PERSISTED_OPERATION_NOT_FOUND";
    /// <summary>The client sent more requests than the server allows (RateLimit section); HTTP 429 with Retry-After.</summary>
    public const string RateLimited = "RATE_LIMITED";
    /// <summary>The request needs a signed-in user.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";
    /// <summary>The signed-in user may not do this.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>signIn: the name or the password is wrong (which one is not said).</summary>
    public const string SignInFailed = "SIGN_IN_FAILED";
    /// <summary>signIn: too many wrong passwords in a row; the account is locked for a while (Auth:LockoutMinutes).</summary>
    public const string AccountLocked = "ACCOUNT_LOCKED";
    /// <summary>signIn: an admin has deactivated the account.</summary>
    public const string AccountDeactivated = "ACCOUNT_DEACTIVATED";

    /// <summary>A survey link (token) that no invitation has: mistyped, cut short, or made up.</summary>
    public const string InvitationNotValid = "INVITATION_NOT_VALID";
    /// <summary>A survey link a worker has revoked (leaked, or sent to the wrong actor).</summary>
    public const string InvitationRevoked = "INVITATION_REVOKED";
    /// <summary>A survey link past its expiry, or of a wave that has closed.</summary>
    public const string InvitationExpired = "INVITATION_EXPIRED";

    /// <summary>Codes this API sets on errors it creates itself; any other code is replaced.</summary>
    public static readonly IReadOnlySet<string> Own = new HashSet<string>
    {
        BadUserInput, NotFound, Conflict, BadRequest, Internal, QueryTooDeep, QueryTooComplex, PageSizeTooLarge, Timeout,
        RequestTooLarge, IntrospectionDisabled, ListTooLong, FilterTooDeep, DocumentTooLarge, TooManyOperations, ParseFailed, PersistedOperationRequired, PersistedOperationNotFound, Unauthenticated, Forbidden, RateLimited,
        SignInFailed, AccountLocked, AccountDeactivated, InvitationNotValid, InvitationRevoked, InvitationExpired,
    };
}

/// <summary>
/// An error the client caused and can fix; its message is shown as is, in the language the request asked for
/// (<see cref="Languages.Catalog"/>): call sites write English, as an interpolated string or a plain text.
/// </summary>
public sealed class UserError : GraphQL.ExecutionError
{
    public UserError(string code, Languages.Message message, string? field = null) : base(message.ToString())
    {
        Code = code;
        Text = message;
        if (field is not null) Data["field"] = field;
    }

    public UserError(string code, string message, string? field = null) : this(code, Languages.Message.Of(message), field) { }

    public UserError(string code, ref Languages.MessageHandler message, string? field = null) : this(code, message.ToMessage(), field) { }

    /// <summary>The message with its values, to be written in the request's language.</summary>
    public Languages.Message Text { get; }

    public static UserError BadInput(string message, string? field = null) => new(ErrorCodes.BadUserInput, message, field);
    public static UserError BadInput(ref Languages.MessageHandler message, string? field = null) => new(ErrorCodes.BadUserInput, message.ToMessage(), field);
    public static UserError NotFound(string message, string? field = null) => new(ErrorCodes.NotFound, message, field);
    public static UserError NotFound(ref Languages.MessageHandler message, string? field = null) => new(ErrorCodes.NotFound, message.ToMessage(), field);
}
