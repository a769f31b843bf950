using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>The real server, started as its own process on a free loopback port with its own data folder.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The server's built assembly, which the command-line tests run too.</summary>
    public static readonly string ServerAssembly = typeof(ServerProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public string DataFolder { get; }
    public HttpClient Client { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "resourcemap-e2e-" + Guid.NewGuid().ToString("N"));

    public static async Task<ServerProcess> StartAsync(string? dataFolder = null, bool demoData = true, params string[] settings)
    {
        dataFolder ??= NewDataFolder();
        // On the PostgreSQL pass the data folder's database, unless the test names a database itself.
        if (!settings.Contains("--Database:Provider") && await TestDatabase.ForFolderAsync(dataFolder) is { } database)
            settings = [.. settings, "--Database:Provider", "PostgreSql", "--Database:ConnectionString", database];
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServerAssembly, "--urls", $"http://127.0.0.1:{port}", "--Database:DataFolder", dataFolder, "--Database:DemoData", demoData.ToString(),
                // Tests send requests as fast as they can; the one that tests the limit sets its own (later arguments win).
                "--RateLimit:PermitsPerSecond", "100000", "--RateLimit:Burst", "100000" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly)!,
        };
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        var process = Process.Start(start)!;
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), dataFolder) { _settings = settings };
        process.OutputDataReceived += (_, e) => { lock (server._output) server._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (server._output) server._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            try
            {
                // Any answer means it listens (a server in allow-list mode refuses this query with 400).
                using var response = await Client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
                return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The server did not answer within 60 s:\n{Output}");
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (a minute at most, for a loaded machine).</summary>
    public async Task ReadyAsync()
    {
        for (var waited = 0; ; waited += 100)
        {
            using var ready = await Client.GetAsync("/health/ready");
            if (ready.StatusCode == HttpStatusCode.OK) return;
            Assert.True(waited < 60_000, $"not ready after a minute:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs the executable's <c>token create</c> command on this server's data folder and returns the token.</summary>
    public async Task<string> TokenAsync(string role, params string[] municipalities)
    {
        var args = new List<string> { ServerAssembly, "token", "create", "--user", $"e2e {role}", "--role", role, "--Database:DataFolder", DataFolder };
        foreach (var municipality in municipalities) args.AddRange(["--municipality", municipality]);
        // The same database as the server's: its Database settings (as "--Key value" pairs), the only ones the command takes.
        for (var i = 0; i + 1 < _settings.Length; i += 2)
            if (_settings[i].StartsWith("--Database:", StringComparison.Ordinal)) args.AddRange([_settings[i], _settings[i + 1]]);
        var (exit, output, error) = await Processes.RunAsync("dotnet", args, Path.GetDirectoryName(ServerAssembly)!);
        Assert.True(exit == 0, error);
        return output.Trim();
    }

    /// <summary>An admin's token, made once.</summary>
    public async Task<string> AdminTokenAsync() => _adminToken ??= await TokenAsync("admin");

    private string? _adminToken;
    private string[] _settings = [];

    /// <summary>POSTs an operation as application/json (with a bearer token if given) and returns the parsed response.</summary>
    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<JsonElement> DataAsync(string query, object? variables = null, string? token = null)
    {
        var response = await PostAsync(query, variables, token);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response.GetProperty("data");
    }

    /// <summary>Kills the process at once, as a crash or a power cut would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private bool _disposed;

    /// <summary>Stops the server; again is nothing (a test may stop it early, before a restore).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await KillAsync();
        Client.Dispose();
        _process.Dispose();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
