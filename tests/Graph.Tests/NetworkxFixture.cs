using System.Text.Json;

namespace ResourceMap.Graph.Tests;

/// <summary>A graph and the values networkx 2.8 computed for it (Fixtures/generate.py).</summary>
public sealed class NetworkxFixture
{
    public required string Name { get; init; }
    public required bool Directed { get; init; }
    public required bool Weighted { get; init; }
    public required List<string> Ids { get; init; }
    public required CompactGraph Graph { get; init; }
    public required JsonElement Expected { get; init; }

    public override string ToString() => Name;

    public static IEnumerable<object[]> All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order().Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    public static NetworkxFixture Load(string name)
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"))).RootElement;
        var directed = json.GetProperty("directed").GetBoolean();
        var weighted = json.GetProperty("weighted").GetBoolean();
        var ids = new List<string>();
        var index = new Dictionary<string, int>();
        int Id(string id)
        {
            if (!index.TryGetValue(id, out var v)) { index[id] = v = ids.Count; ids.Add(id); }
            return v;
        }
        var rows = json.GetProperty("rows").EnumerateArray().Select(r => (Id(r[0].GetString()!), Id(r[1].GetString()!), weighted ? r[2].GetDouble() : 1.0)).ToList();
        foreach (var isolate in json.GetProperty("isolates").EnumerateArray()) Id(isolate.GetString()!);
        var builder = new GraphBuilder(ids.Count, directed, DuplicateEdges.KeepLast);
        foreach (var (s, t, w) in rows) builder.AddEdge(s, t, w);
        return new NetworkxFixture { Name = name, Directed = directed, Weighted = weighted, Ids = ids, Graph = builder.Build(), Expected = json };
    }

    /// <summary>Equal within 1e-9 relative (absolute near zero); null stands for networkx's NaN.</summary>
    public static void AssertClose(JsonElement expected, double actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN (null), got {actual}");
            return;
        }
        var e = expected.GetDouble();
        Assert.True(Math.Abs(e - actual) <= 1e-9 * Math.Max(1e-3, Math.Max(Math.Abs(e), Math.Abs(actual))), $"{what}: expected {e:R}, got {actual:R}");
    }
}
