namespace ResourceMap.Graph.Spatial;

/// <summary>Where people live: a population centroid and how many people of the target group it stands for.</summary>
public readonly record struct DemandPoint(double Latitude, double Longitude, double Population);

/// <summary>A resource: its place and its capacity (1 when every resource counts the same).</summary>
public readonly record struct SupplyPoint(double Latitude, double Longitude, double Capacity = 1);

/// <summary>
/// How distance discounts access within the catchment: <see cref="ZoneWeights"/> null for the classic two-step floating
/// catchment area (every resource within <see cref="MaxDistanceMeters"/> counts fully), or one weight per equal-width
/// distance zone for the enhanced method.
/// </summary>
public sealed record CatchmentOptions(double MaxDistanceMeters, IReadOnlyList<double>? ZoneWeights = null)
{
    /// <summary>The weight of a pair at this distance; 0 beyond the catchment.</summary>
    public double Weight(double meters)
    {
        if (meters > MaxDistanceMeters) return 0;
        if (ZoneWeights is not { Count: > 0 } zones) return 1;
        var zone = MaxDistanceMeters == 0 ? 0 : (int)(meters / MaxDistanceMeters * zones.Count);
        return zones[Math.Min(zone, zones.Count - 1)];
    }

    /// <summary>
    /// Zone weights from the Gaussian decay G(d) = (e^(−½(d/d0)²) − e^(−½)) / (1 − e^(−½)) of Dai (2010) taken at each
    /// zone's midpoint. For three zones they are 0.965, 0.701 and 0.254, close to the 1.00, 0.68 and 0.22 that Luo and Qi
    /// (2009) derived from a Gaussian for their 10-, 20- and 30-minute zones.
    /// </summary>
    public static double[] GaussianZoneWeights(int zones = 3)
    {
        var floor = Math.Exp(-0.5);
        return Enumerable.Range(0, zones)
            .Select(z => (z + 0.5) / zones)
            .Select(x => (Math.Exp(-0.5 * x * x) - floor) / (1 - floor))
            .ToArray();
    }
}

/// <summary>A resource within reach of a demand point: its position among the supply points and its distance.</summary>
public readonly record struct Reach(int Supply, double Meters);

/// <summary>
/// Spatial accessibility by the two-step floating catchment area method (W. Luo and F. Wang, "Measures of spatial
/// accessibility to health care in a GIS environment", Environment and Planning B 30(6), 2003), and its enhanced form with
/// distance-decay zones (W. Luo and Y. Qi, "An enhanced two-step floating catchment area (E2SFCA) method", Health &amp;
/// Place 15(4), 2009).
/// Step 1: every resource j gets the ratio R_j = S_j / Σ_k W(d_kj)·P_k over the people k within its catchment.
/// Step 2: every demand point i gets A_i = Σ_j W(d_ij)·R_j over the resources j within its catchment: resources per person.
/// Distances are geodesic metres. The pairs within reach are found once through an R-tree over the demand points, so the
/// cost is O((S + D) log D + P) for S resources, D demand points and P pairs within reach, not O(S·D).
/// </summary>
public sealed class FloatingCatchment
{
    private readonly PointIndex _supplyIndex;
    private readonly CatchmentOptions _options;

    private FloatingCatchment(PointIndex supplyIndex, CatchmentOptions options, double[] accessibility, double[] supplyRatios, List<Reach>[] reach, double[] nearest)
    {
        _supplyIndex = supplyIndex;
        _options = options;
        Accessibility = accessibility;
        SupplyRatios = supplyRatios;
        ReachOf = reach;
        NearestSupplyMeters = nearest;
    }

    /// <summary>A_i per demand point: resources (capacity) per person of the target group.</summary>
    public IReadOnlyList<double> Accessibility { get; }

    /// <summary>R_j per resource: its capacity over the distance-weighted population in its catchment (0 when none).</summary>
    public IReadOnlyList<double> SupplyRatios { get; }

    /// <summary>Per demand point, the resources within the catchment, nearest first.</summary>
    public IReadOnlyList<List<Reach>> ReachOf { get; }

    /// <summary>Per demand point, the distance to the nearest resource at any distance; +∞ when there is none.</summary>
    public IReadOnlyList<double> NearestSupplyMeters { get; }

    /// <summary>
    /// Step 2 at any point, with the resources' ratios from step 1 (so a grid cell gets the index its people would have as a
    /// demand point, without changing how the resources are shared): accessibility, resources in reach (nearest first) and
    /// the distance to the nearest resource at any distance.
    /// </summary>
    public (double Accessibility, List<Reach> Reach, double NearestMeters) At(double latitude, double longitude)
    {
        var reach = _supplyIndex.WithinDistance(latitude, longitude, _options.MaxDistanceMeters).Select(h => new Reach(h.Index, h.Meters)).ToList();
        var accessibility = reach.Sum(r => _options.Weight(r.Meters) * SupplyRatios[r.Supply]);
        var nearest = reach.Count > 0 ? reach[0].Meters
            : _supplyIndex.Nearest(latitude, longitude, 1, startMeters: 4 * _options.MaxDistanceMeters) is [var hit] ? hit.Meters : double.PositiveInfinity;
        return (accessibility, reach, nearest);
    }

    public static FloatingCatchment Compute(IReadOnlyList<DemandPoint> demand, IReadOnlyList<SupplyPoint> supply, CatchmentOptions options)
    {
        var demandIndex = new PointIndex(demand.Select(d => d.Latitude).ToList(), demand.Select(d => d.Longitude).ToList());
        var reach = new List<Reach>[demand.Count];
        for (var i = 0; i < reach.Length; i++) reach[i] = [];

        var ratios = new double[supply.Count];
        for (var j = 0; j < supply.Count; j++)
        {
            var weightedPopulation = 0.0;
            foreach (var hit in demandIndex.WithinDistance(supply[j].Latitude, supply[j].Longitude, options.MaxDistanceMeters))
            {
                weightedPopulation += options.Weight(hit.Meters) * demand[hit.Index].Population;
                reach[hit.Index].Add(new Reach(j, hit.Meters));
            }
            ratios[j] = weightedPopulation > 0 ? supply[j].Capacity / weightedPopulation : 0;
        }

        var accessibility = new double[demand.Count];
        for (var i = 0; i < demand.Count; i++)
        {
            reach[i].Sort(static (a, b) => a.Meters != b.Meters ? a.Meters.CompareTo(b.Meters) : a.Supply.CompareTo(b.Supply));
            foreach (var r in reach[i]) accessibility[i] += options.Weight(r.Meters) * ratios[r.Supply];
        }

        var supplyIndex = new PointIndex(supply.Select(s => s.Latitude).ToList(), supply.Select(s => s.Longitude).ToList());
        var nearest = new double[demand.Count];
        for (var i = 0; i < demand.Count; i++)
        {
            nearest[i] = reach[i].Count > 0
                ? reach[i][0].Meters
                : supplyIndex.Nearest(demand[i].Latitude, demand[i].Longitude, 1, startMeters: 4 * options.MaxDistanceMeters) is [var hit] ? hit.Meters : double.PositiveInfinity;
        }
        return new FloatingCatchment(supplyIndex, options, accessibility, ratios, reach, nearest);
    }
}
