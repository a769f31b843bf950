using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>
/// The attacks of an anonymous client probing the public server, each refused or bounded (each of these took the
/// service down, stalled it or leaked before the operation budget): filters that overflow the stack, fragment bombs,
/// analyses priced like a scalar, sockets past the limits, subscribers that stop reading, errors that were ours, and
/// answers that told an outsider where hidden data lives.
/// </summary>
public sealed class AbuseTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private ServerProcess Server => demo.Server;

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object body, string? token = null, string? costHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (costHeader is not null) request.Headers.Add("GraphQL-Cost", costHeader);
        using var response = await Server.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<JsonElement> RefusedAsync(object body, string code)
    {
        var (status, json) = await PostAsync(body);
        Assert.True((int)status < 500, $"{(int)status}: {json}");
        Assert.True(json.TryGetProperty("errors", out var errors), json.ToString());
        Assert.Equal(code, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object, "refused before it ran: " + json);
        return errors[0];
    }

    private async Task AssertAliveAsync() =>
        Assert.Equal("Query", (await Server.DataAsync("{ __typename }")).GetProperty("__typename").GetString());

    private async Task<string> IdAsync(string list, string name) =>
        (await Server.DataAsync($"query($t: String) {{ {list}(text: $t) {{ nodes {{ id name }} }} }}", new { t = name }, await Server.AdminTokenAsync()))
        .GetProperty(list).GetProperty("nodes").EnumerateArray().First(n => n.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_filter_of_20000_alternatives_or_nested_11_deep_is_refused_before_any_SQL()
    {
        // 20,000 alternatives in one 650 KB request overflowed EF Core's expression handling and the process exited.
        var alternatives = Enumerable.Range(0, 20_000).Select(i => new { name = new { eq = "x" + i } }).ToArray();
        var error = await RefusedAsync(new { query = "query($w: ResourceFilterInput) { resources(where: $w) { totalCount } }", variables = new { w = new { or = alternatives } } }, "LIST_TOO_LONG");
        Assert.Equal("where.or", error.GetProperty("extensions").GetProperty("data").GetProperty("field").GetString());
        // 1,000 inline ones answered INTERNAL ("Expression tree is too large").
        var inline = string.Join(",", Enumerable.Range(0, 1_000).Select(i => $"{{name:{{eq:\"x{i}\"}}}}"));
        await RefusedAsync(new { query = $"{{ resources(where: {{ or: [{inline}] }}) {{ totalCount }} }}" }, "LIST_TOO_LONG");
        var deep = string.Concat(Enumerable.Repeat("{ or: [", 11)) + "{ name: { eq: \"x\" } }" + string.Concat(Enumerable.Repeat("] }", 11));
        await RefusedAsync(new { query = $"{{ resources(where: {deep}) {{ totalCount }} }}" }, "FILTER_TOO_DEEP");
        // 100 alternatives 10 deep are within the limits and run.
        var allowed = string.Join(",", Enumerable.Range(0, 100).Select(i => $"{{name:{{eq:\"x{i}\"}}}}"));
        Assert.Equal(0, (await Server.DataAsync($"{{ resources(where: {{ or: [{allowed}] }}) {{ totalCount }} }}")).GetProperty("resources").GetProperty("totalCount").GetInt32());
        await AssertAliveAsync();
    }

    [Fact]
    public async Task Fragment_bombs_and_repeated_fields_are_refused_before_validation()
    {
        // 25 fragments each spreading the next twice: 2^25 fields once expanded (64 CPU-seconds in validation before).
        var doubling = "query { ...F0 }\n" + string.Join("\n", Enumerable.Range(0, 25).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}")) + "\nfragment F25 on Query { __typename }";
        await RefusedAsync(new { query = doubling }, "DOCUMENT_TOO_LARGE");
        // A chain of a thousand fragments (27 CPU-seconds).
        var chain = "query { ...F0 }\n" + string.Join("\n", Enumerable.Range(0, 1_000).Select(i => $"fragment F{i} on Query {{ __typename ...F{i + 1} }}")) + "\nfragment F1000 on Query { __typename }";
        await RefusedAsync(new { query = chain }, "DOCUMENT_TOO_LARGE");
        // __typename 10,000 times (8 CPU-seconds), and 5,000 times within the length limit.
        await RefusedAsync(new { query = "{ " + string.Join(" ", Enumerable.Repeat("__typename", 10_000)) + " }" }, "DOCUMENT_TOO_LARGE");
        var fields = await RefusedAsync(new { query = "{ " + string.Join(" ", Enumerable.Repeat("__typename", 5_000)) + " }" }, "DOCUMENT_TOO_LARGE");
        Assert.Contains("fields", fields.GetProperty("message").GetString());
        var aliases = await RefusedAsync(new { query = "{ " + string.Join(" ", Enumerable.Range(0, 101).Select(i => $"a{i}: __typename")) + " }" }, "DOCUMENT_TOO_LARGE");
        Assert.Contains("aliases", aliases.GetProperty("message").GetString());
        await AssertAliveAsync();
    }

    [Fact]
    public async Task Analyses_cost_what_they_compute_and_the_caller_can_read_the_price()
    {
        var area = await IdAsync("areas", "Cēsu novads");
        // 50 grids at 86 m cells (29 CPU-seconds before): each is priced at its cells (the field allows 20,000 at most).
        var grids = string.Join(" ", Enumerable.Range(0, 50).Select(i => $"g{i}: coverageGrid(targetGroup: \"seniors\", maxDistanceMeters: 1000, areaId: \"{area}\", cellSizeMeters: 86) {{ features {{ id }} }}"));
        await RefusedAsync(new { query = $"{{ {grids} }}" }, "QUERY_TOO_COMPLEX");
        // Placement at 120 m cells with 50 km reach compares 20,000 cells with all 20,000 (100 s, not interruptible, before).
        var placement = await RefusedAsync(new { query = $"{{ placementSuggestions(targetGroup: \"seniors\", maxDistanceMeters: 50000, areaId: \"{area}\", count: 3, cellSizeMeters: 120) {{ population }} }}" }, "QUERY_TOO_COMPLEX");
        Assert.StartsWith("The operation costs 400,000,001;", placement.GetProperty("message").GetString()); // 20,000 × 20,000 pairs at weight 1, and its one field
        // 200,000 ids (34 CPU-seconds and 10.6 GB before).
        await RefusedAsync(new { query = "query($i: [ID!]!) { nodes(ids: $i) { id } }", variables = new { i = Enumerable.Repeat("UmVzb3VyY2U6MQ==", 200_000) } }, "LIST_TOO_LONG");

        // The price, by hand: resources 1 + its page of 10 nodes × (nodes 1 … no: the connection's nodes list 1 + 10 × (id 1 + name 1)) = 1 + 1 + 20 = 22.
        var (_, priced) = await PostAsync(new { query = "{ resources(first: 10) { nodes { id name } } }" }, costHeader: "report");
        var cost = priced.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(22, cost.GetProperty("requestedQueryCost").GetInt64());
        Assert.Equal(1_000_000, cost.GetProperty("maximumAvailable").GetInt64()); // anonymous: the lowest limit
        var (_, admin) = await PostAsync(new { query = "{ resources(first: 10) { nodes { id name } } }" }, await Server.AdminTokenAsync(), "report");
        Assert.Equal(5_000_000, admin.GetProperty("extensions").GetProperty("cost").GetProperty("maximumAvailable").GetInt64());
        var (_, unpriced) = await PostAsync(new { query = "{ resources(first: 10) { nodes { id name } } }" });
        Assert.False(unpriced.TryGetProperty("extensions", out _));
        // The weights are in the SDL for clients to read.
        var sdl = await Server.Client.GetStringAsync("/graphql?sdl");
        Assert.Contains("cellSizeMeters: Float!): CoverageGrid! @cost(weight: \"25\")", sdl);
        Assert.Contains("@listSize(assumedSize: 50, slicingArguments: [\"first\", \"last\"], sizedFields: [\"edges\", \"nodes\"], requireOneSlicingArgument: false)", sdl);
    }

    [Fact]
    public async Task Errors_of_the_client_are_named_as_such_never_as_ours()
    {
        // The parser threw IndexOutOfRangeException here: HTTP 500 with an empty body.
        var (status, parse) = await PostAsync("{\"query\":\"{\\r\\r\\r a(x:{y:1]) }\"}");
        Assert.True((int)status < 500);
        Assert.Equal("GRAPHQL_PARSE_FAILED", parse.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        // An operationName that names no operation, and a text that is not Unicode, answered INTERNAL.
        await RefusedAsync(new { query = "query A { __typename }", operationName = "B" }, "BAD_REQUEST");
        var text = await RefusedAsync(new { query = "query($t: String) { resources(text: $t) { totalCount } }", variables = new { t = "\ufffe" } }, "BAD_USER_INPUT");
        Assert.Contains("U+FFFE", text.GetProperty("message").GetString());
        // Messages of ours, not the serializer's internals.
        var (_, shape) = await PostAsync("{\"query\": \"{ __typename }\", \"variables\": \"x\"}");
        var message = shape.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.DoesNotContain("GraphQL.Inputs", message);
        Assert.DoesNotContain("LineNumber", message);
        Assert.Equal("BAD_REQUEST", shape.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Hidden_objects_answer_as_objects_that_do_not_exist()
    {
        var admin = await Server.AdminTokenAsync();
        var viewer = await Server.TokenAsync("viewer", "Cēsu novads");
        var worker = await Server.TokenAsync("worker", "Cēsu novads");
        var hidden = await IdAsync("resources", "Bērnu ar invaliditāti ģimeņu WhatsApp grupa"); // sensitive, in Daugavpils
        var missing = "UmVzb3VyY2U6OTk5OTk5"; // Resource:999999

        async Task<(string Code, string Message)> AnswerAsync(string query, object variables, string token)
        {
            var (_, json) = await PostAsync(new { query, variables }, token);
            var error = json.GetProperty("errors")[0];
            return (error.GetProperty("extensions").GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
        }
        // history: FORBIDDEN "in Daugavpils" for the hidden one and [] for the missing one, before.
        const string history = "query($id: ID!) { history(id: $id) { id } }";
        var ofHidden = await AnswerAsync(history, new { id = hidden }, viewer);
        var ofMissing = await AnswerAsync(history, new { id = missing }, viewer);
        Assert.Equal("NOT_FOUND", ofHidden.Code);
        Assert.Equal((ofMissing.Code, ofMissing.Message.Replace(missing, "ID")), (ofHidden.Code, ofHidden.Message.Replace(hidden, "ID")));

        // undoChange: a change of the hidden resource, named by its sequential id, and one past the last.
        var changeId = (await Server.DataAsync(history, new { id = hidden }, admin)).GetProperty("history")[0].GetProperty("id").GetString()!;
        var lastChange = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(changeId)).Split(':')[1]);
        var noChange = Convert.ToBase64String(Encoding.UTF8.GetBytes("Change:" + (lastChange + 100_000)));
        const string undo = "mutation($id: ID!) { undoChange(input: { changeId: $id }) { id } }";
        var undoHidden = await AnswerAsync(undo, new { id = changeId }, worker);
        var undoMissing = await AnswerAsync(undo, new { id = noChange }, worker);
        Assert.Equal("NOT_FOUND", undoHidden.Code);
        Assert.Equal((undoMissing.Code, undoMissing.Message.Replace((lastChange + 100_000).ToString(), "N")), (undoHidden.Code, undoHidden.Message.Replace(lastChange.ToString(), "N")));

        // node and an update answer for the hidden one as for the missing one too.
        Assert.Equal(JsonValueKind.Null, (await Server.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = hidden }, viewer)).GetProperty("node").ValueKind);
        const string update = "mutation($id: ID!) { updateResource(input: { id: $id, description: \"x\" }) { resource { id } } }";
        var updateHidden = await AnswerAsync(update, new { id = hidden }, worker);
        var updateMissing = await AnswerAsync(update, new { id = missing }, worker);
        Assert.Equal(updateMissing.Code, updateHidden.Code);
    }

    [Fact]
    public async Task An_anonymous_subscriber_is_not_told_that_hidden_objects_changed()
    {
        var admin = await Server.AdminTokenAsync();
        var hidden = await IdAsync("resources", "Bērnu ar invaliditāti ģimeņu WhatsApp grupa");
        var partner = await IdAsync("resources", "Dienas centrs \"Saskarsme\"");
        using var socket = await RawSocket.OpenAsync(Server);
        await socket.SendAsync("""{"id":"n","type":"subscribe","payload":{"query":"subscription { networkChanged { cause resourceIds relationshipIds } }"}}""");
        await Task.Delay(500); // the subscription is registered just after the message is read

        // Only hidden things change: a sensitive resource, and a tie to it. Then something public.
        await Server.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, description: \"Slēgta grupa\" }) { resource { id } } }", new { id = hidden }, admin);
        await Server.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: INFORMATION_CHANNEL }) { relationship { id } } }", new { a = hidden, b = partner }, admin);
        var open = (await Server.DataAsync("mutation { createResource(input: { name: \"Atklāts pulciņš Križos\", kind: INFORMAL_GROUP }) { resource { id } } }", token: admin))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString();

        // The first event heard is the public one: the hidden changes sent nothing at all (before: empty lists with a cause, a tie's id).
        var heard = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
        var change = heard.GetProperty("payload").GetProperty("data").GetProperty("networkChanged");
        Assert.Equal("createResource", change.GetProperty("cause").GetString());
        Assert.Equal([open], change.GetProperty("resourceIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(change.GetProperty("relationshipIds").EnumerateArray());
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_holds_up_no_one_and_a_socket_holds_few_operations()
    {
        using var socket = await RawSocket.OpenAsync(Server);
        for (var i = 0; i < 60; i++)
            await socket.SendAsync($$$"""{"id":"s{{{i}}}","type":"subscribe","payload":{"query":"subscription { networkChanged { dataVersion cause resourceIds relationshipIds areaIds } }"}}""");
        // Past 50 operations each is refused with its own error (before: 20,000 subscriptions on one socket).
        var refused = 0;
        while (refused < 10)
        {
            var message = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
            if (message.GetProperty("type").GetString() == "error")
            {
                Assert.Equal("TOO_MANY_OPERATIONS", message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
                refused++;
            }
        }

        // The socket now stops reading. Every mutation of a worker still answers at once (before: it hung until the
        // socket closed, 62 s, though it had been saved). The bound here only catches a hang; speed is the benchmark's.
        var admin = await Server.AdminTokenAsync();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 40; i++)
        {
            var watch = Stopwatch.StartNew();
            var id = (await Server.DataAsync("mutation { createResource(input: { name: \"Nelasīta ziņa\", kind: OTHER }) { resource { id } } }", token: admin))
                .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString();
            await Server.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id }, admin);
            if (watch.Elapsed > slowest) slowest = watch.Elapsed;
        }
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"a mutation took {slowest.TotalSeconds:0.0} s while a subscriber did not read");
        await AssertAliveAsync();
    }

    [Fact]
    public async Task A_bad_token_on_the_upgrade_gets_401_and_a_client_holds_few_sockets()
    {
        using var forged = new ClientWebSocket();
        forged.Options.AddSubProtocol("graphql-transport-ws");
        forged.Options.SetRequestHeader("Authorization", "Bearer not-a-token");
        forged.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => forged.ConnectAsync(new Uri($"ws://{Server.BaseAddress.Authority}/graphql"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.HttpStatusCode);

        var open = new List<RawSocket>();
        try
        {
            // One address holds 8 sockets at most (other tests of this class may hold some meanwhile, so at most 8 open).
            HttpStatusCode? refusal = null;
            for (var i = 0; i < 9 && refusal is null; i++)
            {
                try
                {
                    open.Add(await RawSocket.OpenAsync(Server));
                }
                catch (RawSocket.Refused e)
                {
                    refusal = e.Status;
                }
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, refusal);
        }
        finally
        {
            foreach (var socket in open) socket.Dispose();
        }
    }
}

