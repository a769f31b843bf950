using System.Globalization;
using System.Text.Json.Nodes;
using ResourceMap.Api.Import;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Hsds;

/// <summary>
/// What a caller may read, as Open Referral's Human Services Data Specification 3.0 names it. Each resource is an
/// organization that offers one service — its kind and target groups as taxonomy terms of a <c>resourcemap</c>
/// taxonomy, its languages, its area as the service area — at one location when it has a place (a service_at_location
/// joins them). Ties have no HSDS object: they travel beside it (<see cref="Relationships"/>), where HSDS tools do not
/// look. Sensitive resources are not there for whom may not read them; a person's email, phone, address and place are
/// left out outside their municipality, as everywhere.
/// </summary>
public sealed class HsdsDirectory
{
    public const string TaxonomyName = "resourcemap";

    private readonly ExportRows _rows;
    private readonly IReadOnlyDictionary<int, DateTimeOffset> _modified;
    private readonly Dictionary<string, JsonObject> _terms = [];

    /// <param name="rows">The resources and ties the caller may read.</param>
    /// <param name="modified">When each resource last changed (its history); a resource without history counts as never.</param>
    public HsdsDirectory(ExportRows rows, IReadOnlyDictionary<int, DateTimeOffset> modified)
    {
        _rows = rows;
        _modified = modified;
        Taxonomy = new JsonObject
        {
            ["id"] = HsdsIds.Of("taxonomy", TaxonomyName),
            ["name"] = TaxonomyName,
            ["description"] = "ResourceMap's kinds of community resources and the target groups they serve.",
            ["version"] = "1",
        };
        Term("kind", null, "Kinds of resources", "What a resource is: an association, a school, a day centre, …");
        Term("target_group", null, "Target groups", "Whom a resource serves: seniors, children, families, …");
        foreach (var kind in Enum.GetValues<ResourceKind>()) Term($"kind:{Code(kind)}", "kind", Words(kind), $"Kind of resource: {Words(kind)}.");
        foreach (var group in rows.Resources.SelectMany(r => r.TargetGroups).Distinct().Order(StringComparer.Ordinal))
            Term($"target_group:{group}", "target_group", group, $"Target group: {group}.");
        _organizationIds = rows.Resources.ToDictionary(r => r.Id, r => Guid.TryParse(r.ExternalId, out var kept) ? kept.ToString() : HsdsIds.Of("organization", r.Id));
        Entries = rows.Resources.Select(r => new Entry(r, Organization(r))).ToList();
    }

    /// <summary>Each resource's organization id: the HSDS id it was imported with (its external id, when a UUID), else our own.</summary>
    private readonly Dictionary<int, string> _organizationIds;

    /// <summary>A resource and its organization, with the service (and its service_at_location) nested as HSDS's "full" organization has them.</summary>
    public sealed record Entry(Resource Resource, JsonObject Organization)
    {
        public JsonObject Service => (JsonObject)Organization["services"]![0]!;

        public JsonObject? ServiceAtLocation => Service["service_at_locations"] is JsonArray { Count: > 0 } located ? (JsonObject)located[0]! : null;

        /// <summary>The taxonomy terms of its service: its kind and its target groups.</summary>
        public IEnumerable<string> TermIds => ((JsonArray)Service["attributes"]!).Select(a => a!["taxonomy_term_id"]!.GetValue<string>());
    }

    public JsonObject Taxonomy { get; }

    public IReadOnlyCollection<JsonObject> TaxonomyTerms => _terms.Values;

    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>When the resource last changed.</summary>
    public DateTimeOffset? ModifiedOf(int resourceId) => _modified.TryGetValue(resourceId, out var at) ? at : null;

    /// <summary>The Latvian postal code (LV-1234) the resource's address names, if any.</summary>
    public static string? PostcodeOf(Resource resource) =>
        resource.Address is { } address && System.Text.RegularExpressions.Regex.Match(address, @"\bLV-\d{4}\b") is { Success: true } found ? found.Value : null;

    /// <summary>
    /// The centre of a postcode: the mean position of the readable locations whose address has it (a postcode covers a
    /// few streets or a village, so the mean of latitudes and of longitudes is its centroid to well under a metre's error
    /// from the earth's curvature); null when none has it. No postcode map of Latvia is at hand, so the directory's own
    /// addresses place it.
    /// </summary>
    public (double Latitude, double Longitude)? CentreOf(string postcode)
    {
        var placed = Entries.Select(e => e.Resource)
            .Where(r => r is { Latitude: not null, Longitude: not null } && PostcodeOf(r) == postcode)
            .ToList();
        return placed.Count == 0 ? null : (placed.Average(r => r.Latitude!.Value), placed.Average(r => r.Longitude!.Value));
    }

    /// <summary>Whether a text search (accents and case aside) finds the resource's name, description, offers or needs.</summary>
    public static bool Finds(Resource resource, string search)
    {
        var folded = TextFolding.Fold(search);
        return new[] { resource.Name, resource.Description ?? "" }.Concat(resource.Offers).Concat(resource.Needs).Any(t => TextFolding.Fold(t).Contains(folded, StringComparison.Ordinal));
    }

    /// <summary>The ties among the resources, by organization ids: ResourceMap's extension, which HSDS tools ignore.</summary>
    public IEnumerable<JsonObject> Relationships => _rows.Ties.Select(t => new JsonObject
    {
        ["id"] = HsdsIds.Of("relationship", t.Id),
        ["source_organization_id"] = _organizationIds[t.SourceId],
        ["target_organization_id"] = _organizationIds[t.TargetId],
        ["type"] = Code(t.Type),
        ["strength"] = t.Strength,
        ["directed"] = t.Directed,
        ["since"] = t.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["until"] = t.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    });

