using System.Globalization;
using GraphQL;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using ResourceMap.Api.Coverage;
using ResourceMap.Api.Ids;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Import;

/// <summary>
/// The map as GIS layers (RFC 7946 GeoJSON: WGS84, longitude first): resources as points, ties as lines between their
/// ends, areas as their boundaries with population and, when a target group and a distance are given, its coverage
/// figures. What the caller may not read is not there; a person's address, contacts and place are left out for
/// everyone outside their municipality (the feature stays, without a geometry: RFC 7946 §3.2 allows null).
/// </summary>
public static class MapLayers
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static FeatureCollection Resources(ExportRows rows)
    {
        var layer = new FeatureCollection();
        foreach (var r in rows.Resources)
        {
            var hidden = rows.PersonalDataHidden(r);
            layer.Add(new Feature(hidden ? null : Point(r), new AttributesTable
            {
                { "id", GlobalId.Encode(GlobalId.Resource, r.Id) },
                { "name", r.Name },
                { "kind", r.Kind.ToString().ToConstantCase() },
                { "status", r.Status.ToString().ToConstantCase() },
                { "area", r.AreaId is { } area ? rows.AreaNames.GetValueOrDefault(area) : null },
                { "targetGroups", r.TargetGroups.ToArray() },
                { "offers", r.Offers.ToArray() },
                { "needs", r.Needs.ToArray() },
                { "languages", r.Languages.ToArray() },
                { "address", hidden ? null : r.Address },
                { "web", hidden ? null : r.ContactWeb },
                { "email", hidden ? null : r.ContactEmail },
                { "phone", hidden ? null : r.ContactPhone },
            }));
        }
        return layer;
    }

    /// <summary>Each tie as a straight line from its source to its target; without a geometry when an end has no place to show.</summary>
    public static FeatureCollection Ties(ExportRows rows)
    {
        var shown = rows.Resources.Where(r => !rows.PersonalDataHidden(r)).ToDictionary(r => r.Id, Point);
        var layer = new FeatureCollection();
        foreach (var t in rows.Ties)
        {
            var line = shown.GetValueOrDefault(t.SourceId) is { } from && shown.GetValueOrDefault(t.TargetId) is { } to
                ? Wgs84.CreateLineString([from.Coordinate, to.Coordinate])
                : null;
            layer.Add(new Feature(line, new AttributesTable
            {
                { "id", GlobalId.Encode(GlobalId.Relationship, t.Id) },
                { "source", GlobalId.Encode(GlobalId.Resource, t.SourceId) },
                { "target", GlobalId.Encode(GlobalId.Resource, t.TargetId) },
                { "type", t.Type.ToString().ToConstantCase() },
                { "strength", t.Strength },
                { "directed", t.Directed },
                { "since", t.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                { "until", t.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            }));
        }
        return layer;
    }

    /// <summary>
    /// The areas with their population per target group (<c>population_total</c>, <c>population_seniors</c>, …: GIS
    /// tables have no nested values) and, with <paramref name="coverage"/>, its figures for each area it covers.
    /// </summary>
    public static FeatureCollection Areas(IEnumerable<Area> areas, IReadOnlyDictionary<int, string> names, CoverageResult? coverage)
    {
        var figures = coverage?.Areas.ToDictionary(a => a.Area.Id) ?? [];
        var layer = new FeatureCollection();
        foreach (var area in areas)
        {
            var attributes = new AttributesTable
            {
                { "id", GlobalId.Encode(GlobalId.Area, area.Id) },
                { "name", area.Name },
                { "kind", area.Kind.ToString().ToConstantCase() },
                { "code", area.Code },
                { "parent", area.ParentId is { } parent ? names.GetValueOrDefault(parent) : null },
                { "approximate", area.Approximate },
            };
            foreach (var count in area.Population.OrderBy(p => p.TargetGroup, StringComparer.Ordinal))
                attributes.Add($"population_{count.TargetGroup}", count.Count);
            if (coverage is not null)
            {
                var figure = figures.GetValueOrDefault(area.Id);
                attributes.Add("targetGroup", coverage.Request.TargetGroup);
                attributes.Add("maxDistanceMeters", coverage.Request.MaxDistanceMeters);
                attributes.Add("rank", figure?.Rank);
                attributes.Add("reachableResources", figure?.Reachable.Count);
                attributes.Add("providerToPopulationRatio", figure?.ProviderToPopulationRatio);
                attributes.Add("accessibilityIndex", figure?.AccessibilityIndex);
                attributes.Add("nearestResourceMeters", figure is { NearestResourceMeters: var m } && double.IsFinite(m) ? m : null);
                attributes.Add("underServed", figure?.UnderServed);
            }
            layer.Add(new Feature(area.Boundary, attributes));
        }
        return layer;
    }

    /// <summary>The coverage grid's cells with their figures, as <c>coverageGrid</c> computes them.</summary>
    public static FeatureCollection Grid(IEnumerable<(Graph.Spatial.GridCell Cell, CoverageCell Coverage)> cells)
    {
        var layer = new FeatureCollection();
        foreach (var (cell, coverage) in cells)
            layer.Add(new Feature(cell.Boundary, new AttributesTable
            {
                { "row", coverage.Row },
                { "column", coverage.Column },
                { "population", coverage.Population },
                { "accessibilityIndex", coverage.AccessibilityIndex },
                { "reachableResources", coverage.ReachableResources },
                { "nearestResourceMeters", double.IsFinite(coverage.NearestResourceMeters) ? coverage.NearestResourceMeters : null },
                { "underServed", coverage.UnderServed },
            }));
        return layer;
    }

    private static Point? Point(Resource r) => r is { Latitude: { } lat, Longitude: { } lon } ? Wgs84.CreatePoint(new Coordinate(lon, lat)) : null;
}
