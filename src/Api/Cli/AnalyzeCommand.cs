using System.Text.Json;
using ResourceMap.Graph;
using ResourceMap.Graph.IO;

namespace ResourceMap.Api.Cli;

/// <summary>
/// <c>analyze EDGES.csv [--directed] [--weight] [--json]</c>: analyses an edge list without a database and prints
/// JSON with networkx 2.8's conventions. Exit codes: 0 done, 2 bad arguments or a bad file (one line on stderr).
/// </summary>
public static class AnalyzeCommand
{
    public const string Usage = "usage: analyze EDGES.csv [--directed] [--weight] [--json]";

    public static int Run(string[] args, TextWriter error, Stream output)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var unknown = args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--directed" or "--weight" or "--json"));
        if (path is null || unknown is not null || args.Count(a => !a.StartsWith("--", StringComparison.Ordinal)) > 1)
        {
            error.WriteLine(unknown is null ? Usage : $"error: unknown option '{unknown}'. {Usage}");
            return 2;
        }
        var directed = args.Contains("--directed");
        var weighted = args.Contains("--weight");

        EdgeList edges;
        try
        {
            using var stream = File.OpenRead(StartDirectory.Resolve(path));
            edges = EdgeListReader.Read(stream, directed);
        }
        catch (EdgeListException e)
        {
            error.WriteLine($"error: {path}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read {path}: {e.Message}");
            return 2;
        }
        if (weighted && !edges.HasWeights)
        {
            error.WriteLine($"error: {path}: row 1: --weight needs the header 'source,target,weight'.");
            return 2;
        }

        var analysis = NetworkAnalysis.Run(edges.Graph, new AnalysisOptions(WeightedPaths: weighted, CutOffGroups: false));
        Write(output, edges.Ids, analysis);
        return 0;
    }

    public static void Write(Stream output, IReadOnlyList<string> ids, NetworkAnalysis analysis)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("nodes");
        for (var v = 0; v < ids.Count; v++)
        {
            json.WriteStartObject();
            json.WriteString("id", ids[v]);
            json.WriteNumber("component", analysis.ComponentOf[v]);
            json.WriteNumber("degree", analysis.Degree[v]);
            json.WriteNumber("betweenness", analysis.Betweenness[v]);
            json.WriteNumber("betweennessNormalized", analysis.BetweennessNormalized[v]);
            json.WriteNumber("closeness", analysis.Closeness[v]);
            json.WriteNumber("harmonic", analysis.Harmonic[v]);
            json.WriteNumber("clustering", analysis.Clustering[v]);
            json.WriteBoolean("isArticulationPoint", analysis.IsArticulationPoint[v]);
            json.WriteNumber("community", analysis.CommunityOf[v]);
            if (double.IsNaN(analysis.Constraint[v])) json.WriteNull("constraint");
            else json.WriteNumber("constraint", analysis.Constraint[v]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("bridges");
        foreach (var (a, b) in analysis.Cuts.Bridges)
        {
            json.WriteStartArray();
            json.WriteStringValue(ids[a]);
            json.WriteStringValue(ids[b]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartArray("components");
        foreach (var component in analysis.Components)
        {
            json.WriteStartArray();
            foreach (var v in component) json.WriteStringValue(ids[v]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteNumber("modularity", analysis.Modularity);
        if (analysis.Approximation is { } estimate)
        {
            // Graphs above 50,000 actors: betweenness by path sampling, distances from sampled sources.
            json.WriteStartObject("approximation");
            json.WriteNumber("betweennessEpsilon", estimate.BetweennessEpsilon);
            json.WriteNumber("betweennessDelta", estimate.BetweennessDelta);
            json.WriteNumber("betweennessSamples", estimate.BetweennessSamples);
            json.WriteNumber("distanceSources", estimate.DistanceSources);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
