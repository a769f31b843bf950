using System.Text;
using System.Text.Json;
using ResourceMap.Api.Cli;

namespace ResourceMap.Api.Tests;

/// <summary>The <c>analyze</c> command on edge-list files: networkx's values for the fixture graphs, and one clear error line for bad files.</summary>
public class AnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("resourcemap-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Output, string Error) Run(string csv, params string[] flags) => RunBytes(Encoding.UTF8.GetBytes(csv), flags);

    private (int Exit, string Output, string Error) RunBytes(byte[] content, params string[] flags)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, content);
        var error = new StringWriter();
        using var output = new MemoryStream();
        var exit = AnalyzeCommand.Run([path, .. flags], error, output);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static IEnumerable<object[]> EdgeListFixtures() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order()
            .Where(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("isolates").GetArrayLength() == 0) // an edge list cannot hold a vertex without ties
            .Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

    [Theory]
    [MemberData(nameof(EdgeListFixtures))]
    public void Output_matches_networkx(string name)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"))).RootElement;
        var weighted = expected.GetProperty("weighted").GetBoolean();
        var csv = new StringBuilder(weighted ? "source,target,weight\n" : "source,target\n");
        foreach (var row in expected.GetProperty("rows").EnumerateArray())
            csv.AppendLine(string.Join(",", row.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) : x.GetString())));
        var flags = new List<string>();
        if (expected.GetProperty("directed").GetBoolean()) flags.Add("--directed");
        if (weighted) flags.Add("--weight");

        var (exit, output, error) = Run(csv.ToString(), [.. flags, "--json"]);
        Assert.True(exit == 0, error);
        var actual = JsonDocument.Parse(output).RootElement;

        var articulation = expected.GetProperty("articulationPoints").EnumerateArray().Select(x => x.GetString()).ToHashSet();
        var nodes = actual.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(expected.GetProperty("nodes").EnumerateObject().Count(), nodes.Count);
        foreach (var node in nodes)
        {
            var id = node.GetProperty("id").GetString()!;
            var e = expected.GetProperty("nodes").GetProperty(id);
            Assert.Equal(e.GetProperty("degree").GetInt32(), node.GetProperty("degree").GetInt32());
            foreach (var metric in new[] { "betweenness", "betweennessNormalized", "closeness", "harmonic", "clustering", "constraint" })
                AssertClose(e.GetProperty(metric), node.GetProperty(metric), $"{name} {id} {metric}");
            Assert.Equal(articulation.Contains(id), node.GetProperty("isArticulationPoint").GetBoolean());
            var component = node.GetProperty("component").GetInt32();
            Assert.Contains(id, actual.GetProperty("components")[component].EnumerateArray().Select(x => x.GetString()));
        }
        Assert.Equal(Pairs(expected.GetProperty("bridges")), Pairs(actual.GetProperty("bridges")));
        Assert.Equal(Pairs(expected.GetProperty("components")), Pairs(actual.GetProperty("components")));
        Assert.True(actual.GetProperty("modularity").GetDouble() >= expected.GetProperty("referenceModularity").GetDouble() - 0.02);
    }

    private static List<string> Pairs(JsonElement lists) =>
        lists.EnumerateArray().Select(l => string.Join("|", l.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();

    private static void AssertClose(JsonElement expected, JsonElement actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Null, $"{what}: expected null, got {actual}");
            return;
        }
        double e = expected.GetDouble(), a = actual.GetDouble();
        Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1e-3, Math.Max(Math.Abs(e), Math.Abs(a))), $"{what}: expected {e:R}, got {a:R}");
    }

    [Fact]
    public void A_hand_worked_triangle_with_a_tail()
    {
        // a-b-c triangle, c-d, d-e. c and d are cut vertices; c-d and d-e are bridges.
        // Betweenness (networkx, undirected, halved): c lies on a|b→d,e: 4 pairs; d on {a,b,c}→e: 3 pairs.
        var (exit, output, _) = Run("source,target\na,b\nb,c\nc,a\nc,d\nd,e\n");
        Assert.Equal(0, exit);
        var nodes = JsonDocument.Parse(output).RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal(["a", "b", "c", "d", "e"], nodes.Keys);
        Assert.Equal(4, nodes["c"].GetProperty("betweenness").GetDouble());
        Assert.Equal(3, nodes["d"].GetProperty("betweenness").GetDouble());
        Assert.Equal(4.0 / 6, nodes["c"].GetProperty("betweennessNormalized").GetDouble(), 12); // 2·4 / ((5−1)(5−2))
        Assert.Equal(1.0 / 3, nodes["c"].GetProperty("clustering").GetDouble(), 12);       // 1 of 3 neighbour pairs tied
        Assert.Equal(4.0 / 5, nodes["c"].GetProperty("closeness").GetDouble(), 12);        // (5−1) / (1+1+1+2)
        Assert.True(nodes["c"].GetProperty("isArticulationPoint").GetBoolean());
        Assert.False(nodes["a"].GetProperty("isArticulationPoint").GetBoolean());
    }

    [Fact]
    public void Ids_keep_their_diacritics_and_quoted_commas()
    {
        var (exit, output, _) = Run("source,target\n\"Draudzība-K, Križi\",Saskarsme\n");
        Assert.Equal(0, exit);
        Assert.Contains("\"Draudzība-K, Križi\"", output);
    }

    [Fact]
    public void A_quoted_line_break_stays_inside_its_id()
    {
        // Two ties whose first id spans two lines: a record is not a line.
        var (exit, output, error) = Run("source,target\n\"Senioru klubs\nKrižos\",Saskarsme\nSaskarsme,Bibliotēka\n", "--json");
        Assert.True(exit == 0, error);
        Assert.Contains("\"Senioru klubs\\nKrižos\"", output);
        Assert.DoesNotContain("\"Križos\"", output);
    }

    [Theory]
    [InlineData("", "row 1")]
    [InlineData("from,to\na,b\n", "row 1")]
    [InlineData("source,target\na,b\n,c\n", "row 3: empty source")]
    [InlineData("source,target\na,b\nc,\n", "row 3: empty target")]
    [InlineData("source,target,weight\na,b,1\nb,c,abc\n", "row 3: weight 'abc' is not a number")]
    [InlineData("source,target,weight\na,b,-2\n", "row 2: weight -2 must be positive")]
    [InlineData("source,target,weight\na,b,NaN\n", "row 2: weight 'NaN' is not a number")]
    [InlineData("source,target\na,b,c\n", "row 2: expected 2 fields")]
    [InlineData("source,target\na,a\n", "row 2: 'a' is tied to itself")]
    [InlineData("source,target\n\"a,b\n", "row 2: a quoted field is not closed")]
    public void A_bad_file_gives_one_error_line_naming_the_row_and_exit_code_2(string csv, string message)
    {
        var (exit, output, error) = Run(csv, csv.StartsWith("source,target,weight") ? "--weight" : "--json");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var (exit, _, error) = RunBytes([.. "source,target\na,"u8.ToArray(), 0xC3, 0x28, (byte)'\n']);
        Assert.Equal(2, exit);
        Assert.Contains("not valid UTF-8", error);
    }

    [Fact]
    public void Weight_flag_without_a_weight_column_is_refused()
    {
        var (exit, _, error) = Run("source,target\na,b\n", "--weight");
        Assert.Equal(2, exit);
        Assert.Contains("--weight needs", error);
    }

    [Fact]
    public void A_missing_file_or_an_unknown_option_is_refused()
    {
        var error = new StringWriter();
        Assert.Equal(2, AnalyzeCommand.Run([Path.Combine(_folder, "missing.csv")], error, Stream.Null));
        Assert.Contains("cannot read", error.ToString());
        error = new StringWriter();
        Assert.Equal(2, AnalyzeCommand.Run(["x.csv", "--fast"], error, Stream.Null));
        Assert.Contains("unknown option '--fast'", error.ToString());
    }
}
