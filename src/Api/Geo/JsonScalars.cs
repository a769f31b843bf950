using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ResourceMap.Api.Geo;

/// <summary>
/// Any JSON value, as GeoJSON's free-form members (<c>properties</c>, <c>id</c>, <c>crs</c>) need. Arrives as
/// <see cref="Dictionary{TKey,TValue}"/>, <see cref="List{T}"/>, string, bool, double or null.
/// </summary>
public sealed class JsonScalar : ScalarGraphType
{
    public JsonScalar()
    {
        Name = "JSON";
        Description = "Any JSON value: an object, an array, a string, a number, a boolean or null.";
    }

    public override object? ParseValue(object? value) => JsonValues.FromVariable(value);
    public override object? ParseLiteral(GraphQLValue value) => JsonValues.FromLiteral(value);
    public override object? Serialize(object? value) => value;
    public override bool CanParseLiteral(GraphQLValue value) => true;
    public override bool CanParseValue(object? value) => true;
}

/// <summary>The <c>coordinates</c> of a GeoJSON geometry: a position or nested arrays of positions, checked by geometry type.</summary>
public sealed class GeoJsonCoordinatesScalar : ScalarGraphType
{
    public GeoJsonCoordinatesScalar()
    {
        Name = "GeoJSONCoordinates";
        Description = "GeoJSON coordinates (RFC 7946) as JSON: a position [longitude, latitude] for a Point, an array of linear rings of positions for a Polygon, an array of polygons for a MultiPolygon. One scalar for every geometry type, so a query can ask any geometry for { type coordinates } and the response is GeoJSON as is.";
    }

    public override object? ParseValue(object? value) => JsonValues.FromVariable(value);
    public override object? ParseLiteral(GraphQLValue value) => JsonValues.FromLiteral(value);
    /// <summary>Positions as [longitude, latitude] arrays, nested as given (a ring is a list of positions, a polygon a list of rings).</summary>
    public override object? Serialize(object? value) => value switch
    {
        null => null,
        NetTopologySuite.Geometries.Coordinate c => new[] { c.X, c.Y },
        double d => d,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(Serialize).ToList(),
        _ => throw new InvalidOperationException($"Not GeoJSON coordinates: {value.GetType().Name}"),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLListValue or GraphQLNullValue;
    public override bool CanParseValue(object? value) => value is null or System.Collections.IList;
}

/// <summary>Turns GraphQL input values into plain JSON-like values: dictionaries, lists, strings, booleans, doubles, null.</summary>
public static class JsonValues
{
    public static object? FromVariable(object? value) => value switch
    {
        null => null,
        string or bool or double => value,
        int or long or float or decimal or short or byte or uint or ulong => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        BigInteger big => (double)big,
        IDictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => FromVariable(kv.Value)),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(FromVariable).ToList(),
        _ => value.ToString(),
    };

    public static object? FromJson(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => FromJson(g.Last().Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        System.Text.Json.JsonValueKind.String => element.GetString(),
        System.Text.Json.JsonValueKind.Number => element.GetDouble(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        _ => null,
    };

    public static object? FromLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLIntValue i => double.Parse(i.Value.Span, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => double.Parse(f.Value.Span, CultureInfo.InvariantCulture),
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLListValue l => (l.Values ?? []).Select(FromLiteral).ToList(),
        GraphQLObjectValue o => (o.Fields ?? []).ToDictionary(f => f.Name.StringValue, f => FromLiteral(f.Value)),
        _ => throw new GraphQL.ExecutionError(Languages.Message.WithValues("Unsupported literal {0}.", value.Kind).In(Languages.RequestLanguage.Current)),
    };
}
