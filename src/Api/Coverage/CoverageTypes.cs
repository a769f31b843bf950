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
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The resource.").Resolve(c => c.Service<ResourceLoaders>().ById.Load(c.Source.Resource.Id));
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Geodesic distance in metres.").Resolve(c => c.Source.DistanceMeters);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("Distance-decay weight (1 in the two-step method).").Resolve(c => c.Source.Weight);
    }
}

public sealed class AreaCoverageType : ObjectGraphType<AreaCoverage>
{
    public AreaCoverageType()
    {
        Name = "AreaCoverage";
        Description = "How well one area's people of a target group reach the resources that serve them.";
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the least accessible area, by accessibility index and then by population.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<AreaNode>>("area").Description("The area.").Resolve(c => c.Source.Area);
        Field<NonNullGraphType<IntGraphType>>("population").Description("People of the target group living in the area.").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReachableResourceType>>>>("reachableResources").Description("Active resources serving the group within the distance of the area's centroid, nearest first.").Resolve(c => c.Source.Reachable);
        Field<NonNullGraphType<IntGraphType>>("reachableResourceCount").Description("How many resources are within reach.").Resolve(c => c.Source.Reachable.Count);
        Field<FloatGraphType>("providerToPopulationRatio").Description("Resources within reach per 1,000 people of the group; null when nobody of the group lives there.").Resolve(c => c.Source.ProviderToPopulationRatio);
        Field<NonNullGraphType<FloatGraphType>>("accessibilityIndex").Description("The floating catchment index per 1,000 people: the resources' capacity available to 1,000 people here once every resource is shared among everyone within its reach.").Resolve(c => c.Source.AccessibilityIndex);
        Field<FloatGraphType>("nearestResourceDistanceMeters").Description("Distance to the nearest resource serving the group, at any distance; null when there is none.").Resolve(c => double.IsFinite(c.Source.NearestResourceMeters) ? c.Source.NearestResourceMeters : null);
        Field<NonNullGraphType<BooleanGraphType>>("underServed").Description("True when no resource is within reach, or the index is below minAccessibilityIndex.").Resolve(c => c.Source.UnderServed);
        Field<StringGraphType>("reason").Description("Why the area is under-served, in words; null when it is not.").Resolve(c => c.Source.Reason);
    }
}

