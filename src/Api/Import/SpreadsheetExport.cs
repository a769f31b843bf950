using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Network;
using ResourceMap.Graph;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Import;

/// <summary>
/// What the caller may read, as the import template: the resources (each with its id, so that the edited workbook
/// imported again updates them in place), the ties among them, the activities of the area, and a sheet of each actor's
/// place in the network in words and numbers. The context reads as the caller (sensitive resources they may not see are left out); a person's
/// address and contacts are left empty for those outside their municipality, as the API hides them.
/// </summary>
public sealed class SpreadsheetExport(ResourceMapDbContext db, RequestCaller caller, NetworkSnapshots networks, NetworkAnalyses analyses)
{
    /// <param name="areaId">Only resources in this area (and the areas inside it); null for all.</param>
    /// <param name="day">Only the ties valid on this day, and the network as it was then; null for every tie and today's network.</param>
    /// <param name="latvian">Sheet names, headers and words in Latvian, else in English.</param>
    /// <param name="ct">Stops the reading and the analysis when the client leaves.</param>
    public async Task<IReadOnlyList<SheetToWrite>> SheetsAsync(int? areaId, DateOnly? day, bool latvian, CancellationToken ct)
    {
        var (resources, ties) = await RowsAsync(areaId, day, latvian, ct);
        var template = ImportTemplate.Sheets(latvian);
        var sheets = new List<SheetToWrite>
        {
            template[1] with { Rows = [template[1].Rows[0], .. resources] },
            template[2] with { Rows = [template[2].Rows[0], .. ties] },
            template[3] with { Rows = [template[3].Rows[0], .. await ActivityRowsAsync(areaId, latvian, ct)] },
            await MetricsAsync(areaId, day, latvian, ct),
            template[4],
        };
        return sheets;
    }