/// <summary>A graphql-transport-ws socket by hand, past connection_init.</summary>
public sealed class RawSocket : IDisposable
{
    private readonly ClientWebSocket _socket;

    private RawSocket(ClientWebSocket socket) => _socket = socket;

    public sealed class Refused(HttpStatusCode status) : Exception($"upgrade refused with {(int)status}")
    {
        public HttpStatusCode Status { get; } = status;
    }

    /// <param name="server">The server.</param>
    /// <param name="token">A bearer token for connection_init, or anonymous.</param>
    /// <param name="receiveWindow">The TCP receive buffer in bytes, when a test needs a client whose unread data soon
    /// fills what the network holds (the kernel's default lets megabytes wait unread).</param>
    public static async Task<RawSocket> OpenAsync(ServerProcess server, string? token = null, int? receiveWindow = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            var uri = new Uri($"ws://{server.BaseAddress.Authority}/graphql");
            if (receiveWindow is { } bytes) await socket.ConnectAsync(uri, new HttpMessageInvoker(SmallWindowHandler(bytes)), CancellationToken.None);
            else await socket.ConnectAsync(uri, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new Refused(status);
        }
        var raw = new RawSocket(socket);
        await raw.SendAsync(token is null ? """{"type":"connection_init"}""" : $$$"""{"type":"connection_init","payload":{"Authorization":"Bearer {{{token}}}"}}""");
        Assert.Equal("connection_ack", JsonDocument.Parse(await raw.ReceiveAsync()).RootElement.GetProperty("type").GetString());
        return raw;
    }

