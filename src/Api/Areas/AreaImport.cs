using System.Collections;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Areas;

/// <summary>One thing wrong with one feature of an imported collection (index −1 for the collection itself).</summary>
public sealed record ImportProblem(int FeatureIndex, string Message);

public sealed record ImportAreasResult(IReadOnlyList<Area> Created, IReadOnlyList<Area> Updated);

/// <summary>
/// Imports areas from a GeoJSON FeatureCollection as official open-data portals publish them, in WGS84 or, when its
/// <c>crs</c> names EPSG:3059 (as GDAL and QGIS write it), in LKS-92 metres reprojected with <see cref="Lks92"/>. Each feature is an area:
/// a Polygon or MultiPolygon geometry and the properties <c>name</c> (required), <c>kind</c> (country, municipality or
/// novads, city or pilsēta, parish or pagasts, neighbourhood or apkaime), <c>code</c> (its register code, Latvia's ATVK;
/// an area stored with the code is the one updated), <c>parent</c> (the name or code of an area in the same file or
/// already stored, or its global id), <c>population</c> (an object of counts per target group, "total" for
/// everyone) and <c>approximate</c>. An area with the same name under the same parent is updated, any other is created.
/// Every feature is checked first and every problem is reported with its feature index; if there is any, nothing is written.
/// </summary>
public static class AreaImport
{
    private const int MaxFeatures = 10_000;

