using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using nietras.SeparatedValues;
using ResourceMap.Api.Import;

namespace ResourceMap.Api.Hsds;

/// <summary>
/// An HSDS 3.0 file read as the import template's two sheets, so that it goes through the one all-or-nothing import
/// (<see cref="SpreadsheetImport"/>): HSDS JSON (organizations, services or services at locations — one, a list, or an
/// API page — or our export's object with <c>resourcemap:relationships</c>), or the tabular zip (its CSV tables assembled into the same
/// organizations). Each organization becomes a resource whose external id is the organization's id, so importing again
/// updates it and exporting gives the id back: its name, description, email and website, the first phone, location
/// (place) and address, its service's status and languages, and the kind and target groups among its terms
/// (<c>kind:…</c>, <c>target_group:…</c> of the <c>resourcemap</c> taxonomy). Problems are reported on the sheet
/// <c>organizations</c> (row n is the n-th organization) by the HSDS field the value came from (<c>location.latitude</c>).
/// </summary>
public static class HsdsImport
{
    public const string OrganizationsSheet = "organizations";
    public const string RelationshipsSheet = "resourcemap_relationships";

    public static IReadOnlyList<Table> FromJson(byte[] content)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(content);
        }
        catch (JsonException e)
        {
            throw new SpreadsheetException($"The HSDS file is not JSON: {e.Message}");
        }
        var items = root switch
        {
            JsonArray list => list.OfType<JsonObject>().ToList(),
            JsonObject { } page when page["contents"] is JsonArray contents => contents.OfType<JsonObject>().ToList(),
            JsonObject { } file when file["organizations"] is JsonArray all => all.OfType<JsonObject>().ToList(),
            JsonObject { } one => [one],
            _ => throw new SpreadsheetException($"The HSDS file must hold organizations, services or services at locations: one, a list, an API page, or our export."),
        };
        var organizations = items.Select(AsOrganization).ToList();
        var relationships = (root as JsonObject)?["resourcemap:relationships"] as JsonArray;
        return Tables(organizations, relationships?.OfType<JsonObject>().ToList() ?? []);
    }

    public static IReadOnlyList<Table> FromTabular(byte[] content, ImportSettings settings)
    {
        using var archive = OpenZip(content);
        if (archive.Entries.Sum(e => e.Length) > settings.MaxUnpackedMegabytes * 1024L * 1024)
            throw new SpreadsheetException($"The zip unpacks to more than {settings.MaxUnpackedMegabytes} MB (Import:MaxUnpackedMegabytes).");
        List<JsonObject> Read(string file)
        {
            if (archive.Entries.FirstOrDefault(e => e.FullName.Equals(file, StringComparison.OrdinalIgnoreCase)) is not { } entry) return [];
            using var text = new StreamReader(entry.Open());
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text.ReadToEnd());
            var header = reader.Header.ColNames.ToList();
            var rows = new List<JsonObject>();
            foreach (var row in reader)
            {
                var record = new JsonObject();
                foreach (var column in header)
                    if (row[column].ToString() is { Length: > 0 } cell) record[column] = cell;
                rows.Add(record);
            }
            return rows;
        }
        if (!archive.Entries.Any(e => e.FullName.Equals("organizations.csv", StringComparison.OrdinalIgnoreCase)))
            throw new SpreadsheetException($"The zip holds no organizations.csv: it is not HSDS's tabular form.");
        string? Of(JsonObject row, string column) => row[column]?.GetValue<string>();
        ILookup<string?, JsonObject> By(string file, string column) => Read(file).ToLookup(r => Of(r, column));
        var services = By("services.csv", "organization_id");
        var locations = By("locations.csv", "organization_id");
        var addresses = By("addresses.csv", "location_id");
        var languages = By("languages.csv", "service_id");
        var attributes = By("attributes.csv", "link_id");
        var terms = Read("taxonomy_terms.csv").ToDictionary(t => Of(t, "id") ?? "", t => t);
        var phones = Read("phones.csv");
        var organizations = Read("organizations.csv").Select(organization =>
        {
            var id = Of(organization, "id");
            organization["phones"] = new JsonArray(phones.Where(p => Of(p, "organization_id") == id).Select(p => p.DeepClone()).ToArray());
            organization["locations"] = new JsonArray(locations[id].Select(l =>
            {
                var location = (JsonObject)l.DeepClone();
                foreach (var number in new[] { "latitude", "longitude" })
                    if (Of(location, number) is { } text) location[number] = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : text;
                location["addresses"] = new JsonArray(addresses[Of(l, "id")].Select(a => a.DeepClone()).ToArray());
                return (JsonNode)location;
            }).ToArray());
            organization["services"] = new JsonArray(services[id].Select(s =>
            {
                var service = (JsonObject)s.DeepClone();
                service["languages"] = new JsonArray(languages[Of(s, "id")].Select(l => l.DeepClone()).ToArray());
                service["attributes"] = new JsonArray(attributes[Of(s, "id")].Select(a =>
                {
                    var attribute = (JsonObject)a.DeepClone();
                    if (Of(a, "taxonomy_term_id") is { } term && terms.TryGetValue(term, out var known)) attribute["taxonomy_term"] = known.DeepClone();
                    return (JsonNode)attribute;
                }).ToArray());
                return (JsonNode)service;
            }).ToArray());
            return organization;
        }).ToList();
        var relationships = Read("resourcemap_relationships.csv");
        return Tables(organizations, relationships);
    }

    /// <summary>
    /// An organization, a service (the API's services carry their organization) or a service at a location (its
    /// service, and the location it is at), read as the organization offering it.
    /// </summary>
    private static JsonObject AsOrganization(JsonObject item)
    {
        if (item["service"] is JsonObject service)
        {
            var organization = AsOrganization(service);
            if (item["location"] is JsonObject location && organization["locations"] is not JsonArray { Count: > 0 })
                organization["locations"] = new JsonArray(location.DeepClone());
            return organization;
        }
        if (item["organization"] is JsonObject owner) return WithService(owner, item);
        if (item["organization_id"] is not null && item["status"] is not null && item["services"] is null)
        {
            // A service without its organization: the organization is known by its id alone, so it takes the service's name.
            var offering = new JsonObject { ["id"] = item["organization_id"]!.DeepClone(), ["name"] = item["name"]?.DeepClone(), ["description"] = item["description"]?.DeepClone() };
            return WithService(offering, item);
        }
        return item;
    }

    /// <summary>A service in full read as its organization offering it.</summary>
    private static JsonObject WithService(JsonObject organization, JsonObject service)
    {
        var owner = (JsonObject)organization.DeepClone();
        var offered = (JsonObject)service.DeepClone();
        offered.Remove("organization");
        owner["services"] = new JsonArray(offered);
        return owner;
    }

    private static IReadOnlyList<Table> Tables(List<JsonObject> organizations, List<JsonObject> relationships)
    {
        string[] resourceColumns = ["externalId", "name", "kind", "description", "address", "latitude", "longitude", "targetGroups", "languages", "status", "web", "email", "phone"];
        var resources = organizations.Select((o, i) => new TableRow(i + 1, Resource(o, resourceColumns))).ToArray();
        string[] tieColumns = ["source", "target", "type", "strength", "directed", "since", "until"];
        // Headed by the HSDS fields the values came from, so that a problem names the field as the directory wrote it.
        string HsdsName(Column[] columns, string name) => columns.Single(c => c.Name == name).Hsds ?? name;
        var ties = relationships.Select((r, i) => new TableRow(i + 1, [
            Text(r, "source_organization_id"), Text(r, "target_organization_id"), Text(r, "type"), Text(r, "strength"), Text(r, "directed"), Text(r, "since"), Text(r, "until"),
        ])).ToArray();
        return [new Table(OrganizationsSheet, 0, [.. resourceColumns.Select(c => HsdsName(ImportColumns.Resources, c))], resources),
            new Table(RelationshipsSheet, 0, [.. tieColumns.Select(c => HsdsName(ImportColumns.Ties, c))], ties)];
    }

    private static string[] Resource(JsonObject organization, string[] columns)
    {
        var service = (organization["services"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var location = (organization["locations"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()
            ?? (service?["service_at_locations"] as JsonArray)?.OfType<JsonObject>().Select(s => s["location"]).OfType<JsonObject>().FirstOrDefault();
        var address = (location?["addresses"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var phone = new[] { organization, service }.OfType<JsonObject>().SelectMany(o => (o["phones"] as JsonArray)?.OfType<JsonObject>() ?? []).FirstOrDefault();
        var codes = new[] { organization, service }.OfType<JsonObject>()
            .SelectMany(o => (o["attributes"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(a => Text(a["taxonomy_term"] as JsonObject, "code"))
            .ToList();
        var values = new Dictionary<string, string>
        {
            ["externalId"] = Text(organization, "id"),
            ["name"] = Text(organization, "name"),
            ["kind"] = codes.FirstOrDefault(c => c.StartsWith("kind:", StringComparison.Ordinal))?[5..] ?? "ASSOCIATION",
            ["description"] = Text(organization, "description"),
            ["address"] = string.Join(", ", new[] { Text(address, "address_1"), Text(address, "address_2"), Text(address, "city"), Text(address, "postal_code") }.Where(p => p.Length > 0)),
            ["latitude"] = Text(location, "latitude"),
            ["longitude"] = Text(location, "longitude"),
            ["targetGroups"] = string.Join("; ", codes.Where(c => c.StartsWith("target_group:", StringComparison.Ordinal)).Select(c => c["target_group:".Length..])),
            ["languages"] = string.Join("; ", (service?["languages"] as JsonArray)?.OfType<JsonObject>().Select(l => Text(l, "code")).Where(c => c.Length > 0) ?? []),
            ["status"] = Text(service, "status") switch { "inactive" or "temporarily closed" => "dormant", "defunct" => "closed", _ => "active" },
            ["web"] = Text(organization, "website") is { Length: > 0 } website ? website : Text(service, "url"),
            ["email"] = Text(organization, "email") is { Length: > 0 } email ? email : Text(service, "email"),
            // The specification's own examples quote their numbers ("\"+44 1234 234567\""): the quotes are no part of it.
            ["phone"] = Text(phone, "number").Trim('"').Trim(),
        };
        return columns.Select(c => values[c]).ToArray();
    }

    private static string Text(JsonObject? owner, string member) => owner?[member] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var text) => text.Trim(),
        JsonValue v when v.TryGetValue<double>(out var number) => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "yes" : "no",
        var other => other.ToJsonString(),
    };

    private static ZipArchive OpenZip(byte[] content)
    {
        try
        {
            return new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new SpreadsheetException($"The file is not a zip: HSDS's tabular form is a zip of CSV files.");
        }
    }
}