    private static SocketsHttpHandler SmallWindowHandler(int bytes) => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            // Set before connecting: the window is agreed in the handshake.
            var tcp = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { ReceiveBufferSize = bytes };
            await tcp.ConnectAsync(context.DnsEndPoint, ct);
            return new System.Net.Sockets.NetworkStream(tcp, ownsSocket: true);
        },
    };

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public Task SendAsync(string json) => _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return "";
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    public void Dispose() => _socket.Dispose();
}

/// <summary>Operations sent over a socket pass the same rate limit and time limit as over HTTP (before, neither applied).</summary>
public sealed class SocketLimitTests
{
    [Fact]
    public async Task Queries_over_a_socket_pass_the_rate_limit()
    {
        await using var server = await ServerProcess.StartAsync(demoData: false, settings: ["--RateLimit:PermitsPerSecond", "1", "--RateLimit:Burst", "5"]);
        using var socket = await RawSocket.OpenAsync(server); // the startup probe and the upgrade took two of the five
        for (var i = 0; i < 20; i++) await socket.SendAsync($$$"""{"id":"q{{{i}}}","type":"subscribe","payload":{"query":"{ __typename }"}}""");
        var codes = new List<string>();
        while (codes.Count < 20)
        {
            var message = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
            switch (message.GetProperty("type").GetString())
            {
                case "next": codes.Add("ok"); break;
                case "error": codes.Add(message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()!); break;
            }
        }
        Assert.InRange(codes.Count(c => c == "ok"), 1, 6);
        Assert.True(codes.Count(c => c == "RATE_LIMITED") >= 14, string.Join(", ", codes));
    }