public sealed class AreaCoveragePropertiesType : ObjectGraphType<AreaCoverage>
{
    public AreaCoveragePropertiesType()
    {
        Name = "AreaCoverageProperties";
        Description = "The properties of an area in a coverage map.";
        Field<NonNullGraphType<IdGraphType>>("areaId").Description("Global id of the area.").Resolve(c => Ids.GlobalId.Encode(Ids.GlobalId.Area, c.Source.Area.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name of the area.").Resolve(c => c.Source.Area.Name);
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the least accessible.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<IntGraphType>>("population").Description("People of the target group.").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<IntGraphType>>("reachableResources").Description("Resources within reach.").Resolve(c => c.Source.Reachable.Count);
        Field<NonNullGraphType<FloatGraphType>>("accessibilityIndex").Description("Index per 1,000 people.").Resolve(c => c.Source.AccessibilityIndex);
        Field<NonNullGraphType<BooleanGraphType>>("underServed").Description("Whether the area is under-served.").Resolve(c => c.Source.UnderServed);
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
        Field<NonNullGraphType<StringGraphType>>("targetGroup").Description("The target group.").Resolve(c => c.Source.Request.TargetGroup);
        Field<NonNullGraphType<FloatGraphType>>("maxDistanceMeters").Description("The travel threshold, straight-line geodesic metres.").Resolve(c => c.Source.Request.MaxDistanceMeters);
        Field<NonNullGraphType<AccessibilityMethodEnum>>("method").Description("The method.").Resolve(c => c.Source.Request.Method);
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("zoneWeights").Description("Weights of the distance zones, nearest first; null for the two-step method.").Resolve(c => c.Source.Request.Options.ZoneWeights);
        Field<NonNullGraphType<IntGraphType>>("population").Description("People of the group in the areas listed.").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<IntGraphType>>("coveredPopulation").Description("Of them, people in areas with at least one resource within reach.").Resolve(c => c.Source.CoveredPopulation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("servingResources").Description("Active resources with a place that serve the group (anywhere).")
            .Resolve(c => Network.ActorFields.Resources(c, c.Source.ServingResources.Select(r => r.Id)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageType>>>>("areas").Description("The areas where the group's population is counted, least accessible first.").Resolve(c => c.Source.Areas);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageType>>>>("underServedAreas").Description("The under-served areas, least accessible first.").Resolve(c => c.Source.Areas.Where(a => a.UnderServed).ToList());
        Field<NonNullGraphType<AreaCoverageFeatureCollectionType>>("featureCollection").Description("The areas with boundaries as a GeoJSON FeatureCollection.")
            .Resolve(c => new FeatureCollection<AreaCoverage>(c.Source.Areas.Select(a => new Feature<AreaCoverage>(Ids.GlobalId.Encode(Ids.GlobalId.Area, a.Area.Id), a.Area.Boundary!, a)).ToList()));
    }
}

public sealed class CoverageCellPropertiesType : ObjectGraphType<CoverageCell>
{
    public CoverageCellPropertiesType()
    {
        Name = "CoverageCellProperties";
        Description = "What a grid cell holds.";
        Field<NonNullGraphType<IntGraphType>>("row").Description("Row from the south.").Resolve(c => c.Source.Row);
        Field<NonNullGraphType<IntGraphType>>("column").Description("Column from the west.").Resolve(c => c.Source.Column);
        Field<NonNullGraphType<FloatGraphType>>("population").Description("Estimated people of the group in the cell (areal weighting of the areas' counts).").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<FloatGraphType>>("accessibilityIndex").Description("Index per 1,000 people at the cell's point.").Resolve(c => c.Source.AccessibilityIndex);
        Field<NonNullGraphType<IntGraphType>>("reachableResources").Description("Resources within reach of the cell's point.").Resolve(c => c.Source.ReachableResources);
        Field<FloatGraphType>("nearestResourceDistanceMeters").Description("Distance to the nearest resource serving the group; null when there is none.").Resolve(c => double.IsFinite(c.Source.NearestResourceMeters) ? c.Source.NearestResourceMeters : null);
        Field<NonNullGraphType<BooleanGraphType>>("underServed").Description("True when people live in the cell and it is under-served.").Resolve(c => c.Source.UnderServed);
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
        Field<NonNullGraphType<IntGraphType>>("rank").Description("1 for the place that adds the most.").Resolve(c => c.Source.Rank);
        Field<NonNullGraphType<GeoJsonPointType>>("location").Description("The place as a GeoJSON Point.").Resolve(c => GeoJson.Point(c.Source.Latitude, c.Source.Longitude));
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude.").Resolve(c => c.Source.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude.").Resolve(c => c.Source.Longitude);
        Field<AreaNode>("area").Description("The most specific area holding the place.").Resolve(c => c.Source.Area);
        Field<NonNullGraphType<FloatGraphType>>("newlyCoveredPopulation").Description("Estimated people of the group it brings within reach, beyond the places ranked before it.").Resolve(c => c.Source.NewlyCoveredPopulation);
    }
}

public sealed class PlacementType : ObjectGraphType<PlacementResult>
{
    public PlacementType()
    {
        Name = "Placement";
        Description = "Where new resources would bring the most people within reach (maximal covering location, Church and ReVelle 1974).";
        Field<NonNullGraphType<FloatGraphType>>("cellSizeMeters").Description("Size of the grid cells whose points are the candidate places.").Resolve(c => c.Source.CellSizeMeters);
        Field<NonNullGraphType<FloatGraphType>>("population").Description("Estimated people of the group in the area.").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<FloatGraphType>>("coveredBefore").Description("Of them, people already within reach of a resource.").Resolve(c => c.Source.CoveredBefore);
        Field<NonNullGraphType<FloatGraphType>>("coveredAfter").Description("People within reach once the suggested resources exist.").Resolve(c => c.Source.CoveredAfter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementSuggestionType>>>>("suggestions").Description("The places, the most useful first; fewer than asked when no further place reaches anyone new.").Resolve(c => c.Source.Suggestions);
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
        Field<NonNullGraphType<AreaNode>>("area").Description("The area.").Resolve(c => c.Source.Before.Area);
        Field<NonNullGraphType<AreaCoverageType>>("before").Description("Coverage now.").Resolve(c => c.Source.Before);
        Field<NonNullGraphType<AreaCoverageType>>("after").Description("Coverage after the change.").Resolve(c => c.Source.After);
    }
}

public sealed class ClosureImpactType : ObjectGraphType<ClosureImpact>
{
    public ClosureImpactType()
    {
        Name = "ClosureImpact";
        Description = "What coverage of a target group is lost if a resource closes.";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The resource.").Resolve(c => c.Service<ResourceLoaders>().ById.Load(c.Source.Resource.Id));
        Field<NonNullGraphType<IntGraphType>>("populationLosingAccess").Description("People of the group in areas left with no resource within reach.").Resolve(c => c.Source.PopulationLosingAccess);
        Field<NonNullGraphType<IntGraphType>>("coveredPopulationBefore").Description("People in areas with a resource within reach now.").Resolve(c => c.Source.Before.CoveredPopulation);
        Field<NonNullGraphType<IntGraphType>>("coveredPopulationAfter").Description("People in areas with a resource within reach after the closure.").Resolve(c => c.Source.After.CoveredPopulation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaCoverageChangeType>>>>("changedAreas").Description("Areas whose coverage changes, the largest loss of accessibility first.").Resolve(c => c.Source.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaNode>>>>("newlyUnderServedAreas").Description("Areas that become under-served.")
            .Resolve(c => c.Source.Changes.Where(x => !x.Before.UnderServed && x.After.UnderServed).Select(x => x.Before.Area).ToList());
    }
}
