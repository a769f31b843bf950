using System.Globalization;
using System.Text;
using System.Xml;

namespace ResourceMap.Api.Import;

/// <summary>
/// GEXF 1.3 (gexf.net/1.3, Gephi 0.9.3 and later): a dynamic undirected graph with dates as time, each tie's first and
/// last day as its spell (Gephi's timeline plays the ties coming and going), a deleted actor's last day as the end of
/// its spell, and the nodes' attributes typed: latitude and longitude as doubles for Gephi's Geo Layout, target groups
/// as a liststring. Ties count as undirected, as in the analysis; a tie recorded with a direction says so in
/// <c>directed</c>, its source first.
/// </summary>
public static class GexfWriter
{
    private const string Namespace = "http://gexf.net/1.3";

    private static readonly (string Id, string Type)[] NodeAttributes =
    [
        ("kind", "string"), ("area", "string"), ("latitude", "double"), ("longitude", "double"), ("targetGroups", "liststring"),
        ("degree", "integer"), ("betweenness", "double"), ("community", "integer"), ("role", "string"),
    ];

    private static readonly (string Id, string Type)[] EdgeAttributes = [("type", "string"), ("strength", "integer"), ("directed", "boolean")];

    public static void Write(Stream output, NetworkFile file)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteAttributeString("lastmodifieddate", Day(file.Day));
        xml.WriteElementString("creator", Namespace, "ResourceMap");
        xml.WriteElementString("description", Namespace,
            $"Community resources and their ties; metrics of {Day(file.Day)}, data version {file.Version.ToString(CultureInfo.InvariantCulture)}.");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("defaultedgetype", "undirected");
        xml.WriteAttributeString("timeformat", "date");
        Declare(xml, "node", NodeAttributes);
        Declare(xml, "edge", EdgeAttributes);

        xml.WriteStartElement("nodes", Namespace);
        foreach (var node in file.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", node.Label);
            Values(xml,
                ("kind", node.Kind), ("area", node.Area), ("latitude", Number(node.Latitude)), ("longitude", Number(node.Longitude)),
                ("targetGroups", List(node.TargetGroups)), ("degree", node.Degree.ToString(CultureInfo.InvariantCulture)),
                ("betweenness", Number(node.Betweenness)), ("community", node.Community.ToString(CultureInfo.InvariantCulture)), ("role", node.Role));
            if (node.Until is not null) Spell(xml, null, node.Until);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("edges", Namespace);
        foreach (var edge in file.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            xml.WriteAttributeString("weight", edge.Strength.ToString(CultureInfo.InvariantCulture));
            Values(xml, ("type", edge.Type), ("strength", edge.Strength.ToString(CultureInfo.InvariantCulture)), ("directed", edge.Directed ? "true" : "false"));
            if (edge.Since is not null || edge.Until is not null) Spell(xml, edge.Since, edge.Until);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Declare(XmlWriter xml, string @class, (string Id, string Type)[] attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", @class);
        xml.WriteAttributeString("mode", "static");
        foreach (var (id, type) in attributes)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("title", id);
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The values given; an unknown one (null) is left out, so readers take it as missing, not as empty.</summary>
    private static void Values(XmlWriter xml, params (string For, string? Value)[] values)
    {
        xml.WriteStartElement("attvalues", Namespace);
        foreach (var (id, value) in values.Where(v => v.Value is not null))
        {
            xml.WriteStartElement("attvalue", Namespace);
            xml.WriteAttributeString("for", id);
            xml.WriteAttributeString("value", value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>One spell, its open side left out (GEXF: it then begins or ends with the network).</summary>
    private static void Spell(XmlWriter xml, DateOnly? start, DateOnly? end)
    {
        xml.WriteStartElement("spells", Namespace);
        xml.WriteStartElement("spell", Namespace);
        if (start is { } s) xml.WriteAttributeString("start", Day(s));
        if (end is { } e) xml.WriteAttributeString("end", Day(e));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>GEXF 1.3's list: comma-separated in brackets, an item quoted when it holds a comma, bracket or quote.</summary>
    private static string List(IReadOnlyList<string> items) =>
        "[" + string.Join(", ", items.Select(item => item.IndexOfAny([',', '[', ']', '"', '\'']) < 0 ? item
            : item.Contains('"') ? $"'{item}'" : $"\"{item}\"")) + "]";

    internal static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
