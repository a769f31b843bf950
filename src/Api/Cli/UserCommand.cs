using ResourceMap.Api.Access;
using ResourceMap.Api.Errors;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>user create NAME (--admin | --role viewer|worker|admin --municipality NAME…) [--email E] [--Database:…]</c>: adds a
/// user who signs in with a password, typically the first admin. The password is read from standard input (its first
/// line), never from the arguments, where other users of the machine and the shell's history would see it. Exit codes:
/// 0 created, 2 refused (the reason on stderr).
/// </summary>
public static class UserCommand
{
    public const string Usage = "usage: user create NAME (--admin | --role viewer|worker --municipality NAME...) [--email ADDRESS] [--Database:DataFolder=…]  (password on stdin)";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[0] != "create" || args[1].StartsWith("--")) return CommandConfiguration.Fail(error, Usage);
        var name = args[1];
        string? role = null, email = null;
        var municipalities = new List<string>();
        var settingsArgs = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg != "--admin" && !arg.Contains('=') && i + 1 >= args.Length) return CommandConfiguration.Fail(error, $"'{arg}' needs a value.");
            switch (arg)
            {
                case "--admin": role = "admin"; break;
                case "--role": role = args[++i]; break;
                case "--municipality": municipalities.Add(args[++i]); break;
                case "--email": email = args[++i]; break;
                default:
                    if (!arg.StartsWith("--Database:", StringComparison.OrdinalIgnoreCase) && !arg.StartsWith("--Auth:", StringComparison.OrdinalIgnoreCase))
                        return CommandConfiguration.Fail(error, $"unknown option '{arg}'. {Usage}");
                    settingsArgs.Add(arg);
                    if (!arg.Contains('=')) settingsArgs.Add(args[++i]);
                    break;
            }
        }
        if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsedRole) || parsedRole == Role.Anonymous || int.TryParse(role, out _))
            return CommandConfiguration.Fail(error, $"give '--admin' or '--role viewer|worker|admin', not '{role}'.");
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password)) return CommandConfiguration.Fail(error, "type the password on standard input (e.g. read -s P; echo \"$P\" | … user create …).");

        var database = CommandConfiguration.Build(settingsArgs).GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        var factory = new ResourceMapDbContextFactory(database);
        await DatabaseInitializer.InitializeAsync(factory, database);
        await using var db = factory.CreateDbContext();
        try
        {
            var user = await UserAccounts.CreateAsync(db, name, email, parsedRole, municipalities, password, CancellationToken.None);
            output.WriteLine($"created {user.Role} '{user.Name}'{(user.Municipalities.Count > 0 ? " in " + string.Join(", ", user.Municipalities) : "")}; they sign in on the map's page");
            return 0;
        }
        catch (UserError e)
        {
            return CommandConfiguration.Fail(error, e.Message);
        }
    }
}
