using GraphQL;
using ResourceMap.Api.Access;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Network;
using ResourceMap.Graph;
using ResourceMap.Graph.Network;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Import;

/// <summary>
/// An actor as network files (GEXF, GraphML) carry it, named by its global id: its place (left out for a person outside
/// the caller's municipalities: a volunteer's place may be their home), target groups, degree, betweenness normalised
/// 0 to 1 (networkx's default), community, role as the API's <c>NetworkRole</c> names it (BRIDGING_ACTOR, …), and the
/// last day of an actor deleted since (null while it is there).
/// </summary>
public sealed record NetworkFileNode(string Id, string Label, string Kind, string? Area, double? Latitude, double? Longitude,
    IReadOnlyList<string> TargetGroups, int Degree, double Betweenness, int Community, string Role, DateOnly? Until);

/// <summary>A tie as network files carry it, with the days it was valid (open when null).</summary>
public sealed record NetworkFileEdge(string Id, string Source, string Target, string Type, int Strength, bool Directed, DateOnly? Since, DateOnly? Until);

/// <summary>
/// The network of a scope as files for Gephi, Cytoscape, yEd and networkx carry it: the actors the caller may read (the
/// same rule as the <c>network</c> query: sensitive ones only for insiders), their metrics on the day analysed, and the
/// ties among them — on that day only when a day is asked for, else every tie of every day with its first and last
/// day, so that a timeline plays the network's growth.
/// </summary>
public sealed record NetworkFile(IReadOnlyList<NetworkFileNode> Nodes, IReadOnlyList<NetworkFileEdge> Edges, DateOnly Day, long Version)
{
    /// <summary>
    /// The file's content for <paramref name="caller"/>: actors of an area (and the areas inside it) or all, ties of some
    /// types or all, and with a day only the ties valid on it and the metrics of that day (else every tie and today's).
    /// </summary>
    public static async Task<NetworkFile> ReadAsync(NetworkSnapshots snapshots, NetworkAnalyses analyses, RequestCaller caller,
        IReadOnlyDictionary<int, string> areaNames, int? areaId, DateOnly? day, IReadOnlyList<RelationshipType>? types, CancellationToken ct)
    {
        var snapshot = await snapshots.CurrentAsync(ct);
        var analysedDay = day ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var scope = await snapshots.ScopeAsync(snapshot, areaId, analysedDay, null, types, caller, ct);
        var view = await analyses.ViewAsync(snapshot, scope, [MetricFamily.Betweenness, MetricFamily.Communities], ct);
        var network = view.Network;
        var nodes = network.Actors.Select((actor, v) =>
        {
            var metrics = new ActorInNetwork(view, v);
            var placeHidden = ResourceKinds.IsPerson(Enum.Parse<ResourceKind>(actor.Kind)) && !caller.IsInsider(actor.AreaId);
            return new NetworkFileNode(GlobalId.Encode(GlobalId.Resource, actor.Id), actor.Name, actor.Kind.ToConstantCase(),
                actor.AreaId is { } area ? areaNames.GetValueOrDefault(area) : null,
                placeHidden ? null : actor.Latitude, placeHidden ? null : actor.Longitude, actor.TargetGroups,
                metrics.Structure.Degree[v], metrics.Metric(MetricFamily.Betweenness, (a, u) => a.BetweennessNormalized[u], 0.0),
                metrics.Metric(MetricFamily.Communities, (a, u) => a.CommunityOf[u], -1), metrics.Role.ToString().ToConstantCase(), actor.Until);
        }).ToList();
        var ties = day is null
            ? (scope with { AsOf = null }).Apply(snapshot).Ties.Where(t => network.IndexOf.ContainsKey(t.SourceId) && network.IndexOf.ContainsKey(t.TargetId))
            : network.Ties;
        var edges = ties.Select(t => new NetworkFileEdge(GlobalId.Encode(GlobalId.Relationship, t.Id), GlobalId.Encode(GlobalId.Resource, t.SourceId),
            GlobalId.Encode(GlobalId.Resource, t.TargetId), t.Type.ToConstantCase(), t.Strength, t.Directed, t.Since, t.Until)).ToList();
        return new NetworkFile(nodes, edges, analysedDay, view.AnalysedVersion);
    }
}
