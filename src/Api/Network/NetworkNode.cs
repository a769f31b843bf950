using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Protection;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Graph;
using ResourceMap.Graph.Network;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Network;

public sealed class NetworkNode : ObjectGraphType<NetworkView>
{
    public const int MaxSuggestions = 200;
    /// <summary>Farther than Latvia is wide: a larger reach is a mistake, or <c>anywhere</c>.</summary>
    public const double MaxDistanceKm = 1000;
    public const int MaxPaths = 10;

    public NetworkNode()
    {
        Name = "Network";
        Description = "The network of resources within a scope, analysed. Ties count as undirected; each pair of actors counts its strongest tie.";

        Field<NonNullGraphType<LongScalar>>("dataVersion")
            .Description("The current data version, whose actors, ties and structure (parts, bridging actors, bridges, degrees) this answer shows; it grows with every change.")
            .ResolveSource(s => s.Network.Snapshot.Version);
        Field<NonNullGraphType<LongScalar>>("analysedVersion")
            .Description("The data version the centralities, distances, clustering and communities of this answer describe: the current one, or while its analysis runs in the background, the latest analysed.")
            .ResolveSource(s => s.AnalysedVersion);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("analysedAt")
            .Description("When the server read the data of analysedVersion: changes saved later are not in its metrics.")
            .ResolveSource(s => s.AnalysedAt);
        Field<NonNullGraphType<BooleanGraphType>>("current")
            .Description("True when every metric asked for describes the current data version; false while a newer analysis runs (ask again after a few seconds).")
            .ResolveSource(s => s.Current);
        Field<DateOnlyGraphType>("asOf").Description("The day whose ties were analysed; null for all ties.").ResolveSource(s => s.Network.Scope.AsOf);
        Field<NonNullGraphType<IntGraphType>>("actorCount").Description("Actors in scope.").ResolveSource(s => s.Network.Actors.Count);
        Field<NonNullGraphType<IntGraphType>>("tieCount").Description("Ties in scope (several ties of one pair each count).").ResolveSource(s => s.Network.Ties.Count);
        Field<NonNullGraphType<FloatGraphType>>("density").Description("Tied pairs as a share of all possible pairs.").ResolveSource(s => s.Network.Analysis.Density);
        Field<NonNullGraphType<FloatGraphType>>("averagePathLength")
            .Description("Mean number of ties between two actors of the main network.")
            .ResolveSource(s => s.Of(MetricFamily.Distances).Analysis.AveragePathLength);
        Field<NonNullGraphType<IntGraphType>>("diameter")
            .Description("Most ties between two actors of the main network.")
            .ResolveSource(s => s.Of(MetricFamily.Distances).Analysis.Diameter);
        Field<NonNullGraphType<FloatGraphType>>("modularity")
            .Description("Modularity of the communities found (weighted by strength).")
            .ResolveSource(s => s.Of(MetricFamily.Communities).Analysis.Modularity);
        Field<ApproximationType>("approximation")
            .Description($"Null when every metric is exact; above {new AnalysisSettings().ExactUpTo:N0} actors (Network:ExactUpTo), how betweenness and distances were estimated and how far they may be off.")
            .ResolveSource(s => s.Of(MetricFamily.Betweenness).Analysis.Approximation);

        Field<NonNullGraphType<ActorGroupType>>("mainNetwork").Description("The largest connected part.").ResolveSource(s => s.Network.MainNetwork);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorGroupType>>>>("isolatedGroups")
            .Description("Groups tied only among themselves, largest first.")
            .ResolveSource(s => s.Network.IsolatedGroups);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResourceNode>>>>("isolatedActors")
            .Description("Actors without any tie in scope.")
            .ListOfActors()
            .ResolveSource((c, s) => ActorFields.Resources(c, s.Network.IsolatedActors));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorGroupType>>>>("components")
            .Description("Every connected part, largest first.")
            .ResolveSource(s => s.Network.Analysis.Components.Select(s.Network.Group).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BridgingActorType>>>>("bridgingActors")
            .Description("Actors that alone hold groups to the rest, most actors cut off first.")
            .ResolveSource(s => s.Network.BridgingActors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BridgeType>>>>("bridges").Description("Ties that alone join two parts.").ResolveSource(s => s.Network.Bridges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommunityType>>>>("communities")
            .Description("Communities (Louvain), largest first.")
            .ResolveSource(s => s.Of(MetricFamily.Communities).Communities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorMetricsType>>>>("actors")
            .Description("Every actor with its metrics.")
            .ListOfActors()
            .ResolveSource(s => Enumerable.Range(0, s.Network.Actors.Count).Select(v => new ActorInNetwork(s, v)).ToList());

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SuggestedTieType>>>>("suggestions")
            .Description("Ties worth building to reach isolated groups and actors and weakly tied communities, best first.")
            .Cost(1, CostScale.NetworkSize)
            .ListSize(20, "first")
            .Argument<IntGraphType>("first", $"How many (default 20, at most {MaxSuggestions}).")
            .Argument<FloatGraphType>("maxDistanceKm", $"Actors in two municipalities are paired only when at most this far apart (default: the server's Suggestions:MaxDistanceKm, {new SuggestionSettings().MaxDistanceKm:0} km unless configured); actors of one municipality always may be.")
            .Argument<BooleanGraphType>("anywhere", "True to pair actors at any distance (default false).")
            .ResolveSource((c, s) =>
            {
                var first = c.GetArgument("first", 20);
                if (first is < 0 or > MaxSuggestions) throw UserError.BadInput($"'first' must be from 0 to {MaxSuggestions}.", "first");
                var withinKm = c.GetArgument<double?>("maxDistanceKm") ?? c.RequestServices!.GetRequiredService<SuggestionSettings>().MaxDistanceKm;
                if (!(withinKm is >= 0 and <= MaxDistanceKm)) throw UserError.BadInput($"'maxDistanceKm' must be from 0 to {MaxDistanceKm}.", "maxDistanceKm");
                return TieSuggestions.Suggest(s.Of(MetricFamily.Communities), TextFolding.Fold, c.GetArgument("anywhere", false) ? null : withinKm).Take(first).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntroductionPathType>>>>("introductionPaths")
            .Description("The shortest chains of existing ties between two actors (strong ties count as short), then alternatives; empty when they are not connected.")
            .Argument<NonNullGraphType<IdGraphType>>("fromId", "The actor to introduce.")
            .Argument<NonNullGraphType<IdGraphType>>("toId", "The actor to reach.")
            .Argument<IntGraphType>("count", $"How many chains (default 3, at most {MaxPaths}).")
            .Cost(1, CostScale.NetworkSize)
            .ListSize(3, "count")
            .ResolveSource((c, s) =>
            {
                var count = c.GetArgument("count", 3);
                if (count is < 1 or > MaxPaths) throw UserError.BadInput($"'count' must be from 1 to {MaxPaths}.", "count");
                return IntroductionPaths.Find(s.Network, ActorId(c, s.Network, "fromId"), ActorId(c, s.Network, "toId"), count);
            });

        Field<NonNullGraphType<IntGraphType>>("edgeConnectivity")
            .Description("How many independent ties join two groups of actors: the fewest ties whose loss would separate them.")
            .Cost(1, CostScale.NetworkSize)
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("groupA", "The first group.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("groupB", "The second group.")
            .ResolveSource((c, s) =>
            {
                var a = ActorIds(c, s.Network, "groupA");
                var b = ActorIds(c, s.Network, "groupB");
                if (a.Intersect(b).Any()) throw UserError.BadInput("The two groups must not share actors.", "groupB");
                return EdgeConnectivity.Between(s.Network, a, b);
            });

        Field<NonNullGraphType<WhatIfType>>("whatIf")
            .Description("What would change with these ties built or these actors gone.")
            .Cost(2, CostScale.NetworkSize)
            .Argument<ListGraphType<NonNullGraphType<ProposedTieInputType>>>("addTies", "Ties to imagine built.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("removeActorIds", "Actors to imagine gone.")
            .ResolveSource((c, view) =>
            {
                var s = view.Network;
                var add = (c.GetArgument<List<Dictionary<string, object?>>?>("addTies") ?? []).Select((d, i) =>
                {
                    var f = new InputFields(d);
                    var strength = f.Value<int>("strength") ?? 3;
                    if (strength is < 1 or > 5) throw UserError.BadInput($"addTies[{i}]: 'strength' must be from 1 to 5.", "addTies");
                    return new ProposedTie(InScope(s, GlobalId.Decode(f.String("fromId"), GlobalId.Resource, "addTies")), InScope(s, GlobalId.Decode(f.String("toId"), GlobalId.Resource, "addTies")), strength);
                }).ToList();
                if (add.Any(t => t.FromId == t.ToId)) throw UserError.BadInput("A proposed tie joins an actor to itself.", "addTies");
                return WhatIf.Evaluate(s, add, ActorIds(c, s, "removeActorIds"));
            });

        AddActivityFieldsTo(this);

        Field<NonNullGraphType<NetworkChangeType>>("comparison")
            .Description("The same scope on two days, and what changed between them: evidence of the work done.")
            .Cost(4, CostScale.NetworkSize)
            .Argument<NonNullGraphType<DateOnlyGraphType>>("from", "The first day.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("to", "The second day.")
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateOnly>("from");
                var to = c.GetArgument<DateOnly>("to");
                if (to < from) throw UserError.BadInput("'to' must not be before 'from'.", "to");
                // Each day's figures come from one analysed network, so that its counts and path lengths agree.
                var analyses = c.Service<NetworkAnalyses>();
                var network = c.Source.Network;
                var before = await analyses.ViewAsync(network.Snapshot, network.Scope.At(from), [MetricFamily.Distances], c.CancellationToken);
                var after = await analyses.ViewAsync(network.Snapshot, network.Scope.At(to), [MetricFamily.Distances], c.CancellationToken);
                return NetworkComparison.Compare(before.Of(MetricFamily.Distances), after.Of(MetricFamily.Distances),
                    NetworkSnapshots.HiddenActivities(network.Snapshot, c.Service<Access.RequestCaller>()));
            });
    }

    /// <summary>The most days <c>overTime</c> computes.</summary>
    public const int MaxPoints = 60;

    private static void AddActivityFieldsTo(NetworkNode node)
    {
        node.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkTieType>>>>("ties")
            .Description("The ties in scope on its day (one per tie: several ties of one pair each count), ties projected from activities among them when the scope asks for them: to draw the network, in one answer (ends, type and strength are read from memory, not from the database).")
            .ListOfTies()
            .ResolveSource(s => s.Network.Ties);

        node.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActivityInNetworkType>>>>("activities")
            .Description("The activities held from one day to another with participants in scope, by first day, with what each did for the network of recorded ties.")
            .Cost(2, CostScale.NetworkSize)
            .Argument<DateOnlyGraphType>("from", "The first day (default: the scope's day a year before).")
            .Argument<DateOnlyGraphType>("to", "The last day (default: the scope's day).")
            .ResolveAsync(async c =>
            {
                var view = c.Source!;
                var day = view.Network.Scope.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
                var to = c.GetArgument<DateOnly?>("to") ?? day;
                var from = c.GetArgument<DateOnly?>("from") ?? to.AddYears(-1);
                if (to < from) throw UserError.BadInput("'to' must not be before 'from'.", "to");
                // Measured on the recorded ties: on a network that already holds the projected ties, an activity adds nothing.
                var network = view.Network.Scope.ActivityTies is null ? view.Network
                    : (await c.Service<NetworkAnalyses>().ViewAsync(view.Network.Snapshot, view.Network.Scope with { ActivityTies = null }, [], c.CancellationToken)).Network;
                var hidden = NetworkSnapshots.HiddenActivities(network.Snapshot, c.Service<Access.RequestCaller>());
                return ActivityFigures.Of(network, network.Snapshot.Activities.Where(a => !hidden.Contains(a.Id)), from, to);
            });

        node.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkPointType>>>>("overTime")
            .Description("The network's size and shape on evenly spaced days from one day to another (both included), for charts of its change.")
            .Cost(4, CostScale.NetworkSize)
            .Argument<NonNullGraphType<DateOnlyGraphType>>("from", "The first day.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("to", "The last day.")
            .Argument<IntGraphType>("points", $"How many days (default 10, from 2 to {MaxPoints}; fewer when the period has fewer days).")
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateOnly>("from");
                var to = c.GetArgument<DateOnly>("to");
                if (to < from) throw UserError.BadInput("'to' must not be before 'from'.", "to");
                var points = c.GetArgument("points", 10);
                if (points is < 2 or > MaxPoints) throw UserError.BadInput($"'points' must be from 2 to {MaxPoints}.", "points");
                var span = to.DayNumber - from.DayNumber;
                var days = Enumerable.Range(0, points).Select(i => from.AddDays((int)Math.Round((double)span * i / (points - 1)))).Distinct().ToList();
                var network = c.Source!.Network;
                var analyses = c.Service<NetworkAnalyses>();
                var result = new List<NetworkPoint>();
                foreach (var day in days)
                    result.Add(NetworkPoint.Of((await analyses.ViewAsync(network.Snapshot, network.Scope.At(day), [], c.CancellationToken)).Network));
                return result;
            });
    }

    private static int ActorId(IResolveFieldContext c, ScopedNetwork network, string argument) =>
        InScope(network, GlobalId.Decode(c.GetArgument<string>(argument), GlobalId.Resource, argument));

    private static List<int> ActorIds(IResolveFieldContext c, ScopedNetwork network, string argument) =>
        (c.GetArgument<List<string>?>(argument) ?? []).Select(id => InScope(network, GlobalId.Decode(id, GlobalId.Resource, argument))).Distinct().ToList();

    private static int InScope(ScopedNetwork network, int actorId) =>
        network.Index(actorId) is not null ? actorId
            : throw UserError.NotFound($"Resource '{GlobalId.Encode(GlobalId.Resource, actorId)}' is not in this network's scope.", "id");
}

public static class NetworkQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<NetworkNode>>("network")
            .Description("The network within a scope, analysed: its parts, bridging actors, communities, suggested ties, introduction paths, what-if and change over time.")
            .Argument<NetworkScopeInputType>("scope", "Which part of the network; the whole network when left out.")
            .Cost(2, CostScale.NetworkSize)
            .ResolveAsync(async c => await NetworkScopeInputType.ViewAsync(c));
    }

    /// <summary>Adds <c>metrics(scope)</c> to the resource type.</summary>
    public static void AddMetricsTo(ResourceNode resource)
    {
        resource.Field<ActorMetricsType>("metrics")
            .Description("The resource's place in the network of a scope; null when it is not in that scope (or is closed).")
            .Argument<NetworkScopeInputType>("scope", "Which part of the network; the whole network when left out.")
            .ResolveAsync(async c =>
            {
                var view = await NetworkScopeInputType.ViewAsync(c);
                return view.Network.Index(((Persistence.Model.Resource)c.Source!).Id) is { } v ? new ActorInNetwork(view, v) : null;
            });
    }
}