    private JsonObject Organization(Resource r)
    {
        var hidden = _rows.PersonalDataHidden(r);
        var organization = new JsonObject
        {
            ["id"] = _organizationIds[r.Id],
            ["name"] = r.Name,
            ["description"] = r.Description ?? "",
        };
        if (!hidden && r.ContactEmail is { } email) organization["email"] = email;
        if (!hidden && Uri.TryCreate(r.ContactWeb, UriKind.Absolute, out _)) organization["website"] = r.ContactWeb; // as written: no slash added
        organization["phones"] = Phones(hidden ? null : r.ContactPhone, "organization", r.Id);
        organization["locations"] = new JsonArray(Location(r, hidden) is { } location ? [location] : []);
        organization["services"] = new JsonArray(Service(r, hidden));
        return organization;
    }

    private JsonObject Service(Resource r, bool hidden)
    {
        var id = HsdsIds.Of("service", r.Id);
        var service = new JsonObject
        {
            ["id"] = id,
            ["organization_id"] = _organizationIds[r.Id],
            ["name"] = r.Name,
            ["description"] = r.Description ?? "",
            ["status"] = r.Status switch { ResourceStatus.Active => "active", ResourceStatus.Dormant => "inactive", _ => "defunct" },
        };
        if (ModifiedOf(r.Id) is { } modified) service["last_modified"] = modified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        service["phones"] = Phones(hidden ? null : r.ContactPhone, "service", r.Id);
        service["languages"] = new JsonArray(r.Languages.Select(code => (JsonNode)new JsonObject
        {
            ["id"] = HsdsIds.Of("language", $"{r.Id}/{code}"),
            ["service_id"] = id,
            ["code"] = code,
        }).ToArray());
        service["service_areas"] = new JsonArray(r.AreaId is { } area && _rows.AreaNames.GetValueOrDefault(area) is { } name
            ? [new JsonObject { ["id"] = HsdsIds.Of("service_area", $"{r.Id}/{area}"), ["service_id"] = id, ["name"] = name }]
            : []);
        service["attributes"] = new JsonArray(new[] { ("category", $"kind:{Code(r.Kind)}") }
            .Concat(r.TargetGroups.Select(g => ("audience", $"target_group:{g}")))
            .Select(a => (JsonNode)new JsonObject
            {
                ["id"] = HsdsIds.Of("attribute", $"service/{r.Id}/{a.Item2}"),
                ["link_id"] = id,
                ["link_type"] = a.Item1,
                ["link_entity"] = "service",
                ["taxonomy_term_id"] = _terms[a.Item2]["id"]!.GetValue<string>(),
                ["taxonomy_term"] = _terms[a.Item2].DeepClone(),
            }).ToArray());
        service["service_at_locations"] = new JsonArray(Location(r, hidden) is { } location
            ? [new JsonObject { ["id"] = HsdsIds.Of("service_at_location", r.Id), ["service_id"] = id, ["location_id"] = location["id"]!.GetValue<string>(), ["location"] = location }]
            : []);
        return service;
    }

    /// <summary>The resource's place, when it has one the caller may see; its address the way HSDS asks for it.</summary>
    private JsonObject? Location(Resource r, bool hidden)
    {
        if (hidden || r.Latitude is not { } latitude || r.Longitude is not { } longitude) return null;
        var id = HsdsIds.Of("location", r.Id);
        var location = new JsonObject
        {
            ["id"] = id,
            ["location_type"] = "physical",
            ["organization_id"] = _organizationIds[r.Id],
            ["name"] = r.Name,
            ["latitude"] = latitude,
            ["longitude"] = longitude,
        };
        // HSDS's address needs a postal code and a municipality: given when the text names a Latvian postal code
        // (LV-1234), else the address is the location's description, as written.
        if (r.Address is { Length: > 0 } address)
        {
            var postalCode = PostcodeOf(r);
            var municipality = r.AreaId is { } areaId ? _rows.MunicipalityOf(areaId) : null;
            if (postalCode is not null && municipality is not null)
                location["addresses"] = new JsonArray(new JsonObject
                {
                    ["id"] = HsdsIds.Of("address", r.Id),
                    ["location_id"] = id,
                    ["address_1"] = address.Replace(postalCode, "").Trim(' ', ','),
                    ["city"] = r.AreaId is { } area ? _rows.AreaNames.GetValueOrDefault(area) ?? municipality : municipality,
                    ["state_province"] = municipality,
                    ["postal_code"] = postalCode,
                    ["country"] = "LV",
                    ["address_type"] = "physical",
                });
            else location["description"] = address;
        }
        return location;
    }

    private JsonArray Phones(string? number, string owner, int resourceId) => new(number is { Length: > 0 }
        ? [new JsonObject
        {
            ["id"] = HsdsIds.Of("phone", $"{owner}/{resourceId}"),
            [$"{owner}_id"] = owner == "organization" ? _organizationIds[resourceId] : HsdsIds.Of(owner, resourceId),
            ["number"] = number,
        }]
        : []);

    private void Term(string code, string? parent, string name, string description)
    {
        var term = new JsonObject
        {
            ["id"] = HsdsIds.Of("taxonomy_term", code),
            ["code"] = code,
            ["name"] = name,
            ["description"] = description,
            ["taxonomy"] = TaxonomyName,
            ["taxonomy_id"] = Taxonomy["id"]!.GetValue<string>(),
            ["language"] = "en",
        };
        if (parent is not null) term["parent_id"] = HsdsIds.Of("taxonomy_term", parent);
        _terms[code] = term;
    }

    private static string Code<T>(T value) where T : struct, Enum => GraphQL.StringExtensions.ToConstantCase(value.ToString()!);

    private static string Words(ResourceKind kind) => string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
