using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>Bearer tokens on the real server: made by the <c>token create</c> command, checked on every request.</summary>
public sealed class SignInTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private const string Create = "mutation($area: ID) { createResource(input: { name: \"Cēsu senioru klubs\", kind: INFORMAL_GROUP, areaId: $area }) { resource { id name } } }";

    private async Task<string> AreaIdAsync(string name) =>
        (await demo.Server.DataAsync("query($t: String) { areas(text: $t) { nodes { id name } } }", new { t = name }))
            .GetProperty("areas").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_worker_token_from_the_command_edits_their_municipality_and_nothing_else()
    {
        var cesis = await AreaIdAsync("Cēsis");
        var mezciems = await AreaIdAsync("Mežciems");
        var worker = await demo.Server.TokenAsync("worker", "Cēsu novads");

        var anonymous = await demo.Server.PostAsync(Create, new { area = cesis });
        Assert.Equal("UNAUTHENTICATED", anonymous.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var created = await demo.Server.DataAsync(Create, new { area = cesis }, worker);
        Assert.Equal("Cēsu senioru klubs", created.GetProperty("createResource").GetProperty("resource").GetProperty("name").GetString());

        var elsewhere = await demo.Server.PostAsync(Create, new { area = mezciems }, worker);
        Assert.Equal("FORBIDDEN", elsewhere.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_forged_or_malformed_token_is_refused_with_401_not_treated_as_anonymous()
    {
        var token = await demo.Server.TokenAsync("admin");
        var parts = token.Split('.');
        // The same claims signed by someone else: flip the signature's first character.
        var forged = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        foreach (var header in new[] { $"Bearer {forged}", "Bearer not-a-token", "Basic dXNlcjpwYXNz" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
            request.Headers.TryAddWithoutValidation("Authorization", header);
            using var response = await demo.Server.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("UNAUTHENTICATED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task The_command_refuses_bad_arguments_with_a_reason()
    {
        foreach (var (role, municipality, reason) in new[] { ("owner", "Cēsu novads", "viewer, worker or admin"), ("worker", null, "--municipality"), ("viewer", "Cesu novads", "no area named 'Cesu novads'") })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => municipality is null ? demo.Server.TokenAsync(role) : demo.Server.TokenAsync(role, municipality));
            Assert.Contains(reason, error.Message);
        }
    }
}
