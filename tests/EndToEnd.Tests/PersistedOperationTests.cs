using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>A server in allow-list mode runs only the operations of its file, named by id or by hash.</summary>
public sealed class PersistedOperationTests : IAsyncLifetime
{
    private const string AreasQuery = "query Areas { areas { totalCount } }";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"persisted-{Guid.NewGuid():N}.json");
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_file, JsonSerializer.Serialize(new Dictionary<string, string> { ["areas-count"] = AreasQuery }));
        _server = await ServerProcess.StartAsync(settings: ["--GraphQL:PersistedOperationsFile", _file, "--GraphQL:PersistedOperationsOnly", "true"]);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_file);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object body)
    {
        var response = await _server.Client.PostAsync("/graphql", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    private static string Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Only_listed_operations_run_by_name_or_hash()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AreasQuery)));

        var (status, body) = await PostAsync(new { query = AreasQuery });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("PERSISTED_OPERATION_REQUIRED", Code(body));

        (status, body) = await PostAsync(new { documentId = "areas-count" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(12, body.GetProperty("data").GetProperty("areas").GetProperty("totalCount").GetInt32());

        (status, body) = await PostAsync(new { documentId = "sha256:" + hash });
        Assert.Equal(HttpStatusCode.OK, status);

        (status, body) = await PostAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } });
        Assert.Equal(HttpStatusCode.OK, status);

        (status, body) = await PostAsync(new { documentId = "sha256:" + new string('0', 64) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("PERSISTED_OPERATION_NOT_FOUND", Code(body));

        var get = await _server.Client.GetAsync("/graphql?documentId=areas-count");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