    private static readonly Dictionary<string, AreaKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["country"] = AreaKind.Country, ["valsts"] = AreaKind.Country,
        ["municipality"] = AreaKind.Municipality, ["novads"] = AreaKind.Municipality,
        ["city"] = AreaKind.City, ["town"] = AreaKind.City, ["pilsēta"] = AreaKind.City, ["valstspilsēta"] = AreaKind.City,
        ["parish"] = AreaKind.Parish, ["pagasts"] = AreaKind.Parish,
        ["neighbourhood"] = AreaKind.Neighbourhood, ["neighborhood"] = AreaKind.Neighbourhood, ["apkaime"] = AreaKind.Neighbourhood,
    };

    private sealed record Parsed(int Index, string Name, AreaKind Kind, string? Parent, Geometry Boundary, Dictionary<string, int> Population, bool Approximate,
        string? Code);

    public static async Task<ImportAreasResult> ImportAsync(ResourceMapDbContext db, IDictionary<string, object?> collection, bool approximate, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var features = Check(collection, approximate, problems);
        var existing = await db.Areas.Include(a => a.Population).ToListAsync(ct);
        var plan = Resolve(features, existing, problems);
        if (problems.Count > 0)
        {
            problems = problems.OrderBy(p => p.FeatureIndex).ToList(); // stable: each feature's problems stay in order
            var bad = problems.Select(p => p.FeatureIndex).Where(i => i >= 0).Distinct().Count();
            var listed = string.Join(" ", problems.Select(p => p.Message));
            var error = bad > 0
                ? UserError.BadInput($"{bad} feature(s) are invalid; nothing was imported. {listed}", "featureCollection")
                : UserError.BadInput($"The collection is invalid; nothing was imported. {listed}", "featureCollection");
            error.Data["problems"] = problems.Select(p => new Dictionary<string, object?> { ["featureIndex"] = p.FeatureIndex, ["message"] = p.Message }).ToList();
            throw error;
        }

        var created = new List<Area>();
        var updated = new List<Area>();
        foreach (var (feature, area, isNew, parent) in plan)
        {
            area.Name = feature.Name;
            area.Kind = feature.Kind;
            area.Parent = parent;
            area.Boundary = feature.Boundary;
            area.Approximate = feature.Approximate;
            if (feature.Code is not null) area.Code = feature.Code;
            area.Population = feature.Population.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new AreaPopulation { TargetGroup = p.Key, Count = p.Value }).ToList();
            area.RefreshSearchText();
            if (isNew)
            {
                db.Areas.Add(area);
                created.Add(area);
            }
            else updated.Add(area);
        }
        await db.SaveChangesAsync(ct);
        return new ImportAreasResult(created, updated);
    }

    private static List<Parsed> Check(IDictionary<string, object?> collection, bool approximate, List<ImportProblem> problems)
    {
        if (collection.Member("type") as string != "FeatureCollection")
            problems.Add(new(-1, $"type: must be \"FeatureCollection\"."));
        var crsName = collection.Member("crs") is IDictionary<string, object?> crs && crs.Member("properties") is IDictionary<string, object?> named ? named.Member("name") as string : null;
        var lks92 = Lks92.IsNamedBy(crsName);
        var wgs84 = crsName is not null && (crsName.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase) || crsName.EndsWith("4326", StringComparison.Ordinal));
        if (collection.Member("crs") is not null && !lks92 && !wgs84)
            problems.Add(new(-1, "crs: the collection must be in WGS84 longitude/latitude (EPSG:4326, RFC 7946 §4) or Latvia's LKS-92 (EPSG:3059); reproject it to one of them."));
        var features = collection.TryGetValue("features", out var f) && f is IList list ? list : new List<object?>();
        if (features.Count > MaxFeatures) problems.Add(new(-1, $"features: at most {MaxFeatures} features can be imported at once, not {features.Count}."));
        if (problems.Count > 0) return [];

        var parsed = new List<Parsed>();
        for (var i = 0; i < features.Count; i++)
        {
            var before = problems.Count;
            var path = $"features[{i}]";
            void Problem(string message) => problems.Add(new(i, $"{path}.{message}"));
            if (features[i] is not IDictionary<string, object?> feature) { Problem("must be a GeoJSON Feature object."); continue; }
            if (feature.Member("type") as string != "Feature") Problem("type: must be \"Feature\".");

            if (lks92 && Lks92.ReprojectGeometry(feature.Member("geometry")) is { } outside) Problem($"geometry.coordinates: {outside}.");
            var geometryProblems = new List<Languages.Message>();
            var boundary = new GeoJsonReader(geometryProblems).Area(feature.Member("geometry"), $"{path}.geometry");
            problems.AddRange(geometryProblems.Select(p => new ImportProblem(i, p.ToString())));

            var properties = feature.Member("properties") as IDictionary<string, object?> ?? new Dictionary<string, object?>();
            var name = (properties.Member("name") as string)?.Trim();
            if (string.IsNullOrEmpty(name)) Problem("properties.name: is required.");
            else if (name.Length > 200 || name.Any(char.IsControl)) Problem("properties.name: must be at most 200 characters, without control characters.");

            var kindText = properties.Member("kind") as string;
            AreaKind kind = default;
            if (kindText is null || !Kinds.TryGetValue(kindText.Trim(), out kind))
                Problem($"properties.kind: must be one of country, municipality (novads), city (pilsēta), parish (pagasts), neighbourhood (apkaime){(kindText is null ? "" : $", not \"{kindText}\"")}.");

            var parent = properties.Member("parent") switch
            {
                null => null,
                string s when !string.IsNullOrWhiteSpace(s) => s.Trim(),
                var other => Fail(Problem, $"properties.parent: must be the name or id of an area, not {other}."),
            };

            var population = new Dictionary<string, int>();
            switch (properties.Member("population"))
            {
                case null: break;
                case IDictionary<string, object?> counts:
                    foreach (var (group, value) in counts)
                    {
                        var key = group.Trim().ToLowerInvariant();
                        if (key.Length is 0 or > 100) Problem("properties.population: target group names must have 1 to 100 characters.");
                        else if (value is not double d || d < 0 || d != Math.Floor(d) || d > int.MaxValue) Problem($"properties.population.{group}: must be a whole number of people, 0 or more.");
                        else if (!population.TryAdd(key, (int)d)) Problem($"properties.population: \"{group}\" is given twice.");
                    }
                    break;
                default: Problem("properties.population: must be an object of counts per target group, e.g. { \"total\": 328, \"seniors\": 95 }."); break;
            }

            var code = properties.Member("code") switch
            {
                null => null,
                string text when AreaCodes.IsValid(text.Trim()) => text.Trim(),
                double number when number >= 0 && number == Math.Floor(number) && AreaCodes.IsValid(AreaCodes.Atvk(number)) => AreaCodes.Atvk(number),
                var other => Fail(Problem, $"properties.code: must be the area's register code (letters and digits, at most 32), not {other}."),
            };

            var isApproximate = properties.Member("approximate") switch
            {
                null => approximate,
                bool b => b,
                _ => Fail(Problem, "properties.approximate: must be true or false.") is null && approximate,
            };

            if (problems.Count == before) parsed.Add(new Parsed(i, name!, kind, parent, boundary!, population, isApproximate, code));
        }
        return parsed;
    }

    private static object? Member(this IDictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private static string? Fail(Action<string> problem, string message)
    {
        problem(message);
        return null;
    }

    /// <summary>Each valid feature with the stored area it updates (or null) and its parent, parents before children.</summary>
    private static List<(Parsed Feature, Area Area, bool IsNew, Area? Parent)> Resolve(List<Parsed> features, List<Area> existing, List<ImportProblem> problems)
    {
        var byName = features.GroupBy(f => TextFolding.Fold(f.Name)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var twice in features.Where(f => f.Code is not null).GroupBy(f => f.Code!).Where(g => g.Count() > 1))
            foreach (var feature in twice.Skip(1))
                problems.Add(new(feature.Index, $"features[{feature.Index}].properties.code: \"{twice.Key}\" is given to feature {twice.First().Index} too."));
        var storedByCode = existing.Where(a => a.Code is not null).ToDictionary(a => a.Code!);
        var inFileByCode = features.Where(f => f.Code is not null).GroupBy(f => f.Code!).ToDictionary(g => g.Key, g => g.First());
        var stored = existing.ToLookup(a => TextFolding.Fold(a.Name));
        var resolved = new Dictionary<int, Area>(); // feature index → the area it becomes
        var plan = new List<(Parsed, Area, bool, Area?)>();
        var pending = new List<Parsed>(features);
        var keys = new HashSet<(string, Area?)>();

        // Parents first: repeatedly place every feature whose parent is settled; what is left refers in a circle.
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var feature in pending.ToList())
            {
                Area? parent = null;
                if (feature.Parent is { } parentRef)
                {
                    var folded = TextFolding.Fold(parentRef);
                    if (inFileByCode.TryGetValue(parentRef, out var coded) && coded.Index != feature.Index)
                    {
                        if (!resolved.TryGetValue(coded.Index, out parent)) continue; // not placed yet
                    }
                    else if (!byName.ContainsKey(folded) && storedByCode.TryGetValue(parentRef, out var storedParent)) parent = storedParent;
                    else if (byName.TryGetValue(folded, out var inFile))
                    {
                        if (inFile.Count > 1) { problems.Add(new(feature.Index, $"features[{feature.Index}].properties.parent: \"{parentRef}\" names {inFile.Count} features of the file.")); pending.Remove(feature); continue; }
                        if (inFile[0].Index == feature.Index) { problems.Add(new(feature.Index, $"features[{feature.Index}].properties.parent: an area cannot be its own parent.")); pending.Remove(feature); continue; }
                        if (!resolved.TryGetValue(inFile[0].Index, out parent)) continue; // not placed yet
                    }
                    else if (GlobalId.TryDecode(parentRef, out var type, out var key) && type == GlobalId.Area && existing.FirstOrDefault(a => a.Id == key) is { } byId) parent = byId;
                    else if (stored[folded].ToList() is { Count: 1 } one) parent = one[0];
                    else
                    {
                        var count = stored[folded].Count();
                        problems.Add(new(feature.Index, count == 0
                            ? $"features[{feature.Index}].properties.parent: there is no area \"{parentRef}\" in the file or stored."
                            : $"features[{feature.Index}].properties.parent: \"{parentRef}\" names {count} stored areas; give its global id instead."));
                        pending.Remove(feature);
                        continue;
                    }
                }
                var nameKey = TextFolding.Fold(feature.Name);
                if (!keys.Add((nameKey, parent)))
                {
                    problems.Add(new(feature.Index, $"features[{feature.Index}]: another feature already defines \"{feature.Name}\" under the same parent."));
                    pending.Remove(feature);
                    continue;
                }
                // The area with the same code, else the same name under the same parent (a new parent has nothing stored under it yet).
                var target = feature.Code is { } code && storedByCode.TryGetValue(code, out var sameCode) ? sameCode : parent switch
                {
                    null => stored[nameKey].FirstOrDefault(a => a.ParentId is null),
                    { Id: > 0 } => stored[nameKey].FirstOrDefault(a => a.ParentId == parent.Id),
                    _ => null,
                };
                if (feature.Code is { } given && target is not null && target.Code is { } had && had != given)
                {
                    problems.Add(new(feature.Index, $"features[{feature.Index}].properties.code: \"{feature.Name}\" is stored with the code {had}, not {given}."));
                    pending.Remove(feature);
                    continue;
                }
                var area = target ?? new Area { Name = feature.Name };
                resolved[feature.Index] = area;
                plan.Add((feature, area, target is null, parent));
                pending.Remove(feature);
                progress = true;
            }
        }
        foreach (var feature in pending)
            problems.Add(new(feature.Index, $"features[{feature.Index}].properties.parent: \"{feature.Parent}\" is part of a circle of parents."));

        return plan;
    }
}
