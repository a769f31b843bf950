using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Users;

/// <summary>
/// Signing in with a password, signing out, and the admin's page of users: create, change role and municipalities,
/// reset a password, deactivate. A change that alters what a user may do ends their sessions, so it holds at once.
/// </summary>
public static class UserFeature
{
    public const string TypeName = "User";

    public static void AddQueriesTo(ObjectGraphType query)
    {
        query.Field<SignedInUserType>("me")
            .Description("Who the request is signed in as; null when anonymous.")
            .Resolve(c => c.Caller() is { Role: not Role.Anonymous } caller ? caller : null);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("users")
            .Description("Every user who signs in with a password, by name. Admins only.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Admin, "list users");
                await using var db = c.Db();
                return await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(c.CancellationToken);
            });
    }

    public static void AddMutationsTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SignInPayloadType>>("signIn")
            .Description("Signs in with a name and password and answers a bearer token for the session. Wrong passwords in a row lock the account for a while (SIGN_IN_FAILED, ACCOUNT_LOCKED, ACCOUNT_DEACTIVATED).")
            .Argument<NonNullGraphType<SignInInputType>>("input", "The name and password.")
            .ResolveAsync(async c =>
            {
                var input = InputFields.Of(c);
                var accounts = c.RequestServices!.GetService<UserAccounts>()
                    ?? throw new UserError(ErrorCodes.BadRequest, "This server signs in through its OpenID Connect provider, not with a password.");
                return await accounts.SignInAsync(input.String("name") ?? "", input.String("password") ?? "", c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("signOut")
            .Description("Ends the session of the token sent; true when it ended one (a token from 'token create' has none and lasts until it expires).")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Viewer, "sign out");
                return c.RequestServices!.GetService<UserAccounts>() is { } accounts && await accounts.SignOutAsync(c.User, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UserType>>("createUser")
            .Description("Adds a user who signs in with the password given (at least 10 characters); tell them to change it. Admins only.")
            .Argument<NonNullGraphType<CreateUserInputType>>("input", "The user.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Admin, "create users");
                var input = InputFields.Of(c);
                await using var db = c.Db();
                return await UserAccounts.CreateAsync(db, input.String("name")!, input.String("email"), input.Value<Role>("role")!.Value,
                    input.Strings("municipalities") ?? [], input.String("password")!, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<UserType>>("updateUser")
            .Description("Changes a user's e-mail, role, municipalities, password or whether they may sign in; each field left out stays. Ends their sessions when what they may do changes. Admins only.")
            .Argument<NonNullGraphType<UpdateUserInputType>>("input", "The user and the changes.")
            .ResolveAsync(async c =>
            {
                var admin = c.Require(Role.Admin, "change users");
                var input = InputFields.Of(c);
                await using var db = c.Db();
                var id = GlobalId.Decode(input.String("id"), TypeName, "id");
                var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, c.CancellationToken) ?? throw UserError.NotFound("No user has this id.", "id");
                var role = input.Value<Role>("role") ?? Enum.Parse<Role>(user.Role, ignoreCase: true);
                var municipalities = input.Strings("municipalities") ?? user.Municipalities;
                var active = input.Value<bool>("active") ?? user.Active;
                if (user.Name == admin.Name && (role != Role.Admin || !active)) throw UserError.BadInput("You cannot take away your own admin rights or deactivate yourself; another admin can.", "role");
                await UserAccounts.CheckMunicipalitiesAsync(db, role, municipalities, c.CancellationToken);
                var password = input.String("password");
                var endsSessions = role.ToString().ToLowerInvariant() != user.Role || !municipalities.ToHashSet().SetEquals(user.Municipalities) || active != user.Active || password is not null;
                if (input.Has("email")) user.Email = string.IsNullOrWhiteSpace(input.String("email")) ? null : input.String("email")!.Trim();
                user.Role = role.ToString().ToLowerInvariant();
                user.Municipalities = municipalities.Distinct().ToList();
                user.Active = active;
                if (password is not null)
                {
                    user.PasswordHash = UserAccounts.Hash(user, password);
                    user.FailedSignIns = 0;
                    user.LockedUntil = null;
                }
                if (endsSessions) await UserAccounts.EndSessionsAsync(db, user.Id, c.CancellationToken);
                await db.SaveChangesAsync(c.CancellationToken);
                return user;
            });
    }
}

public sealed class UserRoleEnum : EnumerationGraphType
{
    public UserRoleEnum()
    {
        Name = "UserRole";
        Description = "What a user may do.";
        Add("VIEWER", Role.Viewer, "Reads everything in their municipalities.");
        Add("WORKER", Role.Worker, "Reads and edits in their municipalities.");
        Add("ADMIN", Role.Admin, "Everything, everywhere, and the users.");
    }
}

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = UserFeature.TypeName;
        Description = "Someone who signs in with a password. The password itself is never readable.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id, for updateUser.").Resolve(c => GlobalId.Encode(UserFeature.TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name they sign in with.").Resolve(c => c.Source.Name);
        Field<StringGraphType>("email").Description("Where to reach them; null when not given.").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<UserRoleEnum>>("role").Description("What they may do.").Resolve(c => Enum.Parse<Role>(c.Source.Role, ignoreCase: true));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("municipalities").Description("Where they work, by area name.").Resolve(c => c.Source.Municipalities);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("False once deactivated: they cannot sign in.").Resolve(c => c.Source.Active);
        Field<DateTimeOffsetGraphType>("lockedUntil").Description("Locked after too many wrong passwords until then; null when not locked.")
            .Resolve(c => c.Source.LockedUntil is { } until && until > DateTimeOffset.UtcNow ? until : null);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When the user was added.").Resolve(c => c.Source.CreatedAt);
    }
}

public sealed class SignedInUserType : ObjectGraphType<Caller>
{
    public SignedInUserType()
    {
        Name = "SignedInUser";
        Description = "The caller, as their token says.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The token's subject: the user's name.").Resolve(c => c.Source.Name ?? "");
        Field<NonNullGraphType<UserRoleEnum>>("role").Description("What they may do.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("municipalities").Description("Where they read and edit, by area name.").Resolve(c => c.Source.Municipalities.Order(StringComparer.Ordinal).ToList());
    }
}

public sealed class SignInPayloadType : ObjectGraphType<SignedIn>
{
    public SignInPayloadType()
    {
        Name = "SignInPayload";
        Description = "The session's bearer token: send it as 'Authorization: Bearer <token>', or in connection_init over a WebSocket.";
        Field<NonNullGraphType<StringGraphType>>("token").Description("The bearer token (a JWT naming the session).").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("When the session ends unless signed out sooner (Auth:SessionHours).").Resolve(c => c.Source.ExpiresAt);
        Field<NonNullGraphType<UserType>>("user").Description("Who signed in.").Resolve(c => c.Source.User);
    }
}

public sealed class SignInInputType : InputObjectGraphType
{
    public SignInInputType()
    {
        Name = "SignInInput";
        Description = "A user's name and password.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name they sign in with.");
        Field<NonNullGraphType<StringGraphType>>("password").Description("Their password; it is never stored or logged as sent.");
    }
}

public sealed class CreateUserInputType : InputObjectGraphType
{
    public CreateUserInputType()
    {
        Name = "CreateUserInput";
        Description = "A new user.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name they sign in with; unique.");
        Field<StringGraphType>("email").Description("Where to reach them (optional).");
        Field<NonNullGraphType<UserRoleEnum>>("role").Description("What they may do.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("municipalities").Description("Area names; at least one for a viewer or worker.");
        Field<NonNullGraphType<StringGraphType>>("password").Description($"At least {UserAccounts.MinPasswordLength} characters.");
    }
}

public sealed class UpdateUserInputType : InputObjectGraphType
{
    public UpdateUserInputType()
    {
        Name = "UpdateUserInput";
        Description = "Changes to a user; a field left out stays as it is.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The user's global id.");
        Field<StringGraphType>("email").Description("Null or empty to remove it.");
        Field<UserRoleEnum>("role").Description("A new role.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("municipalities").Description("The municipalities, by area name, replacing the old ones.");
        Field<BooleanGraphType>("active").Description("False to deactivate: they are signed out and cannot sign in.");
        Field<StringGraphType>("password").Description("A new password (a reset); also unlocks a locked account.");
    }
}
