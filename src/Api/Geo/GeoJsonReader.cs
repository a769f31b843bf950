using System.Collections;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using ResourceMap.Api.Errors;

namespace ResourceMap.Api.Geo;

/// <summary>
/// Reads GeoJSON geometries from GraphQL input and checks them against RFC 7946 and OGC validity, collecting every problem
/// with the path where it lies, so a client can fix all of them at once. Rings may wind either way (RFC 7946 §3.1.6 asks
/// parsers not to reject the other winding); output is always by the right-hand rule.
/// </summary>
public sealed class GeoJsonReader(List<Languages.Message> problems)
{
    public IReadOnlyList<Languages.Message> Problems => problems;

    /// <summary>A Polygon or MultiPolygon, or a <c>BAD_USER_INPUT</c> error naming every problem.</summary>
    public static Geometry ReadArea(IDictionary<string, object?> input, string field)
    {
        var reader = new GeoJsonReader([]);
        var geometry = reader.Area(input, field);
        if (geometry is null) throw new UserError(ErrorCodes.BadUserInput, Joined(reader.Problems), field);
        return geometry;
    }

    /// <summary>The problems one after another, each in the message's language.</summary>
    private static Languages.Message Joined(IReadOnlyList<Languages.Message> messages) =>
        Languages.Message.WithValues(string.Join(" ", messages.Select((_, i) => "{" + i + "}")), messages.Cast<object?>().ToArray());

    /// <summary>A Polygon or MultiPolygon; null after recording the problems when it is not a valid one.</summary>
    public Geometry? Area(object? input, string path)
    {
        if (input is not IDictionary<string, object?> map)
        {
            Add($"{path}: a geometry object with 'type' and 'coordinates' is required.");
            return null;
        }
        var type = map.TryGetValue("type", out var t) ? t as string : null;
        var coordinates = map.TryGetValue("coordinates", out var c) ? c : null;
        var before = problems.Count;
        Geometry? geometry = type switch
        {
            "Polygon" => Polygon(coordinates, $"{path}.coordinates"),
            "MultiPolygon" => MultiPolygon(coordinates, $"{path}.coordinates"),
            null => Fail($"{path}.type: is required."),
            _ => Fail($"{path}.type: an area must be a Polygon or a MultiPolygon, not a {type}."),
        };
        if (geometry is null || problems.Count > before) return null;
        return Valid(geometry, path) ? geometry : null;
    }

    private bool Valid(Geometry geometry, string path)
    {
        var envelope = geometry.EnvelopeInternal;
        if (envelope.Width > 180)
        {
            Add($"{path}: spans {envelope.Width:0.#}° of longitude; a shape crossing the antimeridian must be split in two (RFC 7946 §3.1.9).");
            return false;
        }
        var error = new IsValidOp(geometry).ValidationError;
        if (error is null) return true;
        if (error.Coordinate is { } at) Add($"{path}: invalid geometry: {Describe(error)} at [{Format(at.X)}, {Format(at.Y)}].");
        else Add($"{path}: invalid geometry: {Describe(error)}.");
        return false;
    }

    private static Languages.Message Describe(TopologyValidationError error) => Languages.Message.Of(error.ErrorType switch
    {
        TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection => "a ring crosses itself (self-intersection)",
        TopologyValidationErrors.HoleOutsideShell => "a hole lies outside its exterior ring",
        TopologyValidationErrors.NestedHoles => "holes are nested",
        TopologyValidationErrors.NestedShells => "polygons of a MultiPolygon are nested",
        TopologyValidationErrors.DisconnectedInteriors => "a hole splits the polygon in two",
        TopologyValidationErrors.TooFewPoints => "a ring has too few distinct positions",
        _ => error.Message.ToLowerInvariant(), // NetTopologySuite's own words: English
    });

