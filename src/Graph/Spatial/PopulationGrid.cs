using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace ResourceMap.Graph.Spatial;

/// <summary>Where the population of an area is known: its boundary (WGS84) and how many people live in it.</summary>
public sealed record PopulatedArea(Geometry Boundary, double Population);

/// <summary>One grid cell: its row and column, its boundary in WGS84 (clipped), a point inside it and its population.</summary>
public sealed record GridCell(int Row, int Column, Geometry Boundary, double Latitude, double Longitude, double Population);

/// <summary>
/// A regular grid of square cells of a size in metres over an area, clipped to it, with the population of the areas spread
/// over the cells by areal weighting: a cell gets each area's population in proportion to the share of the area's surface it
/// covers (the simplest areal interpolation, e.g. Goodchild and Lam, "Areal interpolation", GeoProcessing 1, 1980). People
/// are assumed evenly spread within each area. Cells are laid out in a <see cref="LocalProjection"/> about the area.
/// O(C · a) for C cells and a areas overlapping a cell, with an R-tree to find them.
/// </summary>
public static class PopulationGrid
{
    /// <summary>How many cells the grid's bounding rectangle holds, so a caller can refuse a grid too fine before building it.</summary>
    public static long CountCells(Geometry clip, double cellSizeMeters)
    {
        var envelope = LocalProjection.Around(clip).ToMetres(clip).EnvelopeInternal;
        return (long)Math.Max(1, Math.Ceiling(envelope.Width / cellSizeMeters)) * (long)Math.Max(1, Math.Ceiling(envelope.Height / cellSizeMeters));
    }

    public static List<GridCell> Build(Geometry clip, double cellSizeMeters, IReadOnlyList<PopulatedArea> areas)
    {
        if (!(cellSizeMeters > 0)) throw new ArgumentOutOfRangeException(nameof(cellSizeMeters), "The cell size must be positive.");
        var projection = LocalProjection.Around(clip);
        var clipMetres = projection.ToMetres(clip);
        var preparedClip = PreparedGeometryFactory.Prepare(clipMetres);
        var factory = clipMetres.Factory;

        var areaTree = new STRtree<int>();
        var areaMetres = new Geometry[areas.Count];
        var areaPrepared = new IPreparedGeometry[areas.Count];
        var areaSurface = new double[areas.Count];
        for (var a = 0; a < areas.Count; a++)
        {
            areaMetres[a] = projection.ToMetres(areas[a].Boundary);
            areaSurface[a] = areaMetres[a].Area;
            areaPrepared[a] = PreparedGeometryFactory.Prepare(areaMetres[a]);
            if (areaSurface[a] > 0 && areas[a].Population > 0) areaTree.Insert(areaMetres[a].EnvelopeInternal, a);
        }
        areaTree.Build();

        var envelope = clipMetres.EnvelopeInternal;
        var columns = (int)Math.Max(1, Math.Ceiling(envelope.Width / cellSizeMeters));
        var rows = (int)Math.Max(1, Math.Ceiling(envelope.Height / cellSizeMeters));
        var cells = new List<GridCell>();
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var x = envelope.MinX + column * cellSizeMeters;
                var y = envelope.MinY + row * cellSizeMeters;
                Geometry cell = factory.ToGeometry(new Envelope(x, x + cellSizeMeters, y, y + cellSizeMeters));
                if (!preparedClip.Intersects(cell)) continue;
                if (!preparedClip.Contains(cell)) cell = cell.Intersection(clipMetres);
                if (cell.IsEmpty || cell.Area <= 0) continue;

                var population = 0.0;
                foreach (var a in areaTree.Query(cell.EnvelopeInternal))
                {
                    // Most cells lie wholly inside one area: no overlay needed for them.
                    var shared = areaPrepared[a].Contains(cell) ? cell.Area : cell.Intersection(areaMetres[a]).Area;
                    if (shared > 0) population += areas[a].Population * shared / areaSurface[a];
                }
                var inside = cell.Centroid.Within(cell) ? cell.Centroid : cell.InteriorPoint;
                var (latitude, longitude) = projection.ToDegrees(inside.X, inside.Y);
                cells.Add(new GridCell(row, column, projection.ToDegrees(cell), latitude, longitude, population));
            }
        }
        return cells;
    }
}
