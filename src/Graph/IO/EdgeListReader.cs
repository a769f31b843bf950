using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace ResourceMap.Graph.IO;

/// <summary>A malformed edge list: the message names the row (the header is row 1).</summary>
public sealed class EdgeListException(string message) : Exception(message);

/// <summary>An edge list with string ids, and the graph it describes (vertices numbered in order of first appearance).</summary>
public sealed record EdgeList(IReadOnlyList<string> Ids, CompactGraph Graph, bool HasWeights);

/// <summary>
/// Reads CSV edge lists with the header <c>source,target</c> or <c>source,target,weight</c> (RFC 4180 quoting, with Sep).
/// A repeated pair keeps the later weight, as networkx's Graph does. Weights must be finite and positive (they are
/// distances); ties of an actor to itself are refused.
/// </summary>
public static class EdgeListReader
{
    public static EdgeList Read(Stream stream, bool directed)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(ReadAll(stream));
        }
        catch (DecoderFallbackException e)
        {
            throw new EdgeListException($"the file is not valid UTF-8 text (byte {e.Index}).");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var edges = new List<(int, int, double)>();
        string[]? columns = null;
        var hasWeights = false;
        var row = 0;
        // Sep reads RFC 4180 records: a quoted field may hold the separator, doubled quotes and line breaks.
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        foreach (var record in reader)
        {
            row++;
            // Quotes come in pairs in a well-formed record (the enclosing two, and doubled ones inside); an odd count means
            // one was opened and never closed, and Sep read the rest of the file into that field.
            if (record.Span.Count('"') % 2 == 1) throw new EdgeListException($"row {row}: a quoted field is not closed.");
            var fields = new List<string>(record.ColCount);
            for (var i = 0; i < record.ColCount; i++) fields.Add(record[i].ToString());
            if (columns is null)
            {
                columns = fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                hasWeights = columns.SequenceEqual(["source", "target", "weight"]);
                if (!hasWeights && !columns.SequenceEqual(["source", "target"]))
                    throw new EdgeListException("row 1: the header must be 'source,target' or 'source,target,weight'.");
                continue;
            }
            if (fields.Count == 1 && fields[0].Length == 0) continue; // an empty line
            if (fields.Count != columns.Length)
                throw new EdgeListException($"row {row}: expected {columns.Length} fields, found {fields.Count}.");
            var source = fields[0].Trim();
            var target = fields[1].Trim();
            if (source.Length == 0 || target.Length == 0) throw new EdgeListException($"row {row}: empty {(source.Length == 0 ? "source" : "target")} id.");
            if (source == target) throw new EdgeListException($"row {row}: '{source}' is tied to itself.");
            var weight = 1.0;
            if (hasWeights)
            {
                var raw = fields[2].Trim();
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight))
                    throw new EdgeListException($"row {row}: weight '{raw}' is not a number.");
                if (weight <= 0) throw new EdgeListException($"row {row}: weight {raw} must be positive (weights are distances).");
            }
            edges.Add((Id(source), Id(target), weight));
        }
        if (columns is null) throw new EdgeListException("row 1: the header must be 'source,target' or 'source,target,weight'.");

        var builder = new GraphBuilder(ids.Count, directed, DuplicateEdges.KeepLast);
        foreach (var (s, t, w) in edges) builder.AddEdge(s, t, w);
        return new EdgeList(ids, builder.Build(), hasWeights);

        int Id(string id)
        {
            if (!index.TryGetValue(id, out var v))
            {
                index[id] = v = ids.Count;
                ids.Add(id);
            }
            return v;
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
