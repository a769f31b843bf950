using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// Hostile and broken requests, by hand and generated: every answer is a clear error (a documented code, a message, no
/// stack trace, never a 500), and the data is exactly as before.
/// </summary>
public sealed class HostileInputTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private static readonly HashSet<string> Codes =
    [
        "BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "QUERY_TOO_DEEP",
        "QUERY_TOO_COMPLEX", "PAGE_SIZE_TOO_LARGE", "TIMEOUT", "REQUEST_TOO_LARGE", "UNAUTHENTICATED", "FORBIDDEN",
    ];

    private const string Create = "mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }";

    private static string Body(string query, object? variables) => JsonSerializer.Serialize(new { query, variables });

    /// <summary>Request bodies that must each be refused.</summary>
    private static IEnumerable<(string Name, byte[] Body)> HandMade()
    {
        static (string, byte[]) Text(string name, string body) => (name, Encoding.UTF8.GetBytes(body));
        yield return Text("truncated JSON", "{\"query\": \"{ resources { totalCount } }\"");
        yield return Text("JSON array", "[]");
        yield return Text("JSON string", "\"{ __typename }\"");
        yield return Text("query is a number", "{\"query\": 5}");
        yield return Text("variables are a string", "{\"query\": \"{ __typename }\", \"variables\": \"x\"}");
        yield return Text("NaN literal", "{\"query\": \"" + Create.Replace("\"", "\\\"") + "\", \"variables\": {\"input\": {\"name\": \"X\", \"kind\": \"OTHER\", \"latitude\": NaN, \"longitude\": 1}}}");
        yield return Text("broken GraphQL", Body("{ resources { totalCount ", null));
        yield return Text("two operations, no name", Body("query A { __typename } query B { __typename }", null));
        yield return Text("unknown field", Body("{ resources { salary } }", null));
        yield return Text("string for Int", Body("query($f: Int) { resources(first: $f) { totalCount } }", new { f = "ten" }));
        yield return Text("huge Int", Body("query($f: Int) { resources(first: $f) { totalCount } }", new { f = 1e100 }));
        yield return Text("negative page", Body("query($f: Int) { resources(first: $f) { totalCount } }", new { f = -1 }));
        yield return Text("latitude 1e308", Body(Create, new { input = new { name = "X", kind = "OTHER", latitude = 1e308, longitude = 24.0 } }));
        yield return Text("latitude 91", Body(Create, new { input = new { name = "X", kind = "OTHER", latitude = 91.0, longitude = 24.0 } }));
        yield return Text("latitude overflow", "{\"query\": \"" + Create.Replace("\"", "\\\"") + "\", \"variables\": {\"input\": {\"name\": \"X\", \"kind\": \"OTHER\", \"latitude\": 1e400, \"longitude\": 1}}}");
        yield return Text("near Infinity", Body("query($d: Float!) { resources(near: { latitude: 57, longitude: 25, maxDistanceMeters: $d }) { totalCount } }", new { d = 1e300 }));
        yield return Text("1 MB name", Body(Create, new { input = new { name = new string('ā', 1 << 20), kind = "OTHER" } }));
        yield return Text("control characters", Body(Create, new { input = new { name = "Biedrība\u0000\u001b[31m", kind = "OTHER" } }));
        yield return Text("deep JSON", "{\"query\": \"{ __typename }\", \"variables\": {\"x\": " + new string('[', 5000) + new string(']', 5000) + "}}");
        yield return Text("deep GraphQL list", Body("{ resources(kinds: " + new string('[', 3000) + "OTHER" + new string(']', 3000) + ") { totalCount } }", null));
        yield return Text("deep selection", Body("{ resources { nodes { " + string.Concat(Enumerable.Repeat("neighbours { ", 40)) + "id" + new string('}', 40) + " } } }", null));
        yield return Text("garbage id", Body("mutation { deleteResource(input: { id: \"not an id\" }) { deletedResourceId } }", null));
        yield return Text("unknown id", Body("mutation { deleteResource(input: { id: \"UmVzb3VyY2U6OTk5OTk5\" }) { deletedResourceId } }", null));
        yield return Text("id of another type", Body("mutation { deleteResource(input: { id: \"QXJlYTox\" }) { deletedResourceId } }", null));
        yield return ("invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"query\": \"{ resources(text: \\\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\\\") { totalCount } }\"}")]);
    }

    /// <summary>A valid mutation's bytes with a few bytes changed, dropped or repeated, from a fixed seed.</summary>
    private static IEnumerable<(string Name, byte[] Body)> Mutated(int count)
    {
        var random = new Random(20261123);
        var valid = Encoding.UTF8.GetBytes(Body(Create, new { input = new { name = "Zosēnu kopiena", kind = "INFORMAL_GROUP", latitude = 57.14, longitude = 25.9, targetGroups = new[] { "youth" } } }));
        for (var i = 0; i < count; i++)
        {
            var bytes = valid.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveAt(at); break;
                    default: bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 20)).ToList()); break;
                }
            }
            yield return ($"mutated #{i}", bytes.ToArray());
        }
    }

    private async Task<string> StateAsync() =>
        (await demo.Server.DataAsync("{ resources(first: 500) { totalCount nodes { id name version latitude } } relationships(first: 500) { totalCount nodes { id version } } areas(first: 500) { totalCount } }")).GetRawText();

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(string name, byte[] body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await demo.Server.Client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) // refused, or no answer within the client's timeout
        {
            throw new Xunit.Sdk.XunitException(Failure(name, body, $"no answer: {e}"));
        }
    }

    private JsonDocument Parse(string name, byte[] body, HttpStatusCode status, string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException(Failure(name, body, $"{(int)status}, not JSON ({e.Message}): {text[..Math.Min(text.Length, 500)]}"));
        }
    }

    /// <summary>Which request failed, and how, with the server's last words (a run under load once failed without saying which).</summary>
    private string Failure(string name, byte[] body, string what) =>
        $"{name}: {what}\nrequest: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 2000)])}\nserver: {demo.Server.Output[^Math.Min(demo.Server.Output.Length, 3000)..]}";

    [Fact]
    public async Task Every_hostile_request_gets_a_clear_error_and_changes_nothing()
    {
        var token = await demo.Server.AdminTokenAsync(); // past sign-in, so that every rule behind it is tried
        var before = await StateAsync();
        var accepted = 0;
        foreach (var (name, body) in HandMade().Concat(Mutated(300)))
        {
            var (status, text) = await SendAsync(name, body, token);
            Assert.True((int)status < 500, Failure(name, body, $"{(int)status} {text}"));
            Assert.DoesNotContain("   at ", text);
            using var json = Parse(name, body, status, text);
            if (!json.RootElement.TryGetProperty("errors", out var errors))
            {
                // A byte change can leave a valid request (a letter of the name changed): then it must have worked.
                Assert.StartsWith("mutated", name);
                Assert.Equal(HttpStatusCode.OK, status);
                var id = json.RootElement.GetProperty("data").GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString();
                await demo.Server.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id }, token);
                accepted++;
                continue;
            }
            foreach (var error in errors.EnumerateArray())
            {
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), name);
                var code = error.GetProperty("extensions").GetProperty("code").GetString()!;
                Assert.True(Codes.Contains(code), $"{name}: code {code} in {text}");
            }
        }
        Assert.True(accepted < 150, $"{accepted} of 300 mutated requests were still valid: the generator hardly breaks anything");
        // Versions aside (an accepted request was created and deleted again), nothing changed.
        Assert.Equal(before, await StateAsync());
    }
}