    private MultiPolygon? MultiPolygon(object? value, string path)
    {
        if (value is not IList { Count: > 0 } list) return Fail<MultiPolygon>($"{path}: a MultiPolygon needs an array of one or more polygons.");
        var polygons = new List<Polygon>();
        for (var i = 0; i < list.Count; i++)
            if (Polygon(list[i], $"{path}[{i}]") is { } p) polygons.Add(p);
        return polygons.Count == list.Count ? GeoJson.Factory.CreateMultiPolygon(polygons.ToArray()) : null;
    }

    private Polygon? Polygon(object? value, string path)
    {
        if (value is not IList { Count: > 0 } list) return Fail<Polygon>($"{path}: a Polygon needs an array of one or more linear rings.");
        var rings = new List<LinearRing>();
        for (var i = 0; i < list.Count; i++)
            if (Ring(list[i], $"{path}[{i}]") is { } ring) rings.Add(ring);
        return rings.Count == list.Count ? GeoJson.Factory.CreatePolygon(rings[0], rings.Skip(1).ToArray()) : null;
    }

    private LinearRing? Ring(object? value, string path)
    {
        if (value is not IList list) return Fail<LinearRing>($"{path}: a linear ring must be an array of positions.");
        var positions = new List<Coordinate>();
        for (var i = 0; i < list.Count; i++)
            if (Position(list[i], $"{path}[{i}]") is { } p) positions.Add(p);
        if (positions.Count != list.Count) return null;
        if (positions.Count < 4) return Fail<LinearRing>($"{path}: a linear ring needs at least 4 positions (the first repeated at the end), not {positions.Count}.");
        if (!positions[0].Equals2D(positions[^1]))
            return Fail<LinearRing>($"{path}: the ring is not closed: it starts at [{Format(positions[0].X)}, {Format(positions[0].Y)}] and ends at [{Format(positions[^1].X)}, {Format(positions[^1].Y)}]; repeat the first position at the end.");
        return GeoJson.Factory.CreateLinearRing(positions.ToArray());
    }

    /// <summary>A [longitude, latitude] position (an altitude, if any, is dropped).</summary>
    public Coordinate? Position(object? value, string path)
    {
        if (value is not IList { Count: 2 or 3 } list || list.Cast<object?>().Any(v => v is not double))
            return Fail<Coordinate>($"{path}: a position must be [longitude, latitude] (two numbers, an optional third for altitude).");
        var (x, y) = ((double)list[0]!, (double)list[1]!);
        if (!double.IsFinite(x) || !double.IsFinite(y)) return Fail<Coordinate>($"{path}: coordinates must be finite numbers.");
        if (x is < -180 or > 180 || y is < -90 or > 90)
        {
            if (Math.Abs(x) > 1000 || Math.Abs(y) > 1000)
                return Fail<Coordinate>($"{path}: [{Format(x)}, {Format(y)}] is out of range: longitude must be from -180 to 180 and latitude from -90 to 90. These look like projected metres (e.g. LKS-92, EPSG:3059); RFC 7946 GeoJSON is WGS84 longitude and latitude in degrees.");
            if (x is >= -90 and <= 90 && y is >= -180 and <= 180)
                return Fail<Coordinate>($"{path}: [{Format(x)}, {Format(y)}] is out of range: longitude must be from -180 to 180 and latitude from -90 to 90. Is latitude written before longitude? GeoJSON puts longitude first.");
            return Fail<Coordinate>($"{path}: [{Format(x)}, {Format(y)}] is out of range: longitude must be from -180 to 180 and latitude from -90 to 90.");
        }
        return new Coordinate(x, y);
    }

    private Geometry? Fail(ref Languages.MessageHandler problem) => Fail<Geometry>(problem.ToMessage());

    private T? Fail<T>(ref Languages.MessageHandler problem) where T : class => Fail<T>(problem.ToMessage());

    private T? Fail<T>(Languages.Message problem) where T : class
    {
        problems.Add(problem);
        return null;
    }

    /// <summary>Records a problem, its template translated and its values kept.</summary>
    private void Add(ref Languages.MessageHandler problem) => problems.Add(problem.ToMessage());

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
