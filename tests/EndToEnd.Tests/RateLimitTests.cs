using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>Per-client rate limits: past the burst a client gets 429 with Retry-After; another client is not held back.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_client_past_its_burst_gets_429_with_Retry_After_and_others_go_on()
    {
        await using var server = await ServerProcess.StartAsync(demoData: false, settings: ["--RateLimit:PermitsPerSecond", "0.2", "--RateLimit:Burst", "5"]);
        var token = await server.TokenAsync("admin"); // made by the command, not over HTTP: the anonymous bucket is untouched

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 12 && refused is null; i++)
        {
            var response = await server.Client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }
        Assert.NotNull(refused);
        // The startup probe took one token; the rest of the burst passes (one more token comes every 5 s), then the limit holds.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 3, 6);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), refused.Headers.ToString());
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("RATE_LIMITED", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        refused.Dispose();

        // A signed-in user is counted apart from the address's anonymous requests.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var signedIn = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }
}
