using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Protection;

namespace ResourceMap.Api.Http;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md),
/// which the graphql-ws client and Apollo, urql and Relay clients speak: connection_init/ack, ping/pong,
/// subscribe/next/error/complete, and the protocol's close codes for misbehaving clients.
/// A socket is as safe as HTTP: its upgrade passes the rate limit and the token check (401), each operation passes the
/// rate limit again and runs under the same budget (<see cref="OperationBudget"/>), a client holds a bounded number of
/// sockets and a socket a bounded number of operations, and nothing waits for the client to read: what is sent goes into
/// the socket's own bounded queue, and a client that lets it fill is cut off (1008) instead of holding anyone up.
/// </summary>
public static class GraphQLWebSocket
{
    public const string Protocol = "graphql-transport-ws";

    /// <summary>Close code for a client that does not read what it is sent (policy violation).</summary>
    public const int NotReadingCloseCode = 1008;

    private static readonly ConcurrentDictionary<string, int> SocketsPerClient = new();

    public static async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync(Languages.Message.WithValues("Use the WebSocket subprotocol '{0}'.", Protocol).In(Languages.RequestLanguage.Current));
            return;
        }
        if (await Access.AuthenticationSetup.RefusedTokenAsync(http) is { } refused)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await http.Response.WriteAsync(Languages.Catalog.Translate(refused, Languages.RequestLanguage.Current));
            return;
        }
        var limits = http.RequestServices.GetRequiredService<GraphQLLimits>();
        var client = ClientRateLimiter.ClientOf(http.User, http.Connection.RemoteIpAddress);
        if (SocketsPerClient.AddOrUpdate(client, 1, (_, n) => n + 1) > limits.MaxSocketsPerClient)
        {
            Leave(client);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "10";
            await http.Response.WriteAsync(Languages.Message.WithValues("This client holds {0} sockets already; close one first.", limits.MaxSocketsPerClient).In(Languages.RequestLanguage.Current));
            return;
        }
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(Protocol);
            await new Connection(socket, http, limits).RunAsync();
        }
        finally
        {
            Leave(client);
        }
    }

    private static void Leave(string client)
    {
        if (SocketsPerClient.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0) SocketsPerClient.TryRemove(new KeyValuePair<string, int>(client, 0));
    }

    /// <summary>One message to send: a JSON text, or a close frame.</summary>
    private sealed record Outgoing(string? Json, int CloseCode = 0, string? Reason = null);

    private sealed class Connection
    {
        private const int MaxMessageBytes = 1024 * 1024;
        private readonly WebSocket _socket;
        private readonly HttpContext _http;
        private readonly GraphQLLimits _limits;
        private readonly Channel<Outgoing> _outgoing;
        private readonly Dictionary<string, IDisposable> _operations = [];
        private readonly CancellationTokenSource _closed;
        /// <summary>Cancels a send the client does not take: cut off, a socket is aborted rather than left to hang.</summary>
        private readonly CancellationTokenSource _sending = new();
        private readonly IGraphQLTextSerializer _serializer;
        private readonly ClientRateLimiter _rateLimiter;
        private bool _initialised;
        /// <summary>The language of the upgrade request: events of a subscription are written in it, whoever's change set them off.</summary>
        private readonly Languages.Language _language = Languages.RequestLanguage.Current;
        /// <summary>Who the socket's operations run as: the upgrade request's user, or the token of connection_init.</summary>
        private System.Security.Claims.ClaimsPrincipal _user;

        public Connection(WebSocket socket, HttpContext http, GraphQLLimits limits)
        {
            _socket = socket;
            _http = http;
            _limits = limits;
            _user = http.User;
            _closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            _serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            _rateLimiter = http.RequestServices.GetRequiredService<ClientRateLimiter>();
            _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(Math.Max(1, limits.MaxQueuedMessagesPerSocket))
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once: the sign of a client that does not read
            });
        }

        public async Task RunAsync()
        {
            var writer = Task.Run(WriteAsync);
            // The protocol gives a client a while to send connection_init, then closes with 4408.
            _ = Task.Delay(TimeSpan.FromSeconds(10), _closed.Token).ContinueWith(_ =>
            {
                if (!_initialised) Close(4408, "Connection initialisation timeout");
            }, TaskContinuationOptions.OnlyOnRanToCompletion);
            try
            {
                while (_socket.State == WebSocketState.Open && !_closed.IsCancellationRequested && await ReceiveAsync() is { } message) await HandleAsync(message);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away, or was cut off.
            }
            finally
            {
                await _closed.CancelAsync();
                lock (_operations)
                {
                    foreach (var operation in _operations.Values) operation.Dispose();
                    _operations.Clear();
                }
                _outgoing.Writer.TryComplete();
                _sending.CancelAfter(TimeSpan.FromSeconds(5)); // a close frame the client does not take
                await writer;
            }
        }

        /// <summary>The message pump's sending half: one message at a time, in order, until the socket closes.</summary>
        private async Task WriteAsync()
        {
            try
            {
                await foreach (var message in _outgoing.Reader.ReadAllAsync())
                {
                    if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) break;
                    if (message.Json is { } json)
                    {
                        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, _sending.Token);
                        continue;
                    }
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)message.CloseCode, message.Reason, _sending.Token);
                    break;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or did not take what it was sent.
            }
            finally
            {
                await _closed.CancelAsync();
            }
        }

        private async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, _closed.Token);
                if (received.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, received.Count);
                if (message.Length > MaxMessageBytes)
                {
                    Close(4400, "Message too large");
                    return null;
                }
                if (received.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
            }
        }

        private async Task HandleAsync(string text)
        {
            JsonElement message;
            string? type, id;
            try
            {
                message = JsonDocument.Parse(text).RootElement;
                type = message.GetProperty("type").GetString();
                id = message.TryGetProperty("id", out var i) ? i.GetString() : null;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Close(4400, "Invalid message");
                return;
            }

            switch (type)
            {
                case "connection_init":
                    if (_initialised)
                    {
                        Close(4429, "Too many initialisation requests");
                        return;
                    }
                    // Browsers cannot set headers on a WebSocket: clients send the token as connectionParams instead,
                    // e.g. { "Authorization": "Bearer <token>" }. A refused token closes the socket (4403).
                    if (Access.AuthenticationSetup.BearerOf(message) is { } token)
                    {
                        if (await Access.AuthenticationSetup.ValidateAsync(_http, token) is not { } user)
                        {
                            Close(4403, "Forbidden: the token is not valid");
                            return;
                        }
                        _user = user;
                    }
                    _initialised = true;
                    Send("""{"type":"connection_ack"}""");
                    break;
                case "ping":
                    Send("""{"type":"pong"}""");
                    break;
                case "pong":
                    break;
                case "subscribe" when id is not null && message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object:
                    if (!_initialised)
                    {
                        Close(4401, "Unauthorized");
                        return;
                    }
                    Subscribe(id, payload);
                    break;
                case "complete" when id is not null:
                    Stop(id);
                    break;
                default:
                    Close(4400, "Invalid message");
                    break;
            }
        }

        /// <summary>Checks a new operation and starts it beside the others; the pump reads on meanwhile.</summary>
        private void Subscribe(string id, JsonElement payload)
        {
            bool duplicate, full;
            lock (_operations)
            {
                duplicate = _operations.ContainsKey(id);
                full = _operations.Count >= _limits.MaxOperationsPerSocket;
                if (!duplicate && !full) _operations[id] = new Pending();
            }
            if (duplicate)
            {
                Close(4409, $"Subscriber for {id} already exists");
                return;
            }
            if (full)
            {
                Error(id, new UserError(ErrorCodes.TooManyOperations, $"This socket runs {_limits.MaxOperationsPerSocket} operations already; complete one first."), forget: false);
                return;
            }
            if (_rateLimiter.Refuse(ClientRateLimiter.ClientOf(_user, _http.Connection.RemoteIpAddress)) is { } wait)
            {
                Error(id, ClientRateLimiter.Error(wait));
                return;
            }
            GraphQLRequest? request;
            try
            {
                request = _serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
            }
            catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException or InvalidCastException)
            {
                request = null;
            }
            if (request is null)
            {
                Error(id, new ExecutionError("The payload is not a GraphQL request: an object with a string 'query' and optionally 'operationName', 'variables' and 'extensions'.") { Code = ErrorCodes.BadRequest });
                return;
            }
            _ = Task.Run(() => RunOperationAsync(id, request));
        }

        private async Task RunOperationAsync(string id, GraphQLRequest request)
        {
            var (query, refused) = _http.RequestServices.GetRequiredService<PersistedOperations>().Resolve(request);
            if (refused is not null)
            {
                Error(id, refused);
                return;
            }
            request.Query = query;
            var scope = _http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            ExecutionResult result;
            using var turn = new OperationBudget.TurnHolder(); // given back once the answer is serialised
            try
            {
                result = await GraphQLHttpEndpoint.ExecuteAsync(request, scope.ServiceProvider, _user, _closed.Token,
                    options => options.UserContext[OperationBudget.HeldTurn] = turn);
            }
            catch (OperationCanceledException)
            {
                await scope.DisposeAsync(); // the socket closed meanwhile
                return;
            }
            if (!result.Executed)
            {
                ErrorOf(id, result);
                await scope.DisposeAsync();
                return;
            }
            if (result.Streams is not { Count: > 0 } streams)
            {
                Next(id, result);
                Complete(id);
                await scope.DisposeAsync();
                return;
            }

            var subscriptions = streams.Values.Select(stream => stream.Subscribe(new Observer(this, id))).ToList();
            var operation = new Running(subscriptions, scope);
            lock (_operations)
            {
                if (_operations.ContainsKey(id))
                {
                    _operations[id] = operation;
                    return;
                }
            }
            operation.Dispose(); // completed by the client, or the socket closed, meanwhile
        }

        /// <summary>Refused before execution (syntax, validation, limits): the protocol's "error" with the GraphQL errors.</summary>
        private void ErrorOf(string id, ExecutionResult result, bool forget = true)
        {
            var errors = JsonDocument.Parse(Serialize(result)).RootElement.GetProperty("errors").GetRawText();
            Send($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"error","payload":{{errors}}}""");
            if (forget) Forget(id);
        }

        private void Error(string id, ExecutionError error, bool forget = true)
        {
            var refusal = new ExecutionResult { Executed = false };
            refusal.AddError(error);
            ErrorOf(id, refusal, forget);
        }

        private void Next(string id, ExecutionResult result) =>
            Send($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{Serialize(result)}}}""");

        /// <summary>
        /// The result as JSON, its error messages in the socket's language: a subscription's event is serialised in the flow
        /// of the mutation that published it, whose request may have asked for another language.
        /// </summary>
        private string Serialize(ExecutionResult result)
        {
            var previous = Languages.RequestLanguage.Current;
            Languages.RequestLanguage.Current = _language;
            try
            {
                return _serializer.Serialize(result);
            }
            finally
            {
                Languages.RequestLanguage.Current = previous;
            }
        }

        private void Complete(string id)
        {
            if (Forget(id)) Send($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"complete"}""");
        }

        private void Stop(string id)
        {
            IDisposable? operation;
            lock (_operations)
            {
                if (!_operations.Remove(id, out operation)) return;
            }
            operation.Dispose();
        }

        private bool Forget(string id)
        {
            lock (_operations) return _operations.Remove(id);
        }

        /// <summary>Queues a message without waiting; a client whose queue is full is not reading, and is cut off.</summary>
        private void Send(string json)
        {
            if (_closed.IsCancellationRequested || _outgoing.Writer.TryWrite(new Outgoing(json))) return;
            CutOff();
        }

        private void CutOff()
        {
            // The queue is full, so the close frame cannot wait its turn: the send in progress gets a second to finish.
            _sending.CancelAfter(TimeSpan.FromSeconds(1));
            _closed.Cancel();
            _outgoing.Writer.TryComplete();
            Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1.5));
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived) _socket.Abort();
                }
                catch (ObjectDisposedException)
                {
                }
            });
        }

        private void Close(int code, string reason)
        {
            if (!_outgoing.Writer.TryWrite(new Outgoing(null, code, reason))) CutOff();
            _outgoing.Writer.TryComplete();
            _closed.Cancel();
        }

        private sealed class Pending : IDisposable
        {
            public void Dispose() { }
        }

        private sealed class Running(List<IDisposable> subscriptions, AsyncServiceScope scope) : IDisposable
        {
            public void Dispose()
            {
                foreach (var subscription in subscriptions) subscription.Dispose();
                _ = scope.DisposeAsync();
            }
        }

        /// <summary>Events of a subscription: queued for the client, never waited on (the publisher is another user's mutation).</summary>
        private sealed class Observer(Connection connection, string id) : IObserver<ExecutionResult>
        {
            public void OnNext(ExecutionResult value) => connection.Next(id, value);
            public void OnError(Exception error) => connection.Send($$$"""{"id":{{{JsonSerializer.Serialize(id)}}},"type":"error","payload":[{"message":{{{JsonSerializer.Serialize(Languages.Catalog.Translate("The subscription failed.", connection._language))}}},"extensions":{"code":"INTERNAL"}}]}""");
            public void OnCompleted() => connection.Complete(id);
        }
    }
}
