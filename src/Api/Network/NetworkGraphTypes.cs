using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Graph;
using ResourceMap.Graph.Network;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Network;

/// <summary>Fields that turn actor ids of the analysis back into resources, in one batch.</summary>
/// <summary>The resources and ties an analysis names; on an earlier day these may have been deleted since, and are named as they were.</summary>
internal static class ActorFields
{
    public static object Resources(IResolveFieldContext context, IEnumerable<int> ids)
    {
        var loader = context.Service<ResourceLoaders>().AsRecorded;
        return new CombinedResult<Resource?>(ids.Select(loader.Load).ToList());
    }

    public static object Resource(IResolveFieldContext context, int id) => context.Service<ResourceLoaders>().AsRecorded.Load(id);

    /// <summary>
    /// An actor as a resource: made from the network's own record when the query reads only what that holds (a map of
    /// 20,000 actors answers in a few hundred milliseconds), else read from its row.
    /// </summary>
    public static object Resource(IResolveFieldContext context, Actor actor) =>
        HeldByActor(context.Document, context.FieldAst) ? AsResource(actor) : Resource(context, actor.Id);

    private static readonly IReadOnlySet<string> ActorColumns = new HashSet<string>
    {
        nameof(Persistence.Model.Resource.Id), nameof(Persistence.Model.Resource.Name), nameof(Persistence.Model.Resource.Kind),
        nameof(Persistence.Model.Resource.Latitude), nameof(Persistence.Model.Resource.Longitude), nameof(Persistence.Model.Resource.AreaId),
        nameof(Persistence.Model.Resource.TargetGroups), nameof(Persistence.Model.Resource.Offers), nameof(Persistence.Model.Resource.Needs),
        nameof(Persistence.Model.Resource.Sensitive),
    };

    // Decided once per field of a query: every actor of a list shares its selection.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GraphQLParser.AST.GraphQLField, object> Held = [];

    private static bool HeldByActor(GraphQLParser.AST.GraphQLDocument document, GraphQLParser.AST.GraphQLField field) =>
        (bool)Held.GetValue(field, f => ResourceNode.Columns.ReadsOnly(Selections.Names(Selections.Fields(document, [f.SelectionSet])), ActorColumns));

    private static Resource AsResource(Actor actor) => new()
    {
        Id = actor.Id, Name = actor.Name, Kind = Enum.Parse<ResourceKind>(actor.Kind), Latitude = actor.Latitude, Longitude = actor.Longitude, AreaId = actor.AreaId,
        TargetGroups = [.. actor.TargetGroups], Offers = [.. actor.Offers], Needs = [.. actor.Needs], Sensitive = actor.Sensitive,
    };

    /// <summary>The recorded ties among these ids: ties projected from activities (negative ids) are no relationships.</summary>
    public static object Relationships(IResolveFieldContext context, IEnumerable<int> ids)
    {
        var loader = context.Service<RelationshipLoaders>().AsRecorded;
        return new CombinedResult<Relationship?>(ids.Where(id => id > 0).Select(loader.Load).ToList());
    }
}

