using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Signing in with a password on the real server (issue 16): the first admin from configuration or from the
/// <c>user create</c> command, an admin who creates a worker, the worker's session that signs out, deactivation and
/// lockout that take effect at once, and passwords that appear in no log, file or history.
/// </summary>
public sealed class PasswordSignInTests : IAsyncLifetime
{
    private const string AdminPassword = "pirmais-admins-2026";
    private const string WorkerPassword = "Daugavpils-strādniece-7";
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(settings:
        ["--Auth:FirstAdmin:Name", "Admins", "--Auth:FirstAdmin:Password", AdminPassword, "--Auth:MaxFailedSignIns", "3"]);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private const string SignIn = "mutation($name: String!, $password: String!) { signIn(input: { name: $name, password: $password }) { token expiresAt user { name role municipalities } } }";

    private async Task<string> SignInAsync(string name, string password) =>
        (await _server.DataAsync(SignIn, new { name, password })).GetProperty("signIn").GetProperty("token").GetString()!;

    private async Task<string> SignInErrorAsync(string name, string password)
    {
        var response = await _server.PostAsync(SignIn, new { name, password });
        Assert.False(response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, response.ToString());
        return response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ me { name } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _server.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> CreateWorkerAsync(string admin, string name) =>
        (await _server.DataAsync("mutation($name: String!, $p: String!) { createUser(input: { name: $name, role: WORKER, municipalities: [\"Daugavpils\"], password: $p }) { id } }",
            new { name, p = WorkerPassword }, admin)).GetProperty("createUser").GetProperty("id").GetString()!;

    [Fact]
    public async Task An_admin_creates_a_worker_who_signs_in_edits_their_municipality_and_signs_out()
    {
        var admin = await SignInAsync("Admins", AdminPassword);
        Assert.Equal("ADMIN", (await _server.DataAsync("{ me { role } }", token: admin)).GetProperty("me").GetProperty("role").GetString());
        await CreateWorkerAsync(admin, "Anna Daugavpilī");

        var signedIn = (await _server.DataAsync(SignIn, new { name = "Anna Daugavpilī", password = WorkerPassword })).GetProperty("signIn");
        Assert.Equal(["Daugavpils"], signedIn.GetProperty("user").GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        var expires = signedIn.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(11), TimeSpan.FromHours(12.1));
        var worker = signedIn.GetProperty("token").GetString()!;

        // The README's createResource example as this worker: a point in Mežciems, placed in its area by the server.
        var created = await _server.DataAsync("mutation { createResource(input: { name: \"Mežciema lasītāji\", kind: INFORMAL_GROUP, latitude: 55.886, longitude: 26.65 }) { resource { area { name } } } }", token: worker);
        Assert.Equal("Mežciems", created.GetProperty("createResource").GetProperty("resource").GetProperty("area").GetProperty("name").GetString());
        var elsewhere = await _server.PostAsync("mutation { createResource(input: { name: \"Zosēnu lasītāji\", kind: INFORMAL_GROUP, latitude: 57.14, longitude: 25.90 }) { resource { id } } }", token: worker);
        Assert.Equal("FORBIDDEN", elsewhere.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        Assert.True((await _server.DataAsync("mutation { signOut }", token: worker)).GetProperty("signOut").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(worker));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(admin)); // another session goes on
    }

    [Fact]
    public async Task A_change_of_what_a_user_may_do_ends_their_sessions_and_a_change_of_e_mail_or_of_the_order_of_their_municipalities_does_not()
    {
        var admin = await SignInAsync("Admins", AdminPassword);
        var id = await CreateWorkerAsync(admin, "Pēteris");
        const string Update = "mutation($input: UpdateUserInput!) { updateUser(input: $input) { municipalities } }";
        await _server.DataAsync(Update, new { input = new { id, municipalities = new[] { "Daugavpils", "Cēsis" } } }, admin);
        var session = await SignInAsync("Pēteris", WorkerPassword);

        await _server.DataAsync(Update, new { input = new { id, email = "peteris@example.lv", municipalities = new[] { "Cēsis", "Daugavpils" } } }, admin);
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(session));

        await _server.DataAsync(Update, new { input = new { id, municipalities = new[] { "Cēsis" } } }, admin);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(session));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_until_an_admin_resets_it_and_deactivation_ends_sessions()
    {
        var admin = await SignInAsync("Admins", AdminPassword);
        var id = await CreateWorkerAsync(admin, "Jānis");
        var before = await SignInAsync("Jānis", WorkerPassword);

        Assert.Equal("SIGN_IN_FAILED", await SignInErrorAsync("Jānis", "nepareiza-parole"));
        Assert.Equal("SIGN_IN_FAILED", await SignInErrorAsync("Nav tāda", WorkerPassword)); // unknown names answer alike
        Assert.Equal("SIGN_IN_FAILED", await SignInErrorAsync("Jānis", "nepareiza-parole"));
        Assert.Equal("SIGN_IN_FAILED", await SignInErrorAsync("Jānis", "nepareiza-parole")); // the third in a row locks
        Assert.Equal("ACCOUNT_LOCKED", await SignInErrorAsync("Jānis", WorkerPassword));

        await _server.DataAsync("mutation($id: ID!) { updateUser(input: { id: $id, password: \"jauna-parole-2026\" }) { lockedUntil } }", new { id }, admin);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(before)); // a reset ends the sessions
        var after = await SignInAsync("Jānis", "jauna-parole-2026");

