using GraphQL.Types;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Coverage;

public sealed class AccessibilityMethodEnum : EnumerationGraphType<AccessibilityMethod>
{
    public AccessibilityMethodEnum()
    {
        Name = "AccessibilityMethod";
        Description = "How accessibility is measured.";
        this.Describe(AccessibilityMethod.TwoStepFloatingCatchment, "Two-step floating catchment area (Luo and Wang 2003): each resource's capacity is shared among the people within reach of it; an area's index sums the shares of the resources within its reach.");
        this.Describe(AccessibilityMethod.EnhancedTwoStepFloatingCatchment, "Enhanced two-step floating catchment area (Luo and Qi 2009): as the two-step method, but people and resources in farther distance zones count less (three equal zones with Gaussian weights 0.965, 0.701, 0.254 unless zoneWeights are given).");
    }
}

public sealed class ReachableResourceType : ObjectGraphType<ReachableResource>
{
    public ReachableResourceType()
    {
        Name = "ReachableResource";
        Description = "A resource within reach, how far it is and how much it counts.";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The resource.").ResolveSource((c, s) => c.Service<ResourceLoaders>().ById.Load(s.Resource.Id));
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Geodesic distance in metres.").ResolveSource(s => s.DistanceMeters);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("Distance-decay weight (1 in the two-step method).").ResolveSource(s => s.Weight);
    }
}

public sealed class AreaCoverageType : ObjectGraphType<AreaCoverage>
{
    public AreaCoverageType()
    {
        Name = "AreaCoverage";
        Description = "How well one area's people of a target group reach the resources that serve them.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the least accessible area, by accessibility index and then by population.").ResolveSource(s => s.Rank);
        Field<NonNullGraphType<AreaNode>>("area").Description("The area.").ResolveSource(s => s.Area);
        Field<NonNullGraphType<IntGraphType>>("population").Description("People of the target group living in the area.").ResolveSource(s => s.Population);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachableResourceType>>>>("reachableResources").Description("Active resources serving the group within the distance of the area's centroid, nearest first.").ResolveSource(s => s.Reachable);
        Field<NonNullGraphType<IntGraphType>>("reachableResourceCount").Description("How many resources are within reach.").ResolveSource(s => s.Reachable.Count);
        Field<FloatGraphType>("providerToPopulationRatio").Description("Resources within reach per 1,000 people of the group; null when nobody of the group lives there.").ResolveSource(s => s.ProviderToPopulationRatio);
        Field<NonNullGraphType<FloatGraphType>>("accessibilityIndex").Description("The floating catchment index per 1,000 people: the resources' capacity available to 1,000 people here once every resource is shared among everyone within its reach.").ResolveSource(s => s.AccessibilityIndex);
        Field<FloatGraphType>("nearestResourceDistanceMeters").Description("Distance to the nearest resource serving the group, at any distance; null when there is none.").ResolveSource(s => double.IsFinite(s.NearestResourceMeters) ? s.NearestResourceMeters : null);
        Field<NonNullGraphType<BooleanGraphType>>("underServed").Description("True when no resource is within reach, or the index is below minAccessibilityIndex.").ResolveSource(s => s.UnderServed);
        Field<StringGraphType>("reason").Description("Why the area is under-served, in words; null when it is not.").ResolveSource(s => s.Reason);
    }
}

