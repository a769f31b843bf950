using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>token create --user NAME --role viewer|worker|admin [--municipality NAME]… [--days N] [--Auth:…] [--Database:…]</c>:
/// prints a bearer token signed with the server's key (the configured one, or the data folder's), for development and
/// small deployments. Exit codes: 0 printed, 2 bad arguments (the reason on stderr).
/// </summary>
public static class TokenCommand
{
    public const string Usage = "usage: token create --user NAME --role viewer|worker|admin [--municipality NAME]... [--days 30] [--Auth:SigningKey=…] [--Database:DataFolder=…]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? user = null, role = null;
        var municipalities = new List<string>();
        var days = 30;
        var settingsArgs = new List<string>();
        if (args.Length == 0 || args[0] != "create") return CommandConfiguration.Fail(error, Usage);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"'{arg}' needs a value.");
            try
            {
                switch (arg)
                {
                    case "--user": user = Next(); break;
                    case "--role": role = Next(); break;
                    case "--municipality": municipalities.Add(Next()); break;
                    case "--days":
                        if (!int.TryParse(Next(), out days) || days is < 1 or > 365) return CommandConfiguration.Fail(error, "'--days' must be a whole number from 1 to 365.");
                        break;
                    default:
                        if (!arg.StartsWith("--Auth:", StringComparison.OrdinalIgnoreCase) && !arg.StartsWith("--Database:", StringComparison.OrdinalIgnoreCase))
                            return CommandConfiguration.Fail(error, $"unknown option '{arg}'. {Usage}");
                        settingsArgs.Add(arg);
                        if (!arg.Contains('=')) settingsArgs.Add(Next());
                        break;
                }
            }
            catch (ArgumentException e)
            {
                return CommandConfiguration.Fail(error, e.Message);
            }
        }
        if (string.IsNullOrWhiteSpace(user)) return CommandConfiguration.Fail(error, $"'--user' is required. {Usage}");
        if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsedRole) || parsedRole == Role.Anonymous || int.TryParse(role, out _))
            return CommandConfiguration.Fail(error, $"'--role' must be viewer, worker or admin, not '{role}'.");
        if (parsedRole != Role.Admin && municipalities.Count == 0)
            return CommandConfiguration.Fail(error, $"a {role!.ToLowerInvariant()} works in at least one municipality: add '--municipality NAME'.");

        var configuration = CommandConfiguration.Build(settingsArgs);
        var auth = configuration.GetSection("Auth").Get<AuthSettings>() ?? new AuthSettings();
        if (!string.IsNullOrEmpty(auth.Authority)) return CommandConfiguration.Fail(error, $"this server accepts tokens from {auth.Authority}; ask it for one.");
        var database = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        var factory = new ResourceMapDbContextFactory(database);
        await DatabaseInitializer.InitializeAsync(factory, database);
        await using (var db = factory.CreateDbContext())
        {
            var known = await db.Areas.AsNoTracking().Select(a => a.Name).ToListAsync();
            foreach (var name in municipalities.Where(m => !known.Contains(m)))
                return CommandConfiguration.Fail(error, $"there is no area named '{name}'. Known: {string.Join(", ", known.Order())}.");
        }
        try
        {
            var caller = new Caller(user.Trim(), parsedRole, municipalities.ToHashSet(StringComparer.Ordinal));
            output.WriteLine(Tokens.Create(caller, auth, auth.Key(database.DataFolder), TimeSpan.FromDays(days)));
            return 0;
        }
        catch (InvalidOperationException e)
        {
            return CommandConfiguration.Fail(error, e.Message);
        }
    }
}
