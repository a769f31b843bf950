using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceMap.Bench;

/// <summary>
/// The reliability benchmark's client: mixed reads and writes against a running server at a steady rate (open loop:
/// a request starts every 1/rate seconds whether or not the earlier ones have finished), for a number of minutes.
/// Prints throughput, p50/p99 latency per kind of request, errors (non-200 answers and GraphQL errors), and the
/// server's resident memory at the start and the end.
/// </summary>
public static class Soak
{
    /// <summary>A request; <paramref name="Lent"/> is a resource of ours taken out of the queue while it is being changed.</summary>
    private sealed record Operation(string Kind, string Query, object? Variables, string? Lent = null);

    public static async Task<int> RunAsync(Uri endpoint, string token, int serverPid, TimeSpan duration, double rate)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var areas = await DataAsync(http, "{ areas(first: 50) { nodes { id name } } }", null);
        string Area(string name) => areas.GetProperty("areas").GetProperty("nodes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        var cesuNovads = Area("Cēsu novads");
        var cesis = Area("Cēsis");

        var random = new Random(7);
        var latencies = new Dictionary<string, List<double>>();
        var errors = new List<string>();
        var inFlight = new List<Task>();
        var created = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var counter = 0;

        Operation Next()
        {
            var roll = random.NextDouble();
            var n = Interlocked.Increment(ref counter);
            if (roll < 0.35) return new("map", "query($a: ID) { resources(areaId: $a, first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }", new { a = cesuNovads });
            if (roll < 0.55) return new("search", "query($t: String) { resources(text: $t) { totalCount nodes { id name area { name } } } }", new { t = new[] { "senior", "jaun", "kult", "biedr" }[n % 4] });
            if (roll < 0.65) return new("network", "{ network { actorCount density isolatedActors { name } bridgingActors { resource { name } } } }", null);
            if (roll < 0.72) return new("coverage", "query($a: ID) { underServedAreas(targetGroup: \"seniors\", maxDistanceMeters: 1000, areaId: $a) { area { name } } }", new { a = (string?)null });
            // Writes keep about 20 of their own resources alive, so that the data's size stays steady and memory growth means a leak.
            if (roll < 0.86 && created.Count < 20 || created.IsEmpty)
                return new("create", "mutation($n: String!, $a: ID) { createResource(input: { name: $n, kind: INFORMAL_GROUP, areaId: $a, latitude: 57.31, longitude: 25.27, targetGroups: [\"seniors\"] }) { resource { id } } }", new { n = $"Soak {n}", a = cesis });
            // An update borrows its resource from the queue, so that no delete of ours races it (that would be a CONFLICT by design).
            if (roll >= 0.86 && roll < 0.93 && created.TryDequeue(out var id)) return new("update", "mutation($id: ID!, $d: String) { updateResource(input: { id: $id, description: $d }) { resource { id } } }", new { id, d = $"Changed at {n}" }, id);
            return created.TryDequeue(out var gone)
                ? new("delete", "mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId } }", new { id = gone })
                : new("search", "{ resources(text: \"soak\") { totalCount } }", null);
        }

        async Task SendAsync(Operation op)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.PostAsJsonAsync("/graphql", new { query = op.Query, variables = op.Variables });
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                using var json = JsonDocument.Parse(body);
                lock (latencies)
                {
                    (latencies.TryGetValue(op.Kind, out var list) ? list : latencies[op.Kind] = []).Add(elapsed);
                    if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _)) errors.Add($"{op.Kind}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
                if (op.Kind == "create" && json.RootElement.TryGetProperty("data", out var data))
                    created.Enqueue(data.GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!);
                if (op.Lent is not null) created.Enqueue(op.Lent);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                lock (latencies) errors.Add($"{op.Kind}: {e.GetType().Name} {e.Message}");
            }
        }

        var rssStart = Rss(serverPid);
        var started = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var sent = 0;
        while (started.Elapsed < duration)
        {
            inFlight.Add(SendAsync(Next()));
            sent++;
            inFlight.RemoveAll(t => t.IsCompleted);
            var due = interval * sent - started.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
        }
        await Task.WhenAll(inFlight);
        var seconds = started.Elapsed.TotalSeconds;
        GC.Collect();
        await Task.Delay(2000); // let the server settle before the last reading
        var rssEnd = Rss(serverPid);

        Console.WriteLine($"{Environment.ProcessorCount} cores; {duration.TotalMinutes:F0} min at {rate} requests/s, open loop; {sent:N0} requests in {seconds:F0} s: {sent / seconds:F1}/s");
        Console.WriteLine($"{"kind",-10} {"count",7} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (kind, list) in latencies.OrderBy(k => k.Key))
        {
            list.Sort();
            Console.WriteLine($"{kind,-10} {list.Count,7} {list[list.Count / 2],8:F1} {list[(int)(list.Count * 0.99)],8:F1} {list[^1],8:F1}");
        }
        var all = latencies.Values.SelectMany(l => l).Order().ToList();
        Console.WriteLine($"{"all",-10} {all.Count,7} {all[all.Count / 2],8:F1} {all[(int)(all.Count * 0.99)],8:F1} {all[^1],8:F1}");
        Console.WriteLine($"errors: {errors.Count}");
        foreach (var error in errors.Take(10)) Console.WriteLine("  " + error);
        Console.WriteLine($"server memory (RSS): {rssStart / 1048576.0:F1} MB at the start, {rssEnd / 1048576.0:F1} MB at the end ({(rssEnd - rssStart) * 100.0 / rssStart:+0.0;-0.0} %)");
        return errors.Count == 0 ? 0 : 1;
    }

    private static async Task<JsonElement> DataAsync(HttpClient http, string query, object? variables)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data").Clone();
    }

    /// <summary>Resident set size of a process in bytes, from /proc.</summary>
    private static long Rss(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).Single();
}