public sealed class ActorGroupType : ObjectGraphType<ActorGroup>
{
    public ActorGroupType()
    {
        Name = "ActorGroup";
        Description = "A group of actors: a part of the network, or the actors cut off without a bridging actor.";
        Field<NonNullGraphType<IntGraphType>>("size").Description("How many actors.").ResolveSource(s => s.ActorIds.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("resources").Description("The actors.")
            .ResolveSource((c, s) => ActorFields.Resources(c, s.ActorIds));
    }
}

public sealed class BridgingActorType : ObjectGraphType<BridgingActor>
{
    public BridgingActorType()
    {
        Name = "BridgingActor";
        Description = "An actor that alone holds groups to the rest of the network (an articulation point).";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The actor.").ResolveSource((c, s) => ActorFields.Resource(c, s.ActorId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorGroupType>>>>("groupsCutOff").Description("The groups that would be cut off without it.").ResolveSource(s => s.GroupsCutOff);
        Field<NonNullGraphType<IntGraphType>>("actorsCutOff").Description("How many actors those groups hold.").ResolveSource(s => s.ActorsCutOff);
    }
}

public sealed class BridgeType : ObjectGraphType<BridgeTie>
{
    public BridgeType()
    {
        Name = "Bridge";
        Description = "Two actors whose tie alone joins two parts of the network.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("between").Description("The two actors.").ResolveSource((c, s) => ActorFields.Resources(c, [s.ActorA, s.ActorB]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipNode>>>>("relationships").Description("The ties between them.").ResolveSource((c, s) => ActorFields.Relationships(c, s.TieIds));
        Field<NonNullGraphType<ActorGroupType>>("groupCutOff").Description("The smaller side, cut off if the tie ends.").ResolveSource(s => s.SmallerSide);
    }
}

public sealed class CommunityType : ObjectGraphType<CommunityInfo>
{
    public CommunityType()
    {
        Name = "Community";
        Description = "A community found by the Louvain method: actors tied more among themselves than to the rest.";
        Field<NonNullGraphType<IntGraphType>>("index").Description("Number of the community, largest first.").ResolveSource(s => s.Index);
        Field<NonNullGraphType<ActorGroupType>>("members").Description("Its actors.").ResolveSource(s => s.Members);
        Field<NonNullGraphType<IntGraphType>>("internalTies").Description("Ties inside it (pairs of actors).").ResolveSource(s => s.InternalTies);
        Field<NonNullGraphType<IntGraphType>>("externalTies").Description("Ties to other communities.").ResolveSource(s => s.ExternalTies);
        Field<NonNullGraphType<BooleanGraphType>>("weaklyTied").Description("Tied to the rest by at most one tie, or by fewer than a tenth of its inside ties.").ResolveSource(s => s.WeaklyTied);
    }
}

public enum NetworkRole
{
    BridgingActor,
    MainNetwork,
    IsolatedGroup,
    IsolatedActor,
}

public sealed class NetworkRoleEnum : EnumerationGraphType<NetworkRole>
{
    public NetworkRoleEnum()
    {
        Name = "NetworkRole";
        Description = "An actor's place in the network, in a social worker's words.";
        this.Describe(NetworkRole.BridgingActor, "Holds groups to the rest of the network: without it they are cut off.");
        this.Describe(NetworkRole.MainNetwork, "Part of the main network.");
        this.Describe(NetworkRole.IsolatedGroup, "Part of a group tied only to itself.");
        this.Describe(NetworkRole.IsolatedActor, "Has no ties.");
    }
}

/// <summary>One actor's place in the network of a view: its vertex in the view's current network.</summary>
public sealed record ActorInNetwork(NetworkView View, int Vertex)
{
    public NetworkRole Role
    {
        get
        {
            var a = View.Network.Analysis;
            if (a.IsArticulationPoint[Vertex]) return NetworkRole.BridgingActor;
            if (a.ComponentOf[Vertex] == 0 && a.Components[0].Length > 1) return NetworkRole.MainNetwork;
            return a.Components[a.ComponentOf[Vertex]].Length == 1 ? NetworkRole.IsolatedActor : NetworkRole.IsolatedGroup;
        }
    }

    public NetworkAnalysis Structure => View.Network.Analysis;

