using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// A seeded, bounded fuzzer: valid requests of every kind changed at the level of bytes, of JSON values and of GraphQL
/// tokens, sent anonymously. Every answer must be JSON with data or errors of the documented codes (never a 5xx, never
/// INTERNAL); meanwhile a signed-in worker's ordinary query keeps answering (95 % of the time within a second, always
/// within five: starvation behind the fuzzer would slow most answers, while a lone pause of a shared machine slows one);
/// and, anonymous as the requests are, the data is exactly as before.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261202;
    private const int Requests = 5_000;

    private static readonly HashSet<string> Codes =
    [
        "BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "QUERY_TOO_DEEP",
        "QUERY_TOO_COMPLEX", "PAGE_SIZE_TOO_LARGE", "TIMEOUT", "REQUEST_TOO_LARGE", "UNAUTHENTICATED", "FORBIDDEN", "LIST_TOO_LONG",
        "FILTER_TOO_DEEP", "DOCUMENT_TOO_LARGE", "RATE_LIMITED",
    ];

    /// <summary>Valid requests of every kind the API takes: queries, filters, analyses, mutations, fragments, variables.</summary>
    private static readonly (string Query, object? Variables)[] Seeds =
    [
        ("{ resources(first: 20, text: \"draudziba\") { totalCount nodes { id name kind location { coordinates } area { name } relationships { type strength } } } }", null),
        ("query($w: ResourceFilterInput) { resources(where: $w, order: [{ name: DESC }]) { nodes { name } } }", new { w = new { or = new object[] { new { kind = new { @in = new[] { "LIBRARY", "DAY_CENTRE" } } }, new { targetGroups = new { some = new { eq = "seniors" } } } } } }),
        ("{ resources(near: { latitude: 55.879, longitude: 26.58, maxDistanceMeters: 1000 }) { nodes { name } } areas { nodes { name kind population { targetGroup count } } } }", null),
        ("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Resource { name neighbours { name } } } }", new { ids = new[] { "UmVzb3VyY2U6MQ==", "UmVzb3VyY2U6Mg==", "QXJlYTox" } }),
        ("{ network { actorCount density isolatedGroups { size resources { name } } bridgingActors { resource { name } actorsCutOff } suggestions(first: 5) { score reasons } } }", null),
        ("query($s: NetworkScopeInput) { network(scope: $s) { actors { degree betweenness closeness } communities { index } } }", new { s = new { asOf = "2023-01-01" } }),
        ("{ coverage(targetGroup: \"seniors\", maxDistanceMeters: 1000) { areas { population underServed } } underServedAreas(targetGroup: \"seniors\", maxDistanceMeters: 1500) { area { name } } }", null),
        ("query A { relationships(first: 10, types: [FUNDING]) { edges { cursor node { id type source { name } } } pageInfo { hasNextPage } } } query B { __typename }", null),
        ("query($f: ID!, $t: ID!) { network { introductionPaths(fromId: $f, toId: $t, count: 2) { hops } } } ", new { f = "UmVzb3VyY2U6MQ==", t = "UmVzb3VyY2U6Mg==" }),
        ("{ ...Q } fragment Q on Query { areaAt(latitude: 57.31, longitude: 25.27) { name } resources(first: 3) @include(if: true) { nodes { id } } }", null),
        ("mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }", new { input = new { name = "Zosēnu kopiena", kind = "INFORMAL_GROUP", latitude = 57.14, longitude = 25.9, targetGroups = new[] { "youth" } } }),
        ("mutation { createRelationship(input: { sourceId: \"UmVzb3VyY2U6MQ==\", targetId: \"UmVzb3VyY2U6Mg==\", type: SHARED_ACTIVITY, strength: 3 }) { relationship { id } } }", null),
        ("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = "UmVzb3VyY2U6MQ==" }),
        ("query($id: ID!) { history(id: $id) { id action } }", new { id = "UmVzb3VyY2U6MQ==" }),
    ];

    private static readonly string[] GraphQLTokens =
        ["{", "}", "(", ")", "[", "]", "...", "$", "@", ":", "!", "=", "|", "&", "\"", "\"\"\"", "#", "\r", "\n", "\\u0000", "query", "fragment", "on",
         "mutation", "subscription", "__typename", "__schema", "null", "true", "-0", "1e400", "99999999999999999999", "0x10", "resources", "nodes", "where", "or"];

    private static readonly JsonNode?[] JsonValues =
        [null, true, 0, -1, int.MaxValue, 1e308, "", "ā", "\ufffe", "\ud800", new string('x', 5000), new JsonArray(), new JsonObject(), "UmVzb3VyY2U6MQ==", "QXJlYTox"];

    [Fact]
    public async Task Thousands_of_mutated_requests_get_clear_answers_while_a_worker_is_served_and_nothing_changes()
    {
        await using var server = await ServerProcess.StartAsync();
        var worker = await server.TokenAsync("worker", "Daugavpils");
        var before = await StateAsync(server);
        var random = new Random(Seed);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        using var stop = new CancellationTokenSource();
        var probe = ProbeAsync(server, worker, stop.Token);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Requests && failures.Count < 5; i++)
        {
            var (name, body) = Generate(random, i);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            string text;
            int status;
            try
            {
                using var response = await client.SendAsync(request);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{name}: no answer ({e.Message})\n{Shown(body)}");
                continue;
            }
            if (Check(status, text) is { } problem) failures.Add($"{name}: {problem}\n{Shown(body)}\nserver: {Tail(server.Output)}");
        }
        await stop.CancelAsync();
        var latencies = (await probe).Order().ToList();
        var typical = latencies[(int)(0.95 * (latencies.Count - 1))];

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(typical < TimeSpan.FromSeconds(1), $"the worker's query took {typical.TotalMilliseconds:N0} ms or more in 5 % of {latencies.Count} tries during the fuzzing");
        Assert.True(latencies[^1] < TimeSpan.FromSeconds(5), $"the worker's query once took {latencies[^1].TotalMilliseconds:N0} ms during the fuzzing");
        Assert.Equal(before, await StateAsync(server)); // anonymous: nothing may have been written
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"{Requests} requests took {clock.Elapsed}");
    }

    /// <summary>The problem with an answer, or null when it is a clear one.</summary>
    private static string? Check(int status, string text)
    {
        if (status >= 500) return $"HTTP {status}: {text[..Math.Min(500, text.Length)]}";
        if (text.Contains("   at ", StringComparison.Ordinal)) return "a stack trace: " + text[..Math.Min(500, text.Length)];
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return $"HTTP {status}, not JSON: {text[..Math.Min(500, text.Length)]}";
        }
        if (root.ValueKind != JsonValueKind.Object) return "not a JSON object: " + text[..Math.Min(500, text.Length)];
        if (!root.TryGetProperty("errors", out var errors)) return root.TryGetProperty("data", out _) ? null : "neither data nor errors";
        foreach (var error in errors.EnumerateArray())
        {
            var code = error.TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var c) ? c.GetString() : null;
            if (code is null || !Codes.Contains(code)) return $"code {code ?? "(none)"}: {text[..Math.Min(800, text.Length)]}";
            if (string.IsNullOrWhiteSpace(error.GetProperty("message").GetString())) return "an empty message";
        }
        return null;
    }

    /// <summary>One request: a seed changed in its bytes, its JSON or its GraphQL, or a seed left whole, chosen by the seeded random.</summary>
    private static (string Name, byte[] Body) Generate(Random random, int index)
    {
        var (query, variables) = Seeds[random.Next(Seeds.Length)];
        var json = JsonSerializer.SerializeToNode(new { query, variables })!.AsObject();
        switch (random.Next(4))
        {
            case 0: return ($"#{index} bytes", MutateBytes(random, Encoding.UTF8.GetBytes(json.ToJsonString())));
            case 1:
                MutateJson(random, json);
                return ($"#{index} json", Encoding.UTF8.GetBytes(json.ToJsonString()));
            case 2:
                json["query"] = MutateGraphQL(random, query);
                return ($"#{index} graphql", Encoding.UTF8.GetBytes(json.ToJsonString()));
            default:
                json["query"] = MutateGraphQL(random, query);
                MutateJson(random, json);
                return ($"#{index} graphql+json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        }
    }

    private static byte[] MutateBytes(Random random, byte[] valid)
    {
        var bytes = valid.ToList();
        for (var edits = random.Next(1, 5); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.InsertRange(at, bytes.Skip(at).Take(random.Next(1, 40)).ToList()); break;
                default: bytes.Insert(at, (byte)"{}[]\",:\\0"[random.Next(9)]); break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Replaces, drops or adds a value somewhere in the request's JSON: in its variables, or a member of its own.</summary>
    private static void MutateJson(Random random, JsonObject request)
    {
        var nodes = new List<JsonNode>();
        void Collect(JsonNode? node)
        {
            if (node is null) return;
            nodes.Add(node);
            if (node is JsonObject o) foreach (var (_, v) in o.ToList()) Collect(v);
            if (node is JsonArray a) foreach (var v in a.ToList()) Collect(v);
        }
        Collect(request);
        var target = nodes[random.Next(nodes.Count)];
        var value = JsonValues[random.Next(JsonValues.Length)]?.DeepClone();
        switch (target)
        {
            case JsonObject o when o.Count > 0 && random.Next(3) == 0: o.Remove(o.ElementAt(random.Next(o.Count)).Key); break;
            case JsonObject o: o[o.Count > 0 && random.Next(2) == 0 ? o.ElementAt(random.Next(o.Count)).Key : "k" + random.Next(5)] = value; break;
            case JsonArray a when random.Next(4) == 0:
                // A long list: past the list limits, or within them.
                for (var i = random.Next(50, 800); i > 0; i--) a.Add(a.Count > 0 ? a[0]?.DeepClone() : value);
                break;
            case JsonArray a: a.Add(value); break;
            default:
                if (target.Parent is JsonObject parent) parent[target.GetPropertyName()] = value;
                else if (target.Parent is JsonArray array) array[target.GetElementIndex()] = value;
                break;
        }
    }

    /// <summary>Inserts, drops, repeats or swaps GraphQL tokens of the document.</summary>
    private static string MutateGraphQL(Random random, string query)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(query, @"(\s+|[{}()\[\]:!$@,])").Where(p => p.Length > 0).ToList();
        for (var edits = random.Next(1, 4); edits > 0 && parts.Count > 0; edits--)
        {
            var at = random.Next(parts.Count);
            switch (random.Next(5))
            {
                case 0: parts.Insert(at, GraphQLTokens[random.Next(GraphQLTokens.Length)]); break;
                case 1: parts.RemoveAt(at); break;
                case 2: parts.InsertRange(at, Enumerable.Repeat(parts[at], random.Next(2, 60))); break;
                case 3: (parts[at], parts[random.Next(parts.Count)]) = (parts[random.Next(parts.Count)], parts[at]); break;
                default: parts[at] = " " + GraphQLTokens[random.Next(GraphQLTokens.Length)] + " "; break;
            }
        }
        return string.Concat(parts);
    }

    /// <summary>A worker's ordinary query every 200 ms while the fuzzer runs; how long each answer took.</summary>
    private static async Task<List<TimeSpan>> ProbeAsync(ServerProcess server, string worker, CancellationToken stop)
    {
        var latencies = new List<TimeSpan>();
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", worker);
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync("/graphql", new StringContent("{\"query\":\"{ resources(first: 50) { nodes { id name kind } } }\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            latencies.Add(watch.Elapsed);
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return latencies;
    }

    private static async Task<string> StateAsync(ServerProcess server) =>
        (await server.DataAsync("{ resources(first: 500) { totalCount nodes { id name version latitude } } relationships(first: 500) { totalCount nodes { id version } } areas(first: 500) { totalCount } }", token: await server.AdminTokenAsync())).GetRawText();

    private static string Shown(byte[] body) => Encoding.UTF8.GetString(body[..Math.Min(body.Length, 1500)]);

    private static string Tail(string output) => output[^Math.Min(output.Length, 2000)..];
}
