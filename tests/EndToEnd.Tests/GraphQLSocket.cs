using System.Net.WebSockets;
using System.Text;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>A raw WebSocket speaking graphql-transport-ws, for tests that drive the protocol message by message.</summary>
internal static class GraphQLSocket
{
    public static async Task<ClientWebSocket> ConnectAsync(ServerProcess server)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}/graphql"), CancellationToken.None);
        return socket;
    }

    public static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message; fails when none comes within <paramref name="timeout"/> (10 s when not given).</summary>
    public static async Task<string> ReceiveAsync(ClientWebSocket socket, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, cancel.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