    /// <summary>A metric of the family's analysed network; <paramref name="absent"/> for an actor added since it was analysed.</summary>
    public T Metric<T>(MetricFamily family, Func<NetworkAnalysis, int, T> read, T absent) =>
        View.Value(family, Vertex, (network, v) => read(network.Analysis, v), absent);
}

public sealed class ActorMetricsType : ObjectGraphType<ActorInNetwork>
{
    public ActorMetricsType()
    {
        Name = "ActorMetrics";
        Description = "Where an actor stands in the network. Ties count as undirected; centralities follow networkx 2.8. While the network's analysis is not current, an actor added since the analysed version counts 0 (community −1, constraint and effective size null).";
        Field<NonNullGraphType<ResourceNode>>("resource").Description("The actor.").ResolveSource((c, s) => ActorFields.Resource(c, s.View.Network.Actors[s.Vertex]));
        Field<NonNullGraphType<NetworkRoleEnum>>("role").Description("Its place in the network in plain words.").ResolveSource(s => s.Role);
        Field<NonNullGraphType<IntGraphType>>("degree").Description("How many actors it is tied to.").ResolveSource(s => s.Structure.Degree[s.Vertex]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("metOnlyThroughActivities")
            .Description("Actors of the scope it took part in activities with (held by the scope's day) but has no recorded tie to: those it met only through them.")
            .ResolveAsync(async c =>
            {
                var network = c.Source.View.Network;
                var hidden = NetworkSnapshots.HiddenActivities(network.Snapshot, c.Service<Access.RequestCaller>());
                return ActorFields.Resources(c, ActivityFigures.MetOnlyThroughActivities(network, network.Snapshot.Activities.Where(a => !hidden.Contains(a.Id)), network.Actors[c.Source.Vertex].Id));
            });
        Field<NonNullGraphType<FloatGraphType>>("weightedDegree")
            .Description("Sum of the strengths of its ties (strongest tie per partner).")
            .ResolveSource(s => s.Structure.WeightedDegree[s.Vertex]);
        Field<NonNullGraphType<FloatGraphType>>("betweenness")
            .Description("Shortest paths between other actors that run through it (Brandes; counted in hops; networkx normalized=False).")
            .ResolveSource(s => s.Metric(MetricFamily.Betweenness, (a, v) => a.Betweenness[v], 0.0));
        Field<NonNullGraphType<FloatGraphType>>("betweennessNormalized")
            .Description("Betweenness divided by the most possible, 0 to 1.")
            .ResolveSource(s => s.Metric(MetricFamily.Betweenness, (a, v) => a.BetweennessNormalized[v], 0.0));
        Field<NonNullGraphType<FloatGraphType>>("weightedBetweenness")
            .Description("Betweenness with strong ties as short paths (a tie's length 1/strength).")
            .ResolveSource(s => s.View.Value(MetricFamily.WeightedBetweenness, s.Vertex, (n, v) => n.WeightedBetweenness.Raw[v], 0.0));
        Field<NonNullGraphType<FloatGraphType>>("weightedBetweennessNormalized")
            .Description("Weighted betweenness, 0 to 1.")
            .ResolveSource(s => s.View.Value(MetricFamily.WeightedBetweenness, s.Vertex, (n, v) => n.WeightedBetweenness.Normalized[v], 0.0));
        Field<NonNullGraphType<FloatGraphType>>("closeness")
            .Description("How near it is to everyone it can reach (Wasserman–Faust, 0 to 1).")
            .ResolveSource(s => s.Metric(MetricFamily.Distances, (a, v) => a.Closeness[v], 0.0));
        Field<NonNullGraphType<FloatGraphType>>("harmonic")
            .Description("Sum of 1/distance to every other actor.")
            .ResolveSource(s => s.Metric(MetricFamily.Distances, (a, v) => a.Harmonic[v], 0.0));
        Field<NonNullGraphType<FloatGraphType>>("clustering")
            .Description("Share of its partners' pairs that are tied to each other, 0 to 1.")
            .ResolveSource(s => s.Metric(MetricFamily.Clustering, (a, v) => a.Clustering[v], 0.0));
        Field<NonNullGraphType<BooleanGraphType>>("isArticulationPoint")
            .Description("True when removing it cuts the network apart.")
            .ResolveSource(s => s.Structure.IsArticulationPoint[s.Vertex]);
        Field<NonNullGraphType<IntGraphType>>("component")
            .Description("Number of its part of the network, largest first (0 = the main network).")
            .ResolveSource(s => s.Structure.ComponentOf[s.Vertex]);
        Field<NonNullGraphType<IntGraphType>>("community")
            .Description("Number of its community, largest first.")
            .ResolveSource(s => s.Metric(MetricFamily.Communities, (a, v) => a.CommunityOf[v], -1));
        Field<FloatGraphType>("constraint")
            .Description("Burt's constraint: high when its partners are all tied to each other; null without ties.")
            .ResolveSource(s => NullIfNaN(s.Metric(MetricFamily.StructuralHoles, (a, v) => a.Constraint[v], double.NaN)));
        Field<FloatGraphType>("effectiveSize")
            .Description("Burt's effective size: partners that do not know each other; null without ties.")
            .ResolveSource(s => NullIfNaN(s.Metric(MetricFamily.StructuralHoles, (a, v) => a.EffectiveSize[v], double.NaN)));
        Field<NonNullGraphType<IntGraphType>>("actorsCutOff")
            .Description("How many actors would be cut off without it.")
            .ResolveSource(s => s.View.Network.ActorsCutOffBy(s.Vertex));
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}

public sealed class NeedMetType : ObjectGraphType<(string Need, string Offer, int NeedingActorId)>
{
    public NeedMetType()
    {
        Name = "NeedMet";
        Description = "A need of one actor that the other offers.";
        Field<NonNullGraphType<StringGraphType>>("need").Description("The need.").ResolveSource(s => s.Need);
        Field<NonNullGraphType<StringGraphType>>("offer").Description("The offer that meets it.").ResolveSource(s => s.Offer);
        Field<NonNullGraphType<ResourceNode>>("needingResource").Description("The actor with the need.").ResolveSource((c, s) => ActorFields.Resource(c, s.NeedingActorId));
    }
}

public sealed class SuggestedTieType : ObjectGraphType<SuggestedTie>
{
    public SuggestedTieType()
    {
        Name = "SuggestedTie";
        Description = "A tie worth building, with its reasons.";
        Field<NonNullGraphType<ResourceNode>>("from").Description("The actor to reach.").ResolveSource((c, s) => ActorFields.Resource(c, s.FromId));
        Field<NonNullGraphType<ResourceNode>>("to").Description("The actor to introduce it to.").ResolveSource((c, s) => ActorFields.Resource(c, s.ToId));
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Higher is better: (3·needs met + shared groups + Adamic–Adar)·(0.5 + 0.5p) + 2p + ln(1 + actors newly reached), p = 1/(1 + km/25).").ResolveSource(s => s.Score);
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("What the tie would achieve, in the request's language (Accept-Language: lv, ru, en).").ResolveSource(s => Languages.Catalog.Render(s.Purpose));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons").Description("Reasons a worker can read, in the request's language (Accept-Language: lv, ru, en).").ResolveSource(s => s.Reasons.Select(Languages.Catalog.Render).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedMetType>>>>("needsMet").Description("Needs of one that the other offers.").ResolveSource(s => s.NeedsMet);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sharedTargetGroups").Description("Target groups both serve.").ResolveSource(s => s.SharedTargetGroups);
        Field<FloatGraphType>("distanceKm").Description("Geodesic distance; null when either has no place.").ResolveSource(s => s.DistanceKm);
        Field<NonNullGraphType<IntGraphType>>("commonNeighbours").Description("Partners they share.").ResolveSource(s => s.CommonNeighbours);
        Field<NonNullGraphType<FloatGraphType>>("adamicAdar").Description("Adamic–Adar index of their shared partners.").ResolveSource(s => s.AdamicAdar);
        Field<NonNullGraphType<IntGraphType>>("actorsNewlyReached").Description("Actors the tie would bring into the main network.").ResolveSource(s => s.ActorsNewlyReached);
        Field<Activities.IntroductionNode>("introduction")
            .Description("The latest introduction a worker recorded of these two actors, with its outcome; null when they were never introduced.")
            .ResolveAsync(async c =>
            {
                var snapshot = await c.Service<NetworkSnapshots>().CurrentAsync(c.CancellationToken);
                var pair = c.Source.FromId < c.Source.ToId ? (c.Source.FromId, c.Source.ToId) : (c.Source.ToId, c.Source.FromId);
                var latest = snapshot.Introductions.Where(i => i.Pair == pair).MaxBy(i => (i.On, i.Id));
                return latest is null ? null : await c.Service<Activities.ActivityLoaders>().IntroductionById.Load(latest.Id).GetResultAsync(c.CancellationToken);
            });
    }
}

public sealed class IntroductionPathType : ObjectGraphType<IntroductionPath>
{
    public IntroductionPathType()
    {
        Name = "IntroductionPath";
        Description = "A chain of existing ties through which one actor can be introduced to another.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("resources").Description("The actors along the chain, from first to last.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipNode>>>>("relationships").Description("The ties along the chain.").ResolveSource((c, s) => ActorFields.Relationships(c, s.TieIds));
        Field<NonNullGraphType<IntGraphType>>("hops").Description("How many ties long it is.").ResolveSource(s => s.TieIds.Count);
        Field<NonNullGraphType<FloatGraphType>>("length").Description("Sum of 1/strength along the chain: strong ties make short chains.").ResolveSource(s => s.Length);
        Field<NonNullGraphType<IntGraphType>>("weakestStrength").Description("Strength of its weakest tie.").ResolveSource(s => s.WeakestStrength);
    }
}

public sealed class NetworkShapeType : ObjectGraphType<NetworkShape>
{
    public NetworkShapeType()
    {
        Name = "NetworkShape";
        Description = "The parts of a network.";
        Field<NonNullGraphType<IntGraphType>>("components").Description("Separate parts, isolated actors included.").ResolveSource(s => s.Components);
        Field<NonNullGraphType<IntGraphType>>("mainNetworkSize").Description("Actors in the largest part.").ResolveSource(s => s.MainNetworkSize);
        Field<NonNullGraphType<IntGraphType>>("isolatedGroups").Description("Parts other than the main one with two or more actors.").ResolveSource(s => s.IsolatedGroups);
        Field<NonNullGraphType<IntGraphType>>("isolatedActors").Description("Actors without ties.").ResolveSource(s => s.IsolatedActors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("bridgingActors").Description("Actors that alone hold parts together.").ResolveSource((c, s) => ActorFields.Resources(c, s.BridgingActorIds));
    }
}

public sealed class WhatIfType : ObjectGraphType<WhatIfResult>
{
    public WhatIfType()
    {
        Name = "WhatIf";
        Description = "What proposed ties or lost actors would change.";
        Field<NonNullGraphType<NetworkShapeType>>("before").Description("The network as it is.").ResolveSource(s => s.Before);
        Field<NonNullGraphType<NetworkShapeType>>("after").Description("The network with the changes.").ResolveSource(s => s.After);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("actorsJoiningMainNetwork").Description("Actors the changes bring into the main network.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorsJoiningMainNetwork));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("actorsLeavingMainNetwork").Description("Actors the changes cut off from the main network.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorsLeavingMainNetwork));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("newBridgingActors").Description("Actors that start to hold parts together.").ResolveSource((c, s) => ActorFields.Resources(c, s.NewBridgingActors));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("noLongerBridgingActors").Description("Actors that stop being bridging actors.").ResolveSource((c, s) => ActorFields.Resources(c, s.NoLongerBridgingActors));
    }
}

public sealed class ProposedTieInputType : InputObjectGraphType
{
    public ProposedTieInputType()
    {
        Name = "ProposedTieInput";
        Description = "A tie to imagine.";
        Field<NonNullGraphType<IdGraphType>>("fromId").Description("One actor.");
        Field<NonNullGraphType<IdGraphType>>("toId").Description("The other actor.");
        Field<IntGraphType>("strength").Description("Strength 1–5 (default 3).");
    }
}

public sealed class NetworkFiguresType : ObjectGraphType<NetworkFigures>
{
    public NetworkFiguresType()
    {
        Name = "NetworkFigures";
        Description = "Figures of the network on one day.";
        NetworkPointType.AddShapeFields(this);
        Field<NonNullGraphType<FloatGraphType>>("averagePathLength").Description("Mean number of ties between two actors of the main network.").ResolveSource(s => s.AveragePathLength);
        Field<NonNullGraphType<IntGraphType>>("bridgingActors").Description("Actors that alone hold parts together.").ResolveSource(s => s.BridgingActors);
    }
}

public sealed class GroupChangeType : ObjectGraphType<GroupChange>
{
    public GroupChangeType()
    {
        Name = "GroupChange";
        Description = "What became of a group that was isolated on the first day.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("resources").Description("Its actors on the first day.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorIdsBefore));
        Field<NonNullGraphType<IntGraphType>>("stillIsolated").Description("Of them, still outside the main network.").ResolveSource(s => s.StillIsolated);
        Field<NonNullGraphType<IntGraphType>>("joinedMainNetwork").Description("Of them, now in the main network.").ResolveSource(s => s.JoinedMainNetwork);
    }
}

public sealed class NetworkChangeType : ObjectGraphType<NetworkChange>
{
    public NetworkChangeType()
    {
        Name = "NetworkChange";
        Description = "The evidence of change between two days.";
        Field<NonNullGraphType<NetworkFiguresType>>("from").Description("The first day.").ResolveSource(s => s.From);
        Field<NonNullGraphType<NetworkFiguresType>>("to").Description("The second day.").ResolveSource(s => s.To);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipNode>>>>("tiesBuilt").Description("Ties valid on the second day but not the first.").ResolveSource((c, s) => ActorFields.Relationships(c, s.TiesBuilt));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipNode>>>>("tiesEnded").Description("Ties valid on the first day but not the second.").ResolveSource((c, s) => ActorFields.Relationships(c, s.TiesEnded));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("actorsBroughtIn").Description("Actors in the main network on the second day but not the first.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorsBroughtIn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("actorsLeftOut").Description("Actors in the main network on the first day but not the second.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorsLeftOut));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GroupChangeType>>>>("isolatedGroups").Description("What became of each isolated group and actor of the first day.").ResolveSource(s => s.IsolatedGroups);
        Field<NonNullGraphType<IntroductionCountsType>>("introductions").Description("The introductions made from the first day to the second (both actors in scope), and what came of them.").ResolveSource(s => s.Introductions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Activities.ActivityNode>>>>("activitiesHeld")
            .Description("Activities held on some day from the first to the second with a participant in scope, by first day; sensitive ones outside your municipalities left out.")
            .ResolveSource((c, s) => Activities.ActivityFields.Load(c, s.ActivitiesHeld));
        Field<NonNullGraphType<StringGraphType>>("report").Description("The comparison as a Markdown report for the municipality.").ResolveSource(s => s.Report);
    }
}

public sealed class ApproximationType : ObjectGraphType<ResourceMap.Graph.Approximation>
{
    public ApproximationType()
    {
        Name = "Approximation";
        Description = "How estimates of a large network were made (Riondato–Kornaropoulos path sampling; Eppstein–Wang source sampling).";
        Field<NonNullGraphType<FloatGraphType>>("betweennessEpsilon").Description("Normalised betweenness is within this of the exact value with probability 1 − δ.").ResolveSource(s => s.BetweennessEpsilon);
        Field<NonNullGraphType<FloatGraphType>>("betweennessDelta").Description("δ: the probability that some estimate misses by more.").ResolveSource(s => s.BetweennessDelta);
        Field<NonNullGraphType<IntGraphType>>("betweennessSamples").Description("Shortest paths sampled.").ResolveSource(s => s.BetweennessSamples);
        Field<NonNullGraphType<IntGraphType>>("distanceSources").Description("Sources whose searches estimate closeness, harmonic centrality and path lengths.").ResolveSource(s => s.DistanceSources);
    }
}

public sealed class IntroductionCountsType : ObjectGraphType<IntroductionCounts>
{
    public IntroductionCountsType()
    {
        Name = "IntroductionCounts";
        Description = "A period's introductions and what came of them, as known on its last day.";
        Field<NonNullGraphType<IntGraphType>>("made").Description("Introductions made in the period.").ResolveSource(s => s.Made.Count);
        Field<NonNullGraphType<IntGraphType>>("tieFormed").Description("Of them, those that became ties.").ResolveSource(s => s.TieFormed);
        Field<NonNullGraphType<IntGraphType>>("declined").Description("Of them, those declined.").ResolveSource(s => s.Declined);
        Field<NonNullGraphType<IntGraphType>>("pending").Description("Of them, those without an answer by the last day.").ResolveSource(s => s.Pending);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Activities.IntroductionNode>>>>("introductions").Description("The introductions made, by day; those you may not read left out.")
            .ResolveSource((c, s) => Activities.ActivityFields.LoadIntroductions(c, s.Made));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipNode>>>>("tiesFollowing")
            .Description($"Ties built in the period that followed an introduction of their pair within {NetworkComparison.FollowingDays} days (their first day at most that long after it), or that an introduction names as its outcome.")
            .ResolveSource((c, s) => ActorFields.Relationships(c, s.TiesFollowingIntroduction));
    }
}

public sealed class ActivityInNetworkType : ObjectGraphType<ActivityInNetwork>
{
    public ActivityInNetworkType()
    {
        Name = "ActivityInNetwork";
        Description = "What an activity did for the network of recorded ties: whom it brought together, from how many communities, and whether it joins isolated groups to the main network.";
        Field<NonNullGraphType<Activities.ActivityNode>>("activity").Description("The activity.").ResolveSource((c, s) => c.Service<Activities.ActivityLoaders>().ById.Load(s.ActivityId));
        Field<NonNullGraphType<IntGraphType>>("actorCount").Description("Its participants in the scope.").ResolveSource(s => s.ActorIds.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("actors").Description("Those participants.").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorIds));
        Field<NonNullGraphType<IntGraphType>>("communityCount").Description("How many communities (Louvain's, of the recorded ties) they come from.").ResolveSource(s => s.Communities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("actorsJoiningMainNetwork")
            .Description("Actors that ties among its participants would bring into the main network (what-if).").ResolveSource((c, s) => ActorFields.Resources(c, s.ActorsJoiningMainNetwork));
        Field<NonNullGraphType<IntGraphType>>("isolatedGroupsJoined").Description("The isolated groups and actors it joins to the main network.").ResolveSource(s => s.IsolatedGroupsJoined);
    }
}

public sealed class NetworkPointType : ObjectGraphType<NetworkPoint>
{
    public NetworkPointType()
    {
        Name = "NetworkPoint";
        Description = "The network's size and shape on one day.";
        AddShapeFields(this);
    }