public sealed class AreaCoveragePropertiesType : ObjectGraphType<AreaCoverage>
{
    public AreaCoveragePropertiesType()
    {
        Name = "AreaCoverageProperties";
        Description = "The properties of an area in a coverage map.";
        Field<NonNullGraphType<IdGraphType>>("areaId").Description("Global id of the area.").ResolveSource(s => Ids.GlobalId.Encode(Ids.GlobalId.Area, s.Area.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name of the area.").ResolveSource(s => s.Area.Name);
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the least accessible.").ResolveSource(s => s.Rank);
        Field<NonNullGraphType<IntGraphType>>("population").Description("People of the target group.").ResolveSource(s => s.Population);
        Field<NonNullGraphType<IntGraphType>>("reachableResources").Description("Resources within reach.").ResolveSource(s => s.Reachable.Count);
        Field<NonNullGraphType<FloatGraphType>>("accessibilityIndex").Description("Index per 1,000 people.").ResolveSource(s => s.AccessibilityIndex);
        Field<NonNullGraphType<BooleanGraphType>>("underServed").Description("Whether the area is under-served.").ResolveSource(s => s.UnderServed);
    }
}

public sealed class AreaCoverageFeatureType() : FeatureGraphType<AreaCoveragePropertiesType, AreaCoverage>("AreaCoverageFeature", "An area of a coverage map as a GeoJSON Feature.");

public sealed class AreaCoverageFeatureCollectionType() : FeatureCollectionGraphType<AreaCoverageFeatureType, AreaCoverage>("AreaCoverageFeatureCollection", "A coverage map of areas as a GeoJSON FeatureCollection, for a choropleth.");

public sealed class CoverageType : ObjectGraphType<CoverageResult>
{
    public CoverageType()
    {
        Name = "Coverage";
        Description = "Accessibility of the resources serving one target group, per area.";
        Field<NonNullGraphType<StringGraphType>>("targetGroup").Description("The target group.").ResolveSource(s => s.Request.TargetGroup);
        Field<NonNullGraphType<FloatGraphType>>("maxDistanceMeters").Description("The travel threshold, straight-line geodesic metres.").ResolveSource(s => s.Request.MaxDistanceMeters);
        Field<NonNullGraphType<AccessibilityMethodEnum>>("method").Description("The method.").ResolveSource(s => s.Request.Method);
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("zoneWeights").Description("Weights of the distance zones, nearest first; null for the two-step method.").ResolveSource(s => s.Request.Options.ZoneWeights);
        Field<NonNullGraphType<IntGraphType>>("population").Description("People of the group in the areas listed.").ResolveSource(s => s.Population);
        Field<NonNullGraphType<IntGraphType>>("coveredPopulation").Description("Of them, people in areas with at least one resource within reach.").ResolveSource(s => s.CoveredPopulation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("servingResources").Description("Active resources with a place that serve the group (anywhere).")
            .ResolveSource((c, s) => Network.ActorFields.Resources(c, s.ServingResources.Select(r => r.Id)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageType>>>>("areas").Description("The areas where the group's population is counted, least accessible first.").ResolveSource(s => s.Areas);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageType>>>>("underServedAreas").Description("The under-served areas, least accessible first.").ResolveSource(s => s.Areas.Where(a => a.UnderServed).ToList());
        Field<NonNullGraphType<AreaCoverageFeatureCollectionType>>("featureCollection").Description("The areas with boundaries as a GeoJSON FeatureCollection.")
            .ResolveSource(s => new FeatureCollection<AreaCoverage>(s.Areas.Select(a => new Feature<AreaCoverage>(Ids.GlobalId.Encode(Ids.GlobalId.Area, a.Area.Id), a.Area.Boundary!, a)).ToList()));
    }
}

public sealed class CoverageCellPropertiesType : ObjectGraphType<CoverageCell>
{
    public CoverageCellPropertiesType()
    {
        Name = "CoverageCellProperties";
        Description = "What a grid cell holds.";
        Field<NonNullGraphType<IntGraphType>>("row").Description("Row from the south.").ResolveSource(s => s.Row);
        Field<NonNullGraphType<IntGraphType>>("column").Description("Column from the west.").ResolveSource(s => s.Column);
        Field<NonNullGraphType<FloatGraphType>>("population").Description("Estimated people of the group in the cell (areal weighting of the areas' counts).").ResolveSource(s => s.Population);
        Field<NonNullGraphType<FloatGraphType>>("accessibilityIndex").Description("Index per 1,000 people at the cell's point.").ResolveSource(s => s.AccessibilityIndex);
        Field<NonNullGraphType<IntGraphType>>("reachableResources").Description("Resources within reach of the cell's point.").ResolveSource(s => s.ReachableResources);
        Field<FloatGraphType>("nearestResourceDistanceMeters").Description("Distance to the nearest resource serving the group; null when there is none.").ResolveSource(s => double.IsFinite(s.NearestResourceMeters) ? s.NearestResourceMeters : null);
        Field<NonNullGraphType<BooleanGraphType>>("underServed").Description("True when people live in the cell and it is under-served.").ResolveSource(s => s.UnderServed);
    }
}

public sealed class CoverageCellFeatureType() : FeatureGraphType<CoverageCellPropertiesType, CoverageCell>("CoverageCellFeature", "A grid cell as a GeoJSON Feature with a Polygon geometry.");

public sealed class CoverageGridType() : FeatureCollectionGraphType<CoverageCellFeatureType, CoverageCell>("CoverageGrid", "A coverage grid as a GeoJSON FeatureCollection, for heat maps.");

public sealed class PlacementSuggestionType : ObjectGraphType<PlacementSuggestion>
{
    public PlacementSuggestionType()
    {
        Name = "PlacementSuggestion";
        Description = "A place for a new resource.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the place that adds the most.").ResolveSource(s => s.Rank);
        Field<NonNullGraphType<GeoJsonPointType>>("location").Description("The place as a GeoJSON Point.").ResolveSource(s => GeoJson.Point(s.Latitude, s.Longitude));
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude.").ResolveSource(s => s.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude.").ResolveSource(s => s.Longitude);
        Field<AreaNode>("area").Description("The most specific area holding the place.").ResolveSource(s => s.Area);
        Field<NonNullGraphType<FloatGraphType>>("newlyCoveredPopulation").Description("Estimated people of the group it brings within reach, beyond the places ranked before it.").ResolveSource(s => s.NewlyCoveredPopulation);
    }
}

public sealed class PlacementType : ObjectGraphType<PlacementResult>
{
    public PlacementType()
    {
        Name = "Placement";
        Description = "Where new resources would bring the most people within reach (maximal covering location, Church and ReVelle 1974).";
        Field<NonNullGraphType<FloatGraphType>>("cellSizeMeters").Description("Size of the grid cells whose points are the candidate places.").ResolveSource(s => s.CellSizeMeters);
        Field<NonNullGraphType<FloatGraphType>>("population").Description("Estimated people of the group in the area.").ResolveSource(s => s.Population);
        Field<NonNullGraphType<FloatGraphType>>("coveredBefore").Description("Of them, people already within reach of a resource.").ResolveSource(s => s.CoveredBefore);
        Field<NonNullGraphType<FloatGraphType>>("coveredAfter").Description("People within reach once the suggested resources exist.").ResolveSource(s => s.CoveredAfter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementSuggestionType>>>>("suggestions").Description("The places, the most useful first; fewer than asked when no further place reaches anyone new.").ResolveSource(s => s.Suggestions);
    }
}

public sealed record AreaCoverageChange(AreaCoverage Before, AreaCoverage After);

public sealed record ClosureImpact(PlacedResource Resource, CoverageResult Before, CoverageResult After)
{
    /// <summary>The areas whose coverage changes, the largest loss first; computed once, read by several fields.</summary>
    public IReadOnlyList<AreaCoverageChange> Changes { get; } = Before.Areas.Join(After.Areas, a => a.Area.Id, a => a.Area.Id, (b, a) => new AreaCoverageChange(b, a))
        .Where(c => c.Before.Reachable.Count != c.After.Reachable.Count || Math.Abs(c.Before.AccessibilityIndex - c.After.AccessibilityIndex) > 1e-12)
        .OrderByDescending(c => c.Before.AccessibilityIndex - c.After.AccessibilityIndex).ThenBy(c => c.Before.Area.Id).ToList();

    public int PopulationLosingAccess => Changes.Where(c => c.Before.Reachable.Count > 0 && c.After.Reachable.Count == 0).Sum(c => c.Before.Population);
}

public sealed class AreaCoverageChangeType : ObjectGraphType<AreaCoverageChange>
{
    public AreaCoverageChangeType()
    {
        Name = "AreaCoverageChange";
        Description = "An area's coverage before and after a change.";
        Field<NonNullGraphType<AreaNode>>("area").Description("The area.").ResolveSource(s => s.Before.Area);
        Field<NonNullGraphType<AreaCoverageType>>("before").Description("Coverage now.").ResolveSource(s => s.Before);
        Field<NonNullGraphType<AreaCoverageType>>("after").Description("Coverage after the change.").ResolveSource(s => s.After);
    }
}

public sealed class ClosureImpactType : ObjectGraphType<ClosureImpact>
{
    public ClosureImpactType()
    {
        Name = "ClosureImpact";
        Description = "What coverage of a target group is lost if a resource closes.";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The resource.").ResolveSource((c, s) => c.Service<ResourceLoaders>().ById.Load(s.Resource.Id));
        Field<NonNullGraphType<IntGraphType>>("populationLosingAccess").Description("People of the group in areas left with no resource within reach.").ResolveSource(s => s.PopulationLosingAccess);
        Field<NonNullGraphType<IntGraphType>>("coveredPopulationBefore").Description("People in areas with a resource within reach now.").ResolveSource(s => s.Before.CoveredPopulation);
        Field<NonNullGraphType<IntGraphType>>("coveredPopulationAfter").Description("People in areas with a resource within reach after the closure.").ResolveSource(s => s.After.CoveredPopulation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageChangeType>>>>("changedAreas").Description("Areas whose coverage changes, the largest loss of accessibility first.").ResolveSource(s => s.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaNode>>>>("newlyUnderServedAreas").Description("Areas that become under-served.")
            .ResolveSource(s => s.Changes.Where(x => !x.Before.UnderServed && x.After.UnderServed).Select(x => x.Before.Area).ToList());
    }
}
