using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Http;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md),
/// which the graphql-ws client and Apollo, urql and Relay clients speak: connection_init/ack, ping/pong,
/// subscribe/next/error/complete, and the protocol's close codes for misbehaving clients.
/// </summary>
public static class GraphQLWebSocket
{
    public const string Protocol = "graphql-transport-ws";

    /// <summary>Marks execution options as coming from a socket: the per-operation timeout does not apply to a stream.</summary>
    public const string SocketMarker = "resourcemap.socket";

    public static async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the WebSocket subprotocol '{Protocol}'.");
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(Protocol);
        await new Connection(socket, http).RunAsync();
    }

    private sealed class Connection(WebSocket socket, HttpContext http)
    {
        private const int MaxMessageBytes = 1024 * 1024;
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly Dictionary<string, IDisposable> _operations = [];
        private readonly CancellationTokenSource _closed = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        private readonly IGraphQLTextSerializer _serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        private bool _initialised;
        /// <summary>Who the socket's operations run as: the upgrade request's user, or the token of connection_init.</summary>
        private System.Security.Claims.ClaimsPrincipal _user = http.User;

        public async Task RunAsync()
        {
            // The protocol gives a client a while to send connection_init, then closes with 4408.
            _ = Task.Delay(TimeSpan.FromSeconds(10), _closed.Token).ContinueWith(async _ =>
            {
                if (!_initialised) await CloseAsync(4408, "Connection initialisation timeout");
            }, TaskContinuationOptions.OnlyOnRanToCompletion);
            try
            {
                while (socket.State == WebSocketState.Open && await ReceiveAsync() is { } message) await HandleAsync(message);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
            finally
            {
                await _closed.CancelAsync();
                lock (_operations)
                {
                    foreach (var operation in _operations.Values) operation.Dispose();
                    _operations.Clear();
                }
            }
        }

        private async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, _closed.Token);
                if (received.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, received.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await CloseAsync(4400, "Message too large");
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
                await CloseAsync(4400, "Invalid message");
                return;
            }

            switch (type)
            {
                case "connection_init":
                    if (_initialised)
                    {
                        await CloseAsync(4429, "Too many initialisation requests");
                        return;
                    }
                    _initialised = true;
                    // Browsers cannot set headers on a WebSocket: clients send the token as connectionParams instead,
                    // e.g. { "Authorization": "Bearer <token>" }. A refused token closes the socket (4403).
                    if (Access.AuthenticationSetup.BearerOf(message) is { } token)
                    {
                        if (await Access.AuthenticationSetup.ValidateAsync(http, token) is not { } user)
                        {
                            await CloseAsync(4403, "Forbidden: the token is not valid");
                            return;
                        }
                        _user = user;
                    }
                    await SendAsync("""{"type":"connection_ack"}""");
                    break;
                case "ping":
                    await SendAsync("""{"type":"pong"}""");
                    break;
                case "pong":
                    break;
                case "subscribe" when id is not null && message.TryGetProperty("payload", out var payload):
                    if (!_initialised)
                    {
                        await CloseAsync(4401, "Unauthorized");
                        return;
                    }
                    lock (_operations)
                    {
                        if (_operations.ContainsKey(id)) id = null;
                        else _operations[id] = new Pending();
                    }
                    if (id is null)
                    {
                        await CloseAsync(4409, $"Subscriber for {message.GetProperty("id").GetString()} already exists");
                        return;
                    }
                    await SubscribeAsync(id, _serializer.Deserialize<GraphQLRequest>(payload.GetRawText())!);
                    break;
                case "complete" when id is not null:
                    Stop(id);
                    break;
                default:
                    await CloseAsync(4400, "Invalid message");
                    break;
            }
        }

        private async Task SubscribeAsync(string id, GraphQLRequest request)
        {
            var (query, refused) = http.RequestServices.GetRequiredService<Protection.PersistedOperations>().Resolve(request);
            if (refused is not null)
            {
                var refusal = new ExecutionResult { Executed = false };
                refusal.AddError(refused);
                await ErrorAsync(id, refusal);
                return;
            }
            request.Query = query;
            var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var result = await GraphQLHttpEndpoint.ExecuteAsync(request, scope.ServiceProvider, _user, _closed.Token,
                options => options.UserContext[SocketMarker] = true);

            if (!result.Executed)
            {
                await ErrorAsync(id, result);
                await scope.DisposeAsync();
                return;
            }
            if (result.Streams is not { Count: > 0 } streams)
            {
                await NextAsync(id, result);
                await CompleteAsync(id);
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
            operation.Dispose(); // completed by the client meanwhile
        }

        /// <summary>Refused before execution (syntax, validation, limits): the protocol's "error" with the GraphQL errors.</summary>
        private async Task ErrorAsync(string id, ExecutionResult result)
        {
            var errors = JsonDocument.Parse(_serializer.Serialize(result)).RootElement.GetProperty("errors").GetRawText();
            await SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"error","payload":{{errors}}}""");
            Forget(id);
        }

        private Task NextAsync(string id, ExecutionResult result) =>
            SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"next","payload":{{_serializer.Serialize(result)}}}""");

        private async Task CompleteAsync(string id)
        {
            if (Forget(id)) await SendAsync($$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"complete"}""");
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

        private async Task SendAsync(string json)
        {
            await _sending.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The client went away; the receive loop ends the connection.
            }
            finally
            {
                _sending.Release();
            }
        }

        private async Task CloseAsync(int code, string reason)
        {
            await _sending.WaitAsync();
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                _sending.Release();
            }
            await _closed.CancelAsync();
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

        private sealed class Observer(Connection connection, string id) : IObserver<ExecutionResult>
        {
            public void OnNext(ExecutionResult value) => connection.NextAsync(id, value).GetAwaiter().GetResult();
            public void OnError(Exception error) => connection.SendAsync($$$"""{"id":{{{JsonSerializer.Serialize(id)}}},"type":"error","payload":[{"message":"The subscription failed.","extensions":{"code":"INTERNAL"}}]}""").GetAwaiter().GetResult();
            public void OnCompleted() => connection.CompleteAsync(id).GetAwaiter().GetResult();
        }
    }
}
