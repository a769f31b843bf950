namespace ResourceMap.Api.Cli;

/// <summary>`help`, `--help`, `-h`: what each command does and takes; it starts nothing.</summary>
public static class HelpCommand
{
    public static bool Asked(string[] args) =>
        args.Length > 0 && (args[0] is "help" or "--help" or "-h" or "-?" || (args.Length > 1 && args[1..].Any(a => a is "--help" or "-h")));

    public static int Run(TextWriter output)
    {
        output.WriteLine("""
            ResourceMap: the GraphQL service and web map of a community's resources.

            usage: dotnet run --project src/Api [--no-build] -- [COMMAND] [OPTIONS]

              (no command)   start the server: the map at /, GraphQL at /graphql (default http://localhost:5080;
                             --urls http://HOST:PORT, --Database:DataFolder DIR, --Database:DemoData false, …)
            """);
        output.WriteLine($"  {Command(AnalyzeCommand.Usage)}");
        output.WriteLine("                 analyse a network given as a CSV of ties, without a database");
        output.WriteLine($"  {Command(ImportCommand.Usage)}");
        output.WriteLine("                 import a community's list of resources and ties (the template's sheets), all or nothing");
        output.WriteLine($"  {Command(ImportAreasCommand.Usage)}");
        output.WriteLine("                 import or update areas (municipalities, parishes, neighbourhoods) from GeoJSON or a zipped shapefile");
        output.WriteLine($"  {Command(ImportPopulationCommand.Usage)}");
        output.WriteLine("                 import population per area and target group from a statistics table, all or nothing");
        output.WriteLine($"  {Command(BackupCommand.BackupUsage)}");
        output.WriteLine("                 copy the embedded database while the server runs");
        output.WriteLine($"  {Command(BackupCommand.RestoreUsage)}");
        output.WriteLine("                 check a copy and put it in place of the database (the old one is kept)");
        output.WriteLine($"  {Command(TokenCommand.Usage)}");
        output.WriteLine("                 print a signed bearer token for scripts and API clients");
        output.WriteLine($"  {Command(UserCommand.Usage)}");
        output.WriteLine("                 add a user who signs in with a password (the first admin, say)");
        output.WriteLine("  schema         print the GraphQL schema (SDL), as in schema.graphql");
        output.WriteLine("  help           print this");
        output.WriteLine();
        output.WriteLine("Relative paths are taken from the directory you are in. Configuration: appsettings.json, environment");
        output.WriteLine("variables (Database__DataFolder) or --Section:Key value options; see README, 'Configuration'.");
        return 0;
    }

    private static string Command(string usage) => usage.Replace("usage: ", "");
}