    /// <summary>The fields of a day's shape, which the figures of a comparison have too.</summary>
    public static void AddShapeFields<T>(ObjectGraphType<T> type) where T : NetworkPoint
    {
        type.Field<NonNullGraphType<DateOnlyGraphType>>("day").Description("The day.").ResolveSource(s => s.Day);
        type.Field<NonNullGraphType<IntGraphType>>("actors").Description("Actors in scope.").ResolveSource(s => s.Actors);
        type.Field<NonNullGraphType<IntGraphType>>("ties").Description("Ties valid that day.").ResolveSource(s => s.Ties);
        type.Field<NonNullGraphType<IntGraphType>>("mainNetworkSize").Description("Actors in the main network.").ResolveSource(s => s.MainNetworkSize);
        type.Field<NonNullGraphType<IntGraphType>>("isolatedGroups").Description("Groups tied only among themselves.").ResolveSource(s => s.IsolatedGroups);
        type.Field<NonNullGraphType<IntGraphType>>("isolatedActors").Description("Actors without ties.").ResolveSource(s => s.IsolatedActors);
        type.Field<NonNullGraphType<FloatGraphType>>("density").Description("Tied pairs as a share of all possible pairs.").ResolveSource(s => s.Density);
        type.Field<NonNullGraphType<FloatGraphType>>("isolatedShare").Description("Actors outside the main network as a share of all, 0 to 1.").ResolveSource(s => s.IsolatedShare);
    }
}

public sealed class NetworkTieType : ObjectGraphType<Tie>
{
    // Each type's name converted once: a map reads tens of thousands of ties.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TypeNames = new();