    [Fact]
    public async Task A_client_that_lets_its_queue_fill_is_cut_off_and_the_server_goes_on()
    {
        await using var server = await ServerProcess.StartAsync(settings: ["--GraphQL:MaxQueuedMessagesPerSocket", "4", "--RateLimit:Burst", "1000"]);
        using var socket = await RawSocket.OpenAsync(server, receiveWindow: 4096);
        // Each answer is about a hundred kilobytes; the client reads none of them until the server has had time to act.
        const string query = "{ __schema { types { name description fields { name description args { name description type { name kind } } type { name kind ofType { name kind } } } } } }";
        const int sent = 200;
        for (var i = 0; i < sent; i++) await socket.SendAsync(JsonSerializer.Serialize(new { id = $"q{i}", type = "subscribe", payload = new { query } }));
        await Task.Delay(TimeSpan.FromSeconds(5));
        // Everyone else is answered meanwhile.
        Assert.Equal("Query", (await server.DataAsync("{ __typename }")).GetProperty("__typename").GetString());

        // What the network held still arrives, then the connection ends: the rest of the answers were never sent.
        var answers = 0;
        var bytes = 0L;
        try
        {
            while (await socket.ReceiveAsync() is { Length: > 0 } message)
            {
                bytes += message.Length;
                if (message.Contains("\"type\":\"next\"")) answers++;
            }
        }
        catch (WebSocketException)
        {
            // The server aborted the connection after its close frame could not get through.
        }
        Assert.True(answers < sent / 2, $"{answers} of {sent} answers ({bytes / 1024} KiB) reached a client that did not read");
        Assert.Equal("Query", (await server.DataAsync("{ __typename }")).GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Queries_over_a_socket_pass_the_time_limit()
    {
        await using var server = await ServerProcess.StartAsync(settings: ["--GraphQL:ExecutionTimeoutSeconds", "0"]);
        using var socket = await RawSocket.OpenAsync(server);
        await socket.SendAsync("""{"id":"n","type":"subscribe","payload":{"query":"{ network { actorCount modularity actors { betweenness } } }"}}""");
        var answer = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
        Assert.Equal("TIMEOUT", answer.GetProperty("payload").GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
