using System.Net;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>The body size limit, which only HTTP can show: 413 with REQUEST_TOO_LARGE, whether the length is declared or not.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync(settings: ["--GraphQL:MaxRequestBodyBytes", "2000"]);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Body(int padding) => JsonSerializer.Serialize(new { query = "{ areas { totalCount } }" + new string(' ', padding) });

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var declared = await _server.Client.PostAsync("/graphql", new StringContent(Body(3000), Encoding.UTF8, "application/json"));
        await AssertTooLargeAsync(declared);

        // Chunked: no Content-Length, so the server finds out while reading.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Body(3000))));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        await AssertTooLargeAsync(await _server.Client.SendAsync(request));

        var small = await _server.Client.PostAsync("/graphql", new StringContent(Body(100), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("REQUEST_TOO_LARGE", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