    public NetworkTieType()
    {
        Name = "NetworkTie";
        Description = "A tie of a network as analysed: a recorded relationship, or two actors who took part in activities together (projected).";
        Field<IdGraphType>("id").Description("The recorded relationship's global id; null for a projected tie.")
            .ResolveSource(s => s.Id > 0 ? GlobalId.Encode(GlobalId.Relationship, s.Id) : null);
        Field<NonNullGraphType<ResourceNode>>("source").Description("One end.").ResolveSource((c, s) => RelationshipNode.End(c, s.SourceId));
        Field<NonNullGraphType<ResourceNode>>("target").Description("The other end.").ResolveSource((c, s) => RelationshipNode.End(c, s.TargetId));
        Field<NonNullGraphType<StringGraphType>>("type").Description("The relationship's type as RelationshipType names it (COOPERATION, FUNDING, …), or TOOK_PART_TOGETHER for a projected tie.")
            .ResolveSource(s => TypeNames.GetOrAdd(s.Type, static type => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(type)));
        Field<NonNullGraphType<IntGraphType>>("strength").Description("Strength from 1 to 5.").ResolveSource(s => s.Strength);
        Field<NonNullGraphType<BooleanGraphType>>("projected").Description("True for a tie projected from activities (no relationship).").ResolveSource(s => s.Id < 0);
        Field<RelationshipNode>("relationship").Description("The recorded relationship; null for a projected tie.")
            .ResolveSource((c, s) => s.Id > 0 ? c.Service<RelationshipLoaders>().AsRecorded.Load(s.Id) : null);
    }
}
