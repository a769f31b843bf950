using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>Subscriptions over WebSocket, with the graphql-ws client (a real third-party client) and by hand for the protocol's rules.</summary>
public sealed class SubscriptionTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private Uri Socket => new($"ws://{demo.Server.BaseAddress.Authority}/graphql");

    [Fact]
    public async Task The_graphql_ws_client_receives_the_events_of_a_mutation()
    {
        const string subscription = "subscription { resourceChanged { kind resourceId dataVersion resource { name } } }";
        const string network = "subscription { networkChanged { dataVersion cause resourceIds relationshipIds } }";
        using var resources = StartClient(subscription, 1);
        using var changes = StartClient(network, 1);
        await resources.WaitForAsync("subscribed");
        await changes.WaitForAsync("subscribed");

        // The server registers a subscription just after acknowledging; retry the mutation until an event arrives.
        JsonElement created = default;
        var token = await demo.Server.AdminTokenAsync();
        for (var attempt = 0; attempt < 20 && !resources.HasEvent; attempt++)
        {
            created = await demo.Server.DataAsync("mutation { createResource(input: { name: \"Jauns pulciņš\", kind: INFORMAL_GROUP }) { resource { id } } }", token: token);
            await Task.Delay(250);
        }
        var resourceEvent = await resources.EventAsync();
        var change = resourceEvent.GetProperty("data").GetProperty("resourceChanged");
        Assert.Equal("CREATED", change.GetProperty("kind").GetString());
        Assert.Equal("Jauns pulciņš", change.GetProperty("resource").GetProperty("name").GetString());

        var networkEvent = (await changes.EventAsync()).GetProperty("data").GetProperty("networkChanged");
        Assert.Equal("createResource", networkEvent.GetProperty("cause").GetString());
        Assert.Single(networkEvent.GetProperty("resourceIds").EnumerateArray());
        Assert.True(networkEvent.GetProperty("dataVersion").GetInt64() > 0);
    }

    [Fact]
    public async Task An_anonymous_subscriber_hears_nothing_of_sensitive_resources()
    {
        using var resources = StartClient("subscription { resourceChanged { resourceId resource { name } } }", 1);
        using var changes = StartClient("subscription { networkChanged { cause resourceIds } }", 1);
        await resources.WaitForAsync("subscribed");
        await changes.WaitForAsync("subscribed");

        // Each round creates a sensitive resource first, then a public one; only the public ones may be heard of.
        var token = await demo.Server.AdminTokenAsync();
        var sensitive = new List<string>();
        var open = new List<string>();
        string Create(JsonElement data) => data.GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        for (var attempt = 0; attempt < 20 && !(resources.HasEvent && changes.HasEvent); attempt++)
        {
            sensitive.Add(Create(await demo.Server.DataAsync("mutation { createResource(input: { name: \"Slēpta atbalsta grupa\", kind: INFORMAL_GROUP, sensitive: true }) { resource { id } } }", token: token)));
            open.Add(Create(await demo.Server.DataAsync("mutation { createResource(input: { name: \"Atklāts pulciņš\", kind: INFORMAL_GROUP }) { resource { id } } }", token: token)));
            await Task.Delay(250);
        }
        var heard = (await resources.EventAsync()).GetProperty("data").GetProperty("resourceChanged");
        Assert.Contains(heard.GetProperty("resourceId").GetString(), open);
        Assert.Equal("Atklāts pulciņš", heard.GetProperty("resource").GetProperty("name").GetString());
        var network = (await changes.EventAsync()).GetProperty("data").GetProperty("networkChanged");
        Assert.Equal("createResource", network.GetProperty("cause").GetString());
        Assert.DoesNotContain(network.GetProperty("resourceIds").EnumerateArray(), id => sensitive.Contains(id.GetString()!));
    }

    [Fact]
    public async Task Activities_and_introductions_are_news_and_a_sensitive_activity_only_for_its_insiders()
    {
        using var changes = StartClient("subscription { networkChanged { cause activityIds introductionIds } }", 1);
        await changes.WaitForAsync("subscribed");
        var token = await demo.Server.AdminTokenAsync();
        var venue = (await demo.Server.DataAsync("{ resources(text: \"Saskarsme\") { nodes { id } } }")).GetProperty("resources").GetProperty("nodes")[0].GetProperty("id").GetString();
        var partner = (await demo.Server.DataAsync("{ resources(text: \"Varavīksne\") { nodes { id } } }")).GetProperty("resources").GetProperty("nodes")[0].GetProperty("id").GetString();
        // Each round records a sensitive activity first, then a public one and an introduction; only these two may be heard of.
        var sensitive = new List<string>();
        var open = new List<string>();
        for (var attempt = 0; attempt < 20 && !changes.HasEvent; attempt++)
        {
            string Id(JsonElement data) => data.GetProperty("createActivity").GetProperty("activity").GetProperty("id").GetString()!;
            sensitive.Add(Id(await demo.Server.DataAsync("mutation($v: ID!) { createActivity(input: { name: \"Atbalsta grupas tikšanās\", kind: MEETING, startsOn: \"2023-03-01\", venueId: $v, sensitive: true }) { activity { id } } }", new { v = venue }, token)));
            open.Add(Id(await demo.Server.DataAsync("mutation($v: ID!) { createActivity(input: { name: \"Atvērto durvju diena\", kind: MEETING, startsOn: \"2023-03-02\", venueId: $v }) { activity { id } } }", new { v = venue }, token)));
            await Task.Delay(250);
        }
        var heard = (await changes.EventAsync()).GetProperty("data").GetProperty("networkChanged");
        Assert.Equal("createActivity", heard.GetProperty("cause").GetString());
        Assert.Contains(Assert.Single(heard.GetProperty("activityIds").EnumerateArray()).GetString(), open);

        using var introductions = StartClient("subscription { networkChanged { cause introductionIds } }", 1);
        await introductions.WaitForAsync("subscribed");
        for (var attempt = 0; attempt < 20 && !introductions.HasEvent; attempt++)
        {
            await demo.Server.DataAsync("mutation($a: ID!, $b: ID!) { recordIntroduction(input: { firstId: $a, secondId: $b, on: \"2023-03-02\" }) { introduction { id } } }", new { a = venue, b = partner }, token);
            await Task.Delay(250);
        }
        var introduced = (await introductions.EventAsync()).GetProperty("data").GetProperty("networkChanged");
        Assert.Equal("recordIntroduction", introduced.GetProperty("cause").GetString());
        Assert.Single(introduced.GetProperty("introductionIds").EnumerateArray());
    }

    [Fact]
    public async Task The_protocol_rules_hold_for_a_raw_socket()
    {
        // subscribe before connection_init: close 4401.
        using (var early = await ConnectAsync())
        {
            await SendAsync(early, """{"id":"1","type":"subscribe","payload":{"query":"subscription { networkChanged { dataVersion } }"}}""");
            await ReceiveAsync(early);
            Assert.Equal(4401, (int)early.CloseStatus!.Value);
        }

        using var socket = await ConnectAsync();
        await SendAsync(socket, """{"type":"connection_init"}""");
        Assert.Equal("connection_ack", JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.GetProperty("type").GetString());
        await SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.GetProperty("type").GetString());

        // A query over the socket: one next, then complete.
        await SendAsync(socket, """{"id":"q","type":"subscribe","payload":{"query":"{ areas { totalCount } }"}}""");
        var next = JsonDocument.Parse(await ReceiveAsync(socket)).RootElement;
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal(12, next.GetProperty("payload").GetProperty("data").GetProperty("areas").GetProperty("totalCount").GetInt32());
        Assert.Equal("complete", JsonDocument.Parse(await ReceiveAsync(socket)).RootElement.GetProperty("type").GetString());

        // An invalid operation: error with the GraphQL errors and their codes.
        await SendAsync(socket, """{"id":"bad","type":"subscribe","payload":{"query":"subscription { nothing }"}}""");
        var error = JsonDocument.Parse(await ReceiveAsync(socket)).RootElement;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        // The same id twice: close 4409.
        await SendAsync(socket, """{"id":"s","type":"subscribe","payload":{"query":"subscription { networkChanged { dataVersion } }"}}""");
        await SendAsync(socket, """{"id":"s","type":"subscribe","payload":{"query":"subscription { networkChanged { dataVersion } }"}}""");
        await ReceiveAsync(socket);
        Assert.Equal(4409, (int)socket.CloseStatus!.Value);
    }

    [Fact]
    public async Task A_socket_signs_in_with_the_token_of_connection_init()
    {
        const string create = """{"id":"m","type":"subscribe","payload":{"query":"mutation { createResource(input: { name: \"Pa ligzdu\", kind: OTHER }) { resource { name } } }"}}""";
        // Without a token a mutation over the socket is anonymous.
        using (var anonymous = await ConnectAsync())
        {
            await SendAsync(anonymous, """{"type":"connection_init"}""");
            await ReceiveAsync(anonymous);
            await SendAsync(anonymous, create);
            var refused = JsonDocument.Parse(await ReceiveAsync(anonymous)).RootElement;
            Assert.Equal("UNAUTHENTICATED", refused.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }

        // With the token as connectionParams, it runs as that user.
        var token = await demo.Server.AdminTokenAsync();
        using (var signedIn = await ConnectAsync())
        {
            await SendAsync(signedIn, $$$"""{"type":"connection_init","payload":{"Authorization":"Bearer {{{token}}}"}}""");
            Assert.Equal("connection_ack", JsonDocument.Parse(await ReceiveAsync(signedIn)).RootElement.GetProperty("type").GetString());
            await SendAsync(signedIn, create);
            var next = JsonDocument.Parse(await ReceiveAsync(signedIn)).RootElement;
            Assert.Equal("Pa ligzdu", next.GetProperty("payload").GetProperty("data").GetProperty("createResource").GetProperty("resource").GetProperty("name").GetString());
        }

        // A forged token closes the socket with 4403.
        using var forged = await ConnectAsync();
        await SendAsync(forged, $$$"""{"type":"connection_init","payload":{"Authorization":"Bearer {{{token[..^4]}}}AAAA"}}""");
        await ReceiveAsync(forged);
        Assert.Equal(4403, (int)forged.CloseStatus!.Value);
    }

    private Task<ClientWebSocket> ConnectAsync() => GraphQLSocket.ConnectAsync(demo.Server);

    private static Task SendAsync(ClientWebSocket socket, string json) => GraphQLSocket.SendAsync(socket, json);

    private static Task<string> ReceiveAsync(ClientWebSocket socket) => GraphQLSocket.ReceiveAsync(socket);

    private NodeClient StartClient(string query, int count) => new(Socket.ToString(), query, count);

    /// <summary>tests/conformance/subscribe.mjs running in Node, its output lines collected.</summary>
    private sealed class NodeClient : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];

        public NodeClient(string url, string query, int count)
        {
            NodeClients.EnsureInstalledAsync().GetAwaiter().GetResult();
            var folder = NodeClients.Folder;
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var arg in new[] { Path.Combine(folder, "subscribe.mjs"), url, query, count.ToString() }) start.ArgumentList.Add(arg);
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add("stderr: " + e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasEvent { get { lock (_lines) return _lines.Any(l => l.StartsWith('{')); } }

        public async Task WaitForAsync(string line)
        {
            for (var i = 0; i < 300; i++)
            {
                lock (_lines) if (_lines.Contains(line)) return;
                if (_process.HasExited) break;
                await Task.Delay(100);
            }
            lock (_lines) Assert.Fail($"no '{line}' from the client: {string.Join("\n", _lines)}");
        }

        public async Task<JsonElement> EventAsync()
        {
            for (var i = 0; i < 300; i++)
            {
                lock (_lines) if (_lines.FirstOrDefault(l => l.StartsWith('{')) is { } json) return JsonDocument.Parse(json).RootElement;
                await Task.Delay(100);
            }
            lock (_lines) Assert.Fail("no event: " + string.Join("\n", _lines));
            return default;
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }
}
