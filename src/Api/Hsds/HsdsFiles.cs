using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using nietras.SeparatedValues;

namespace ResourceMap.Api.Hsds;

/// <summary>
/// The directory as files: HSDS JSON (every organization in full — its service, location, address, phones, languages,
/// service area and terms nested — beside the taxonomy and its terms, and our ties in a <c>resourcemap:relationships</c>
/// member HSDS readers skip), and HSDS's tabular form, a zip of one CSV per table with the columns the specification's
/// datapackage.json gives, a <c>datapackage.json</c> describing them, and <c>resourcemap_relationships.csv</c>.
/// </summary>
public static class HsdsFiles
{
    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Each table we fill: its name, its file, and its columns in the specification's order.</summary>
    private static readonly (string Name, string File, string[] Columns)[] Layout =
    [
        ("organization", "organizations.csv", ["id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"]),
        ("service", "services.csv", ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services",
            "application_process", "fees_description", "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
            "assurer_email", "licenses", "alert", "last_modified"]),
        ("location", "locations.csv", ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude",
            "external_identifier", "external_identifier_type"]),
        ("service_at_location", "service_at_location.csv", ["id", "service_id", "location_id", "description"]),
        ("address", "addresses.csv", ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"]),
        ("phone", "phones.csv", ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension", "type", "description"]),
        ("language", "languages.csv", ["id", "service_id", "location_id", "phone_id", "name", "code", "note"]),
        ("service_area", "service_areas.csv", ["id", "service_id", "name", "description", "extent", "extent_type", "uri"]),
        ("attribute", "attributes.csv", ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"]),
        ("taxonomy", "taxonomies.csv", ["id", "name", "description", "uri", "version"]),
        ("taxonomy_term", "taxonomy_terms.csv", ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"]),
        ("resourcemap_relationship", "resourcemap_relationships.csv", ["id", "source_organization_id", "target_organization_id", "type", "strength", "directed", "since", "until"]),
    ];

    private static readonly HashSet<string> Numbers = ["year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude", "extension", "strength"];

    public static byte[] Json(HsdsDirectory directory) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["organizations"] = new JsonArray(directory.Entries.Select(e => e.Organization.DeepClone()).ToArray()),
        ["taxonomies"] = new JsonArray(directory.Taxonomy.DeepClone()),
        ["taxonomy_terms"] = new JsonArray(directory.TaxonomyTerms.Select(t => t.DeepClone()).ToArray()),
        ["resourcemap:relationships"] = new JsonArray(directory.Relationships.ToArray<JsonNode>()),
    }, Written);

    public static byte[] Tabular(HsdsDirectory directory)
    {
        var rows = Layout.ToDictionary(t => t.Name, _ => new List<JsonObject>());
        foreach (var entry in directory.Entries)
        {
            rows["organization"].Add(entry.Organization);
            rows["service"].Add(entry.Service);
            foreach (var location in Items(entry.Organization, "locations"))
            {
                rows["location"].Add(location);
                rows["address"].AddRange(Items(location, "addresses"));
            }
            if (entry.ServiceAtLocation is { } located) rows["service_at_location"].Add(located);
            rows["phone"].AddRange(Items(entry.Organization, "phones").Concat(Items(entry.Service, "phones")));
            rows["language"].AddRange(Items(entry.Service, "languages"));
            rows["service_area"].AddRange(Items(entry.Service, "service_areas"));
            rows["attribute"].AddRange(Items(entry.Service, "attributes"));
        }
        rows["taxonomy"].Add(directory.Taxonomy);
        rows["taxonomy_term"].AddRange(directory.TaxonomyTerms);
        rows["resourcemap_relationship"].AddRange(directory.Relationships);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, file, columns) in Layout)
            {
                using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
                writer.Header.Add(columns);
                foreach (var row in rows[name])
                {
                    using var line = writer.NewRow();
                    foreach (var column in columns) line[column].Set(Cell(row[column]));
                }
                // Sep writes the header with the first row; a table without rows still gets its header line (plain names).
                Add(archive, file, Encoding.UTF8.GetBytes(rows[name].Count > 0 ? writer.ToString() : string.Join(',', columns) + Environment.NewLine));
            }
            Add(archive, "datapackage.json", JsonSerializer.SerializeToUtf8Bytes(DataPackage(), Written));
        }
        return zip.ToArray();
    }

    /// <summary>A Frictionless tabular data package describing the files: each a CSV resource with its fields and primary key.</summary>
    private static JsonObject DataPackage() => new()
    {
        ["name"] = "resourcemap-hsds",
        ["title"] = "ResourceMap's community resources as HSDS 3.0",
        ["profile"] = "tabular-data-package",
        ["resources"] = new JsonArray(Layout.Select(t => (JsonNode)new JsonObject
        {
            ["name"] = t.Name,
            ["path"] = t.File,
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["schema"] = new JsonObject
            {
                ["fields"] = new JsonArray(t.Columns.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["type"] = Numbers.Contains(c) ? "number" : c == "directed" ? "boolean" : "string" }).ToArray()),
                ["primaryKey"] = "id",
            },
        }).ToArray()),
    };

    private static IEnumerable<JsonObject> Items(JsonObject owner, string member) => owner[member] is JsonArray items ? items.OfType<JsonObject>() : [];

    private static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var number) => number.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<int>(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }
}
