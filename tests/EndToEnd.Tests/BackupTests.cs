using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>backup and restore as a worker's safety net: copies taken while the server writes, checked before they return.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-backup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, .. args], _folder);

    private static async Task<List<string>> NamesAsync(ServerProcess server, string prefix) =>
        (await server.DataAsync("query($t: String) { resources(text: $t, first: 500) { nodes { name } } }", new { t = prefix }, await server.AdminTokenAsync()))
            .GetProperty("resources").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).Where(n => n.StartsWith(prefix)).ToList();

    [Fact]
    public async Task A_backup_taken_during_a_stream_of_writes_restores_every_write_acknowledged_before_it_began()
    {
        var data = Path.Combine(_folder, "data");
        var acknowledged = new List<(string Name, DateTime At)>();
        DateTime began;
        await using (var server = await ServerProcess.StartAsync(data))
        {
            var admin = await server.AdminTokenAsync();
            using var stop = new CancellationTokenSource();
            var writes = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var name = $"Rakstīts {i:D4}";
                    await server.DataAsync("mutation($n: String!) { createResource(input: { name: $n, kind: OTHER }) { resource { id } } }", new { n = name }, admin);
                    lock (acknowledged) acknowledged.Add((name, DateTime.UtcNow));
                }
            });
            await Task.Delay(1500);
            began = DateTime.UtcNow;
            var (exit, output, error) = await RunAsync("backup", "kopija.db", "--Database:DataFolder", data);
            Assert.True(exit == 0, error);
            Assert.Contains("backed up", output);
            await Task.Delay(500);
            stop.Cancel();
            await writes;

            // While the server runs, its folder is not restored over.
            var (refused, _, why) = await RunAsync("restore", "kopija.db", "--Database:DataFolder", data);
            Assert.Equal((2, "error: a server is using " + Path.GetFullPath(data) + ": stop it first, then restore."), (refused, why.Trim()));
        }
        var before = acknowledged.Where(a => a.At < began).Select(a => a.Name).ToList();
        Assert.True(before.Count > 5, $"only {before.Count} writes before the backup");
        Assert.True(acknowledged.Count > before.Count, "no write after the backup began");

        // Restored into the stopped server's folder: every write acknowledged before the backup began, and the data whole.
        var (restored, said, error2) = await RunAsync("restore", "kopija.db", "--Database:DataFolder", data);
        Assert.True(restored == 0, error2);
        Assert.Matches("the database it replaced is kept as resourcemap.db.before-restore-[0-9]{8}-[0-9]{6}", said);
        await using var back = await ServerProcess.StartAsync(data);
        var names = await NamesAsync(back, "Rakstīts ");
        Assert.Empty(before.Except(names));
        Assert.Empty(names.Except(acknowledged.Select(a => a.Name))); // nothing that was not acknowledged, nothing twice
        Assert.Equal(names.Count, names.Distinct().Count());
        var demo = await back.DataAsync("{ resources(text: \"Draudzība-K\") { nodes { relationships { id } } } }", token: await back.AdminTokenAsync());
        Assert.NotEmpty(demo.GetProperty("resources").GetProperty("nodes")[0].GetProperty("relationships").EnumerateArray());
    }

    [Fact]
    public async Task A_restore_refuses_what_is_not_a_sound_ResourceMap_database_and_changes_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "teksts.db"), "šis nav datubāzes fails");
        await File.WriteAllBytesAsync(Path.Combine(_folder, "pdf.db"), "%PDF-1.7 ..."u8.ToArray());
        foreach (var file in new[] { "teksts.db", "pdf.db", "nav.db" })
        {
            var (exit, _, error) = await RunAsync("restore", file, "--Database:DataFolder", "data");
            Assert.Equal(2, exit);
            Assert.StartsWith("error: ", error);
        }
        Assert.False(File.Exists(Path.Combine(_folder, "data", "resourcemap.db")));
    }

    [Fact]
    public async Task The_server_keeps_rotating_backups_that_restore()
    {
        var data = Path.Combine(_folder, "rotating");
        await using (var server = await ServerProcess.StartAsync(data, true, "--Backup:Every", "00:00:01", "--Backup:Keep", "2"))
        {
            var backups = Path.Combine(data, "backups");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((Directory.Exists(backups) ? Directory.GetFiles(backups, "resourcemap-*.db").Length : 0) < 2) await Task.Delay(200, timeout.Token);
            await Task.Delay(2500, timeout.Token); // more ticks: the oldest go
            Assert.Equal(2, Directory.GetFiles(backups, "resourcemap-*.db").Length);
        }
        var newest = Directory.GetFiles(Path.Combine(data, "backups"), "resourcemap-*.db").Max()!;
        var (exit, _, error) = await RunAsync("restore", newest, "--Database:DataFolder", "elsewhere");
        Assert.True(exit == 0, error);
        await using var restored = await ServerProcess.StartAsync(Path.Combine(_folder, "elsewhere"), false);
        Assert.True((await restored.DataAsync("{ resources { totalCount } }")).GetProperty("resources").GetProperty("totalCount").GetInt32() > 0);
    }
}