    /// <summary>
    /// The activities of the area (or all) the caller may read, in the template's column order; their resources named by
    /// externalId, else id. A participant the caller may not read (sensitive, outside their municipalities) is left out.
    /// </summary>
    private async Task<List<IReadOnlyList<string>>> ActivityRowsAsync(int? areaId, bool latvian, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name, a.ParentId }).ToListAsync(ct);
        var names = areas.ToDictionary(a => a.Id, a => a.Name);
        var within = areaId is { } id ? AreaTree.SelfAndDescendants(areas.Select(a => (a.Id, a.ParentId)), id) : null;
        var activities = (await db.Activities.AsNoTracking().OrderBy(a => a.StartsOn).ThenBy(a => a.Id).ToListAsync(ct))
            .Where(a => within is null || (a.AreaId is { } area && within.Contains(area))).ToList();
        var named = activities.SelectMany(a => a.Participants.Select(p => p.ResourceId).Append(a.VenueId ?? 0)).Distinct().ToList();
        var keys = (await db.Resources.AsNoTracking().Where(r => named.Contains(r.Id)).Select(r => new { r.Id, r.ExternalId }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => r.ExternalId ?? GlobalId.Encode(GlobalId.Resource, r.Id));
        string Named(Activity a, ParticipantRole role) => string.Join("; ", a.Participants.Where(p => p.Role == role && keys.ContainsKey(p.ResourceId)).Select(p => keys[p.ResourceId]));
        string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return activities.Select(a => (IReadOnlyList<string>)
        [
            GlobalId.Encode(GlobalId.Activity, a.Id), a.ExternalId ?? "", a.Name, ImportColumns.Word(a.Kind, latvian), Day(a.StartsOn), Day(a.EndsOn),
            ImportColumns.Word(a.Recurrence, latvian), a.VenueId is { } venue ? keys.GetValueOrDefault(venue, "") : "",
            a.AreaId is { } area ? names.GetValueOrDefault(area, "") : "",
            Named(a, ParticipantRole.Organiser), Named(a, ParticipantRole.Partner), Named(a, ParticipantRole.Participant),
            // Counts only for those who may read them, as the API answers them: all or none.
            string.Join("; ", a.Attendance.Select(x => $"{x.TargetGroup}: {(Activities.Reach.Shown(a, caller) ? x.Count.ToString(CultureInfo.InvariantCulture) : SpreadsheetImport.Suppressed)}")),
            ImportColumns.Word(a.Sensitive, latvian), a.Note ?? "",
        ]).ToList();
    }

    /// <summary>The resources' and ties' rows, in the template's column order.</summary>
    public async Task<(List<IReadOnlyList<string>> Resources, List<IReadOnlyList<string>> Ties)> RowsAsync(int? areaId, DateOnly? day, bool latvian, CancellationToken ct)
    {
        var rows = await ReadAsync(areaId, day, ct);
        var keys = rows.Resources.ToDictionary(r => r.Id, r => r.ExternalId ?? GlobalId.Encode(GlobalId.Resource, r.Id));
        return (rows.Resources.Select(r => ResourceRow(r, rows, latvian)).ToList(), rows.Ties.Select(t => TieRow(t, keys, latvian)).ToList());
    }

    /// <summary>
    /// What every export of resources and ties writes, as the caller may read it: the resources of the area (and the
    /// areas inside it) or all, the ties among them (of the day, or all), and each area's name.
    /// </summary>
    public async Task<ExportRows> ReadAsync(int? areaId, DateOnly? day, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Select(a => new { a.Id, a.Name, a.ParentId, a.Kind }).ToListAsync(ct);
        var within = areaId is { } id ? AreaTree.SelfAndDescendants(areas.Select(a => (a.Id, a.ParentId)), id) : null;
        var resources = (await db.Resources.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct))
            .Where(r => within is null || (r.AreaId is { } a && within.Contains(a))).ToList();
        var kept = resources.Select(r => r.Id).ToHashSet();
        var ties = (await db.Relationships.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct))
            .Where(t => kept.Contains(t.SourceId) && kept.Contains(t.TargetId) && (day is null || t.IsActiveOn(day.Value))).ToList();
        return new ExportRows(resources, ties, areas.ToDictionary(a => a.Id, a => a.Name), caller)
        {
            Municipalities = AreaTree.MunicipalityOf(areas.Select(a => (a.Id, a.ParentId, a.Kind)).ToList()),
        };
    }

    private static IReadOnlyList<string> ResourceRow(Resource r, ExportRows rows, bool latvian)
    {
        var hidden = rows.PersonalDataHidden(r);
        return
        [
            GlobalId.Encode(GlobalId.Resource, r.Id), r.ExternalId ?? "", r.Name, ImportColumns.Word(r.Kind, latvian), r.Description ?? "",
            hidden ? "" : r.Address ?? "",
            r.Latitude?.ToString("R", CultureInfo.InvariantCulture) ?? "", r.Longitude?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            r.AreaId is { } area ? rows.AreaNames.GetValueOrDefault(area, "") : "",
            string.Join("; ", r.TargetGroups), string.Join("; ", r.Offers), string.Join("; ", r.Needs), string.Join("; ", r.Languages),
            ImportColumns.Word(r.Status, latvian),
            hidden ? "" : r.ContactWeb ?? "", hidden ? "" : r.ContactEmail ?? "", hidden ? "" : r.ContactPhone ?? "",
            ImportColumns.Word(r.Sensitive, latvian),
        ];
    }

    private static IReadOnlyList<string> TieRow(Relationship t, Dictionary<int, string> keys, bool latvian) =>
    [
        keys[t.SourceId], keys[t.TargetId], ImportColumns.Word(t.Type, latvian), t.Strength.ToString(CultureInfo.InvariantCulture),
        ImportColumns.Word(t.Directed, latvian), t.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        t.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", t.Note ?? "",
    ];

    /// <summary>Each actor's place in the network (as the network query computes it for the same scope), for a worker's own reports.</summary>
    private async Task<SheetToWrite> MetricsAsync(int? areaId, DateOnly? day, bool latvian, CancellationToken ct)
    {
        var snapshot = await networks.CurrentAsync(ct);
        var scope = await networks.ScopeAsync(snapshot, areaId, day, null, null, caller, ct);
        var view = await analyses.ViewAsync(snapshot, scope, [MetricFamily.Betweenness, MetricFamily.Clustering, MetricFamily.Distances], ct);
        var network = view.Network;
        var analysis = network.Analysis;
        string Metric(MetricFamily family, int v, Func<NetworkAnalysis, int, double> read) => Round(view.Value(family, v, (n, u) => read(n.Analysis, u), 0.0));
        var main = network.MainNetwork.ActorIds.ToHashSet();
        var rows = new List<IReadOnlyList<string>>
        {
            latvian
                ? ["id", "nosaukums", "loma tīklā", "saites", "starpniecība (0–1)", "partneru savstarpējās saites (0–1)", "tuvums (0–1)"]
                : ["id", "name", "role in the network", "ties", "betweenness (0–1)", "clustering (0–1)", "closeness (0–1)"],
        };
        for (var v = 0; v < network.Actors.Count; v++)
        {
            var actor = network.Actors[v];
            var role = analysis.IsArticulationPoint[v] ? (latvian ? "savienotājs: bez tā daļa tīkla tiktu nošķirta" : "bridging: without it part of the network is cut off")
                : analysis.Degree[v] == 0 ? (latvian ? "bez saitēm" : "without ties")
                : main.Contains(actor.Id) ? (latvian ? "galvenajā tīklā" : "in the main network")
                : (latvian ? "nošķirtas grupas dalībnieks" : "in an isolated group");
            rows.Add([
                GlobalId.Encode(GlobalId.Resource, actor.Id), actor.Name, role, analysis.Degree[v].ToString(CultureInfo.InvariantCulture),
                Metric(MetricFamily.Betweenness, v, (a, u) => a.BetweennessNormalized[u]),
                Metric(MetricFamily.Clustering, v, (a, u) => a.Clustering[u]),
                Metric(MetricFamily.Distances, v, (a, u) => a.Closeness[u]),
            ]);
        }
        return new SheetToWrite(latvian ? "Rādītāji" : "Metrics", rows) { Numbers = new HashSet<int> { 3, 4, 5, 6 } };
    }

    /// <summary>The scope's network for GEXF and GraphML (<see cref="NetworkFile"/>).</summary>
    public async Task<NetworkFile> NetworkAsync(int? areaId, DateOnly? day, IReadOnlyList<RelationshipType>? types, CancellationToken ct)
    {
        var areaNames = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return await NetworkFile.ReadAsync(networks, analyses, caller, areaNames, areaId, day, types, ct);
    }

    private static string Round(double value) => Math.Round(value, 4).ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The rows an export writes, read as <see cref="Caller"/> may read them.</summary>
public sealed record ExportRows(List<Resource> Resources, List<Relationship> Ties, IReadOnlyDictionary<int, string> AreaNames, RequestCaller Caller)
{
    /// <summary>Each area's municipality (<see cref="AreaTree.MunicipalityOf"/>), by area id.</summary>
    public IReadOnlyDictionary<int, int> Municipalities { get; init; } = new Dictionary<int, int>();

    /// <summary>The name of the municipality (or state city) an area lies in; null above that level.</summary>
    public string? MunicipalityOf(int areaId) => Municipalities.TryGetValue(areaId, out var municipality) ? AreaNames.GetValueOrDefault(municipality) : null;

    /// <summary>A person's address, contacts and place are for insiders of their municipality only (GDPR: volunteers, leaders).</summary>
    public bool PersonalDataHidden(Resource r) => ResourceKinds.IsPerson(r.Kind) && !Caller.IsInsider(r.AreaId);
}