        var users = (await _server.DataAsync("mutation($id: ID!) { updateUser(input: { id: $id, active: false }) { active } }", new { id }, admin));
        Assert.False(users.GetProperty("updateUser").GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(after));
        Assert.Equal("ACCOUNT_DEACTIVATED", await SignInErrorAsync("Jānis", "jauna-parole-2026"));

        // Only an admin reads or changes users.
        var worker = await _server.TokenAsync("worker", "Daugavpils");
        Assert.Equal("FORBIDDEN", (await _server.PostAsync("{ users { name } }", token: worker)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("UNAUTHENTICATED", (await _server.PostAsync("{ users { name } }")).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Passwords_are_in_no_log_file_or_history()
    {
        // The history lives in the database file, which is read byte by byte below with the rest of the data folder.
        var admin = await SignInAsync("Admins", AdminPassword);
        await CreateWorkerAsync(admin, "Olga");
        await SignInAsync("Olga", WorkerPassword);
        await SignInErrorAsync("Olga", "kļūdaina-parole-123");
        foreach (var secret in new[] { AdminPassword, WorkerPassword, "kļūdaina-parole-123" })
        {
            Assert.DoesNotContain(secret, _server.Output);
            foreach (var file in Directory.EnumerateFiles(_server.DataFolder, "*", SearchOption.AllDirectories))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.DoesNotContain(secret, Encoding.UTF8.GetString(copy.ToArray()));
            }
        }
    }

    [Fact]
    public async Task The_user_command_creates_the_first_admin_with_the_password_typed_on_stdin()
    {
        var folder = ServerProcess.NewDataFolder();
        var directory = Path.GetDirectoryName(ServerProcess.ServerAssembly)!;
        var (exit, output, error) = await Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "user", "create", "Ieva", "--admin", "--Database:DataFolder", folder], directory, "ievas-parole-2026\n");
        Assert.True(exit == 0, error);
        Assert.Contains("created admin 'Ieva'", output);
        (exit, _, error) = await Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "user", "create", "Pēteris", "--role", "worker", "--municipality", "Nekurzeme", "--Database:DataFolder", folder], directory, "petera-parole-2026\n");
        Assert.Equal(2, exit);
        Assert.Contains("no area named 'Nekurzeme'", error);
        (exit, _, error) = await Processes.RunAsync("dotnet", [ServerProcess.ServerAssembly, "user", "create", "Ilze", "--admin", "--Database:DataFolder", folder], directory, "īsa\n");
        Assert.Equal(2, exit);
        Assert.Contains("at least 10 characters", error);

        await using var server = await ServerProcess.StartAsync(folder, demoData: false);
        var token = (await server.DataAsync(SignIn, new { name = "Ieva", password = "ievas-parole-2026" })).GetProperty("signIn").GetProperty("token").GetString()!;
        Assert.Equal(["Ieva"], (await server.DataAsync("{ users { name } }", token: token)).GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
    }
}
