using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Import;
using ResourceMap.Persistence;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>import FILE [--ties TIES.csv] [--dry-run] [--user NAME] [--Database:…]</c>: imports a community's list (an XLSX
/// workbook with the sheets Resources and Ties, or a CSV file of resources and optionally one of ties) into the
/// configured database, all or nothing, as the <c>importSpreadsheet</c> mutation does. With <c>--user</c> it imports as
/// that user (their municipalities only, their name in the history); without, as the system, anywhere. Exit codes:
/// 0 imported (or, with --dry-run, importable), 2 refused: one line per problem on stderr, nothing written.
/// </summary>
public static class ImportCommand
{
    public const string Usage = "usage: import FILE.xlsx|FILE.csv [--ties TIES.csv] [--dry-run] [--user NAME] [--Database:DataFolder=…]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? file = null, ties = null, userName = null;
        var dryRun = false;
        var settingsArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--dry-run") dryRun = true;
            else if (arg is "--ties" or "--user")
            {
                if (i + 1 >= args.Length) return CommandConfiguration.Fail(error, $"'{arg}' needs a value. {Usage}");
                if (arg == "--ties") ties = args[++i];
                else userName = args[++i];
            }
            else if (CommandConfiguration.TakeSetting(args, ref i, settingsArgs, "Database", "Import")) continue;
            else if (arg.StartsWith("--", StringComparison.Ordinal)) return CommandConfiguration.Fail(error, $"unknown option '{arg}'. {Usage}");
            else if (file is null) file = arg;
            else return CommandConfiguration.Fail(error, $"one file at a time (the ties of a CSV go with --ties). {Usage}");
        }
        if (file is null) return CommandConfiguration.Fail(error, Usage);

        var configuration = CommandConfiguration.Build(settingsArgs);
        var importSettings = configuration.GetSection("Import").Get<ImportSettings>() ?? new ImportSettings();
        UploadedFile? main, tieFile;
        try
        {
            main = await ReadAsync(file, importSettings);
            tieFile = ties is null ? null : await ReadAsync(ties, importSettings);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandConfiguration.Fail(error, $"cannot read the file: {e.Message}");
        }
        catch (SpreadsheetException e)
        {
            return Problems(error, e.Problems);
        }

        var database = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        var factory = new ResourceMapDbContextFactory(database);
        await DatabaseInitializer.InitializeAsync(factory, database);
        var caller = new RequestCaller();
        await caller.SignInAsync(await PrincipalAsync(factory, userName), factory, CancellationToken.None);
        if (userName is not null && caller.Caller.Role < Role.Worker) return CommandConfiguration.Fail(error, $"'{userName}' is no active worker or admin: only they import.");

        IReadOnlyList<Table> tables;
        try
        {
            tables = SpreadsheetFiles.Read(main, tieFile, importSettings);
        }
        catch (SpreadsheetException e)
        {
            return Problems(error, e.Problems);
        }
        await using var db = new CallerDbContextFactory(factory, caller).CreateDbContext();
        ImportReport report;
        try
        {
            report = await new SpreadsheetImport(db, caller, new SpatialLoader(new SpatialSnapshots(factory))).RunAsync(tables, dryRun, CancellationToken.None);
        }
        catch (Errors.UserError e)
        {
            return CommandConfiguration.Fail(error, e.Message);
        }
        if (report.Problems.Count > 0) return Problems(error, report.Problems);
        output.WriteLine(dryRun ? $"{file} can be imported: {report.Summary()} (dry run: nothing written)." : $"imported {file}: {report.Summary()}.");
        return 0;
    }

    private static async Task<UploadedFile> ReadAsync(string path, ImportSettings settings)
    {
        var full = StartDirectory.Resolve(path);
        var length = new FileInfo(full).Length;
        if (length > settings.MaxFileBytes) throw SpreadsheetFiles.TooLarge(path, length, settings);
        return new UploadedFile(Path.GetFileName(full), null, await File.ReadAllBytesAsync(full));
    }

    /// <summary>The user as the server would see them signed in; the system (an admin without a name) when none is named.</summary>
    private static async Task<ClaimsPrincipal> PrincipalAsync(ResourceMapDbContextFactory factory, string? name)
    {
        if (name is null) return new ClaimsPrincipal(new ClaimsIdentity([new Claim(Caller.RoleClaim, "admin")], "command"));
        await using var db = factory.CreateDbContext();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Name == name && u.Active);
        if (user is null) return new ClaimsPrincipal(new ClaimsIdentity());
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(Caller.NameClaim, user.Name), new Claim(Caller.RoleClaim, user.Role), .. user.Municipalities.Select(m => new Claim(Caller.MunicipalityClaim, m))], "command"));
    }

    private static int Problems(TextWriter error, IReadOnlyList<ImportProblem> problems)
    {
        error.WriteLine($"error: nothing was imported; {problems.Count} problem(s):");
        foreach (var problem in problems) error.WriteLine($"  {problem}");
        return 2;
    }
}
