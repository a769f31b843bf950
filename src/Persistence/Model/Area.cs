using NetTopologySuite.Geometries;

namespace ResourceMap.Persistence.Model;

/// <summary>A territory: a country, a municipality (novads), a city, a parish (pagasts) or a neighbourhood (apkaime).</summary>
public class Area
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public AreaKind Kind { get; set; }
    public int? ParentId { get; set; }

    /// <summary>
    /// The area's code in the national register, e.g. Latvia's ATVK (Administratīvo teritoriju un teritoriālo vienību
    /// klasifikators: seven digits, 0420260 for Zosēni parish); unique when given, so files and statistics can name
    /// areas by it.
    /// </summary>
    public string? Code { get; set; }
    public Area? Parent { get; set; }

    /// <summary>Polygon or MultiPolygon in WGS84 (x = longitude, y = latitude); stored as WKB.</summary>
    public Geometry? Boundary { get; set; }

    /// <summary>True when the boundary or the population counts are approximations.</summary>
    public bool Approximate { get; set; }

    public List<AreaPopulation> Population { get; set; } = [];

    public string SearchText { get; set; } = "";

    public void RefreshSearchText() => SearchText = Search.TextFolding.Fold(Name);
}

/// <summary>How many people of one target group live in an area ("total" for all residents).</summary>
public class AreaPopulation
{
    public int AreaId { get; set; }
    public required string TargetGroup { get; set; }
    public int Count { get; set; }
}
