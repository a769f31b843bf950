using System.Globalization;
using System.Text;
using System.Xml;

namespace ResourceMap.Api.Import;

/// <summary>
/// GraphML (graphml.graphdrawing.org) for yEd, Cytoscape and networkx: an undirected graph with typed keys for the same
/// attributes as <see cref="GexfWriter"/>. GraphML has no time and no lists: a tie's first and last day are the
/// <c>since</c> and <c>until</c> attributes (YYYY-MM-DD; absent when open), a deleted actor's last day <c>until</c>, and
/// target groups one string joined with "; ", as the spreadsheets write them.
/// </summary>
public static class GraphMLWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <summary>The keys; each key's id is its domain and name ("node.until", "edge.until"), unique as GraphML asks.</summary>
    private static readonly (string Name, string For, string Type)[] Keys =
    [
        ("label", "node", "string"), ("kind", "node", "string"), ("area", "node", "string"), ("latitude", "node", "double"),
        ("longitude", "node", "double"), ("targetGroups", "node", "string"), ("degree", "node", "int"), ("betweenness", "node", "double"),
        ("community", "node", "int"), ("role", "node", "string"), ("until", "node", "string"),
        ("type", "edge", "string"), ("strength", "edge", "int"), ("directed", "edge", "boolean"), ("since", "edge", "string"), ("until", "edge", "string"),
    ];

    public static void Write(Stream output, NetworkFile file)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        foreach (var (name, @for, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", $"{@for}.{name}");
            xml.WriteAttributeString("for", @for);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "resourcemap");
        xml.WriteAttributeString("edgedefault", "undirected");
        foreach (var node in file.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            Data(xml, "node",
                ("label", node.Label), ("kind", node.Kind), ("area", node.Area), ("latitude", GexfWriter.Number(node.Latitude)),
                ("longitude", GexfWriter.Number(node.Longitude)), ("targetGroups", string.Join("; ", node.TargetGroups)),
                ("degree", node.Degree.ToString(CultureInfo.InvariantCulture)), ("betweenness", GexfWriter.Number(node.Betweenness)),
                ("community", node.Community.ToString(CultureInfo.InvariantCulture)), ("role", node.Role),
                ("until", node.Until is { } until ? GexfWriter.Day(until) : null));
            xml.WriteEndElement();
        }
        foreach (var edge in file.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            Data(xml, "edge",
                ("type", edge.Type), ("strength", edge.Strength.ToString(CultureInfo.InvariantCulture)), ("directed", edge.Directed ? "true" : "false"),
                ("since", edge.Since is { } since ? GexfWriter.Day(since) : null), ("until", edge.Until is { } until ? GexfWriter.Day(until) : null));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The values given; an unknown one (null) is left out.</summary>
    private static void Data(XmlWriter xml, string domain, params (string Key, string? Value)[] values)
    {
        foreach (var (key, value) in values.Where(v => v.Value is not null))
        {
            xml.WriteStartElement("data", Namespace);
            xml.WriteAttributeString("key", $"{domain}.{key}");
            xml.WriteString(value);
            xml.WriteEndElement();
        }
    }
}
