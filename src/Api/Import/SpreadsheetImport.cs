using ResourceMap.Api.Languages;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Errors;
using ResourceMap.Api.Geo;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Relationships;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Import;

/// <summary>
/// Imports a community's list — a sheet of resources and a sheet of ties — all or nothing: every row goes through the
/// same rules as <c>createResource</c>/<c>updateResource</c> and <c>createRelationship</c>, every problem is collected
/// with its sheet, row and column, and only a list without any is saved, in one transaction (one history batch).
/// A row updates the resource its <c>id</c> or <c>externalId</c> names, else the one of the same name in the same area,
/// else creates one; a tie updates the tie of the same type between the same two resources; so importing a list twice
/// changes nothing the second time. The context must read as the caller (its query filters), who may write only in
/// their municipalities.
/// </summary>
public sealed partial class SpreadsheetImport(ResourceMapDbContext db, RequestCaller caller, SpatialLoader spatial)
{
    /// <summary>How many of one row's values are checked again after a rule refuses one (each refusal drops its field).</summary>
    private const int MaxProblemsPerRow = 20;

    private readonly List<ImportProblem> _problems = [];
    private readonly List<ImportedRow> _rows = [];
    private readonly List<string> _sheets = [];

    public async Task<ImportReport> RunAsync(IReadOnlyList<Table> tables, bool dryRun, CancellationToken ct)
    {
        var resourceSheet = tables.FirstOrDefault(t => ImportColumns.ResourcesSheetNames.Contains(t.Sheet, StringComparer.OrdinalIgnoreCase));
        var tieSheet = tables.FirstOrDefault(t => ImportColumns.TiesSheetNames.Contains(t.Sheet, StringComparer.OrdinalIgnoreCase));
        var activitySheet = tables.FirstOrDefault(t => ImportColumns.ActivitiesSheetNames.Contains(t.Sheet, StringComparer.OrdinalIgnoreCase));
        if (resourceSheet is null && tieSheet is null && activitySheet is null)
            return Refused($"The file has no sheet named {ImportColumns.ResourcesSheet} (or {ImportColumns.ResourcesSheetNames[1]}), {ImportColumns.TiesSheet} (or {ImportColumns.TiesSheetNames[1]}) or {ImportColumns.ActivitiesSheet} (or {ImportColumns.ActivitiesSheetNames[1]}).");

        _sheets.AddRange(new[] { resourceSheet, tieSheet, activitySheet }.OfType<Table>().Select(t => t.Sheet));
        var resourceColumns = resourceSheet is null ? null : Columns(resourceSheet, ImportColumns.Resources, ["name", "kind"]);
        var tieColumns = tieSheet is null ? null : Columns(tieSheet, ImportColumns.Ties, ["source", "target", "type"]);
        var activityColumns = activitySheet is null ? null : Columns(activitySheet, ImportColumns.Activities, ["name", "kind", "startsOn"]);
        if (_problems.Count > 0) return Report(dryRun, null);

        // An import takes the writers' turn before its first read, so that its checks see every other write whole or not
        // at all: on PostgreSQL each statement would otherwise see what committed since the one before.
        await using var transaction = dryRun ? null : await db.BeginWriteTransactionAsync(ct);
        var known = await KnownAsync(ct);
        var imported = resourceSheet is null ? [] : await ResourcesAsync(resourceSheet, resourceColumns!, known, ct);
        var ends = new Ends(known, imported);
        if (tieSheet is not null) await TiesAsync(tieSheet, tieColumns!, ends, ct);
        if (activitySheet is not null) await ActivitiesAsync(activitySheet, activityColumns!, ends, ct);
        if (_problems.Count > 0 || dryRun) return Report(dryRun, null);

        try
        {
            await SaveAsync(ct);
            await transaction!.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Between the checks and the save someone else saved a row of the list (a version) or took an externalId.
            throw new UserError(ErrorCodes.Conflict, "Someone saved a change to the same resources while the list was being imported; nothing was imported. Preview the list again, then import it.");
        }
        return Report(dryRun, db.HistoryBatch, written: true);
    }

    private const int TiesPerSave = 5000;

    /// <summary>
    /// Saves in the import's transaction and one history batch, a part at a time: the resources (and changed ties) first, then the
    /// new ties in parts with the context emptied between, so that the tracked rows and their history are not all in
    /// memory at once (20,000 resources and 40,000 ties saved at once took 600 MB).
    /// </summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        var newTies = db.ChangeTracker.Entries<Relationship>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var tie in newTies) db.Entry(tie).State = EntityState.Detached;
        var activities = HoldActivities();
        db.SavesInOneBatch = true;
        await db.SaveChangesAsync(ct);
        foreach (var tie in newTies)
        {
            // Their ends have their ids now; the ties refer to them by id alone, so that no emptied context re-adds them.
            (tie.SourceId, tie.TargetId) = (tie.Source?.Id ?? tie.SourceId, tie.Target?.Id ?? tie.TargetId);
            (tie.Source, tie.Target) = (null, null);
        }
        foreach (var part in newTies.Chunk(TiesPerSave))
        {
            db.ChangeTracker.Clear();
            db.Relationships.AddRange(part);
            await db.SaveChangesAsync(ct);
        }
        await SaveActivitiesAsync(activities, ct);
    }

    private ImportReport Report(bool dryRun, long? batch, bool written = false) =>
        new(dryRun, _sheets, _rows, _problems.OrderBy(p => p.Sheet).ThenBy(p => p.Row ?? 0).ToList(), written, batch);

    private ImportReport Refused(ref MessageHandler message)
    {
        _problems.Add(new ImportProblem(null, null, null, message.ToMessage()));
        return Report(false, null);
    }

    // ---- Headers ----

    /// <summary>The sheet's columns by name (column → index); unknown, repeated and missing required headers are problems.</summary>
    private Dictionary<string, int> Columns(Table table, Column[] columns, string[] required)
    {
        var found = new Dictionary<string, int>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i];
            if (header.Length == 0) continue;
            if (ImportColumns.Find(columns, header) is not { } column)
                _problems.Add(new(table.Sheet, table.HeaderRow, header, $"Unknown column. The columns are: {string.Join(", ", columns.Select(c => $"{c.Name} ({c.Latvian})"))}."));
            else if (!found.TryAdd(column.Name, i))
                _problems.Add(new(table.Sheet, table.HeaderRow, header, $"A second column for '{column.Name}'; keep one."));
        }
        if (table.Headers.Count == 0) _problems.Add(new(table.Sheet, null, null, $"The sheet is empty: it needs a header row and a row for each entry."));
        else foreach (var name in required.Where(n => !found.ContainsKey(n)))
            _problems.Add(new(table.Sheet, table.HeaderRow, null, $"The column '{name}' ({columns.Single(c => c.Name == name).Latvian}) is missing."));
        return found;
    }

    /// <summary>A row's cells by column name; cells of columns the sheet lacks are absent.</summary>
    private sealed class Cells(Table table, TableRow row, Dictionary<string, int> columns, Column[] definitions)
    {
        public TableRow Row => row;
        public Table Table => table;
        public bool Has(string column) => columns.ContainsKey(column);
        public string this[string column] => columns.TryGetValue(column, out var i) ? row.Cells[i].Trim() : "";
        public string Header(string column) => columns.TryGetValue(column, out var i) ? table.Headers[i] : column;

        /// <summary>A data row that repeats the header, in either language (a second header pasted in).</summary>
        public bool RepeatsHeader => columns.All(c => ImportColumns.Find(definitions, row.Cells[c.Value])?.Name == c.Key);
    }

    private void Problem(Cells cells, string? column, ref MessageHandler message) => Problem(cells, column, message.ToMessage());

    private void Problem(Cells cells, string? column, Message message) =>
        _problems.Add(new(cells.Table.Sheet, cells.Row.Number, column is null ? null : cells.Header(column), message));

    // ---- What is there already ----

    /// <summary>The resources the caller reads (tracked, so that a row updates the same object) and the areas, indexed.</summary>
    private sealed class Known(List<Resource> resources, List<Area> areas)
    {
        public Dictionary<int, Resource> ById { get; } = resources.ToDictionary(r => r.Id);
        public Dictionary<string, Resource> ByExternalId { get; } = resources.Where(r => r.ExternalId is not null).ToDictionary(r => r.ExternalId!, StringComparer.Ordinal);
        public ILookup<(int?, string), Resource> ByAreaAndName { get; } = resources.ToLookup(r => (r.AreaId, ImportColumns.Key(r.Name)));
        public ILookup<string, Area> AreasByName { get; } = areas.ToLookup(a => ImportColumns.Key(a.Name));
        public IEnumerable<Resource> Resources => resources;
    }

    private async Task<Known> KnownAsync(CancellationToken ct) =>
        new(await db.Resources.ToListAsync(ct), await db.Areas.AsNoTracking().ToListAsync(ct));

    // ---- Resources ----

    private sealed record ImportedResource(Cells Cells, Resource Resource, string? ExternalId, string? Id, int? AreaBefore);

    private async Task<List<ImportedResource>> ResourcesAsync(Table table, Dictionary<string, int> columns, Known known, CancellationToken ct)
    {
        var definitions = ImportColumns.Resources;
        var imported = new List<ImportedResource>();
        var byExternalId = new Dictionary<string, int>(StringComparer.Ordinal);
        var byResource = new Dictionary<Resource, int>(ReferenceEqualityComparer.Instance);
        var snapshot = await spatial.CurrentAsync(ct);
        foreach (var row in table.Rows)
        {
            var cells = new Cells(table, row, columns, definitions);
            if (cells.RepeatsHeader)
            {
                Problem(cells, null, $"The row repeats the header: delete it.");
                continue;
            }
            var externalId = cells["externalId"] is { Length: > 0 } e ? e : null;
            if (externalId is not null && !byExternalId.TryAdd(externalId, row.Number))
                Problem(cells, "externalId", $"'{externalId}' is the externalId of row {byExternalId[externalId]} too: each row needs its own.");

            var (resource, creating) = Match(cells, known, snapshot);
            if (resource is null) continue;
            if (!creating && !byResource.TryAdd(resource, row.Number))
            {
                Problem(cells, cells["id"].Length > 0 ? "id" : "name", $"Row {byResource[resource]} is '{resource.Name}' already: one row for each resource.");
                continue;
            }
            var areaBefore = resource.AreaId;
            await ApplyAsync(cells, resource, creating, known, ct);
            if (cells.Has("externalId"))
                try { resource.ExternalId = TextRules.Optional(externalId, "externalId", ResourceMapDbContext.MaxExternalIdLength); }
                catch (UserError error) { Problem(cells, "externalId", error.Text); }

            if (creating) db.Resources.Add(resource);
            imported.Add(new ImportedResource(cells, resource, externalId, cells["id"] is { Length: > 0 } id ? id : null, areaBefore));
        }
        await ExternalIdsFreeAsync(imported, ct);
        db.ChangeTracker.DetectChanges();
        foreach (var r in imported)
        {
            var action = ActionOf(db.Entry(r.Resource).State);
            // Rights matter where something is written: an exported list imported again passes rows it leaves as they are.
            if (action != ImportAction.Unchanged) await RequireWithinAsync(r.Cells, r.AreaBefore, r.Resource.AreaId, action == ImportAction.Created, r.Resource.Name, ct);
            _rows.Add(new(table.Sheet, r.Cells.Row.Number, action, r.Resource.Name));
        }
        return imported;
    }

    private static ImportAction ActionOf(EntityState state) => state switch
    {
        EntityState.Added => ImportAction.Created,
        EntityState.Modified => ImportAction.Updated,
        _ => ImportAction.Unchanged,
    };

    /// <summary>The resource a row updates (its id, its externalId, else its name in its area), or a new one.</summary>
    private (Resource? Resource, bool Creating) Match(Cells cells, Known known, SpatialSnapshot snapshot)
    {
        if (cells["id"] is { Length: > 0 } id)
        {
            int key;
            try { key = GlobalId.Decode(id, GlobalId.Resource, "id"); }
            catch (UserError) { Problem(cells, "id", $"'{id}' is not a ResourceMap id: leave the id an export wrote as it is, or empty for a new row."); return (null, false); }
            if (known.ById.TryGetValue(key, out var byId)) return (byId, false);
            Problem(cells, "id", $"There is no resource with id '{id}' (deleted since the export?): empty the cell to add it again.");
            return (null, false);
        }
        var externalId = cells["externalId"] is { Length: > 0 } e ? e : null;
        if (externalId is not null && known.ByExternalId.TryGetValue(externalId, out var byExternalId)) return (byExternalId, false);

        // A row without a key is the resource of the same name in the same area, unless that one has a key of its own.
        var area = cells["area"].Length > 0
            ? AreaNamed(cells, known, report: false)
            : Number(cells["latitude"]) is { } lat && Number(cells["longitude"]) is { } lon ? snapshot.AreasAt(lat, lon).FirstOrDefault()?.Id : null;
        var same = known.ByAreaAndName[(area, ImportColumns.Key(cells["name"]))].ToList();
        if (same.Count == 1 && (externalId is null || same[0].ExternalId is null)) return (same[0], false);
        return (new Resource { Name = "" }, true);
    }

    /// <summary>The area a row's area cell names, if exactly one has that name.</summary>
    private int? AreaNamed(Cells cells, Known known, bool report)
    {
        var name = cells["area"];
        var areas = known.AreasByName[ImportColumns.Key(name)].ToList();
        if (areas.Count == 1) return areas[0].Id;
        if (report)
        {
            if (areas.Count == 0) Problem(cells, "area", $"There is no area named '{name}'; the areas are the map's boundaries (a parish, a city's neighbourhood, a municipality).");
            else Problem(cells, "area", $"{areas.Count} areas are named '{name}': give the coordinates instead, and the map finds the area.");
        }
        return null;
    }

    /// <summary>The row's values through the mutations' rules.</summary>
    private async Task ApplyAsync(Cells cells, Resource resource, bool creating, Known known, CancellationToken ct)
    {
        var input = ResourceInput(cells, resource, known);
        foreach (var required in new[] { "name", "kind" })
            if ((creating || cells.Has(required)) && cells[required].Length == 0)
                Problem(cells, required, $"The {required} is required.");
        await CheckAllAsync(cells, input, fields => ResourceRules.ApplyAsync(db, spatial, fields, resource, creating, ct));
    }

    /// <summary>
    /// Stand-ins for required values a row lacks or has wrong, once that is a problem: the rules then go on to check the
    /// row's other values (nothing of a list with problems is saved).
    /// </summary>
    private static readonly Dictionary<string, object> StandIns = new()
    {
        ["name"] = "?", ["kind"] = ResourceKind.Other, ["type"] = RelationshipType.Cooperation,
    };

    /// <summary>
    /// Applies the rules until they pass: each value they refuse is a problem at its column (unless that column has one
    /// already) and is dropped (or stood in for), so that one pass finds every problem of the row, not just the first.
    /// </summary>
    private async Task CheckAllAsync(Cells cells, Dictionary<string, object?> input, Func<InputFields, Task> apply, IReadOnlyDictionary<string, object>? standIns = null)
    {
        standIns ??= StandIns;
        foreach (var (field, standIn) in standIns)
            if (input.ContainsKey(field) || Reported(cells, field)) input[field] = input.GetValueOrDefault(field) ?? standIn;
        for (var attempt = 0; attempt < MaxProblemsPerRow; attempt++)
        {
            try
            {
                await apply(new InputFields(input));
                return;
            }
            catch (UserError error)
            {
                var field = error.Data["field"] as string ?? "";
                var column = field switch
                {
                    "location" => "latitude",
                    "areaId" => "area",
                    "targetId" or "sourceId" => "target",
                    _ when field.StartsWith("contact.", StringComparison.Ordinal) => field["contact.".Length..],
                    _ => field,
                };
                if (!Reported(cells, column)) Problem(cells, cells.Has(column) ? column : null, error.Text);
                bool dropped;
                if (field == "location") dropped = input.Remove("latitude") | input.Remove("longitude");
                else if (field.StartsWith("contact.", StringComparison.Ordinal)) dropped = input.Remove("contact");
                else if (standIns.TryGetValue(field, out var standIn))
                {
                    dropped = !Equals(input.GetValueOrDefault(field), standIn);
                    input[field] = standIn;
                }
                else dropped = input.Remove(field);
                if (!dropped) return;
            }
        }
    }

    private bool Reported(Cells cells, string column) =>
        _problems.Any(p => p.Sheet == cells.Table.Sheet && p.Row == cells.Row.Number && p.Column == cells.Header(column));

    /// <summary>The row as a createResource/updateResource input: only the columns the sheet has; cells the rules cannot read are problems.</summary>
    private Dictionary<string, object?> ResourceInput(Cells cells, Resource resource, Known known)
    {
        var input = new Dictionary<string, object?>();
        foreach (var text in new[] { "name", "description", "address" })
            if (cells.Has(text)) input[text] = cells[text].Length == 0 ? null : cells[text];
        if (cells["kind"] is { Length: > 0 } kind)
        {
            if (ImportColumns.Parse(kind, ImportColumns.KindsInLatvian) is { } k) input["kind"] = k;
            else Problem(cells, "kind", $"'{kind}' is no kind. The kinds: {Words(ImportColumns.KindsInLatvian)}.");
        }
        if (cells["status"] is { Length: > 0 } status)
        {
            if (ImportColumns.Parse(status, ImportColumns.StatusesInLatvian) is { } s) input["status"] = s;
            else Problem(cells, "status", $"'{status}' is no status. The statuses: {Words(ImportColumns.StatusesInLatvian)}.");
        }
        if (cells.Has("latitude") || cells.Has("longitude")) Coordinates(cells, input);
        if (cells["area"].Length > 0 && AreaNamed(cells, known, report: true) is { } area) input["areaId"] = GlobalId.Encode(GlobalId.Area, area);
        foreach (var list in new[] { "targetGroups", "offers", "needs", "languages" })
            if (cells.Has(list)) input[list] = cells[list].Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (cells.Has("web") || cells.Has("email") || cells.Has("phone"))
            input["contact"] = new Dictionary<string, object?>
            {
                ["web"] = cells.Has("web") ? cells["web"] : resource.ContactWeb,
                ["email"] = cells.Has("email") ? cells["email"] : resource.ContactEmail,
                ["phone"] = cells.Has("phone") ? cells["phone"] : resource.ContactPhone,
            };
        if (cells.Has("sensitive"))
        {
            if (cells["sensitive"].Length == 0) input["sensitive"] = false;
            else if (ImportColumns.ParseYesNo(cells["sensitive"]) is { } sensitive) input["sensitive"] = sensitive;
            else Problem(cells, "sensitive", $"'{cells["sensitive"]}' is neither yes nor no (jā/nē).");
        }
        return input;
    }

    /// <summary>Latitude and longitude, with a decimal point or comma; a pair that would be in Latvia swapped is named so.</summary>
    private void Coordinates(Cells cells, Dictionary<string, object?> input)
    {
        var (latText, lonText) = (cells["latitude"], cells["longitude"]);
        var lat = Number(latText);
        var lon = Number(lonText);
        if (latText.Length > 0 && lat is null) Problem(cells, "latitude", $"'{latText}' is not a number of degrees (56,95 or 56.95).");
        if (lonText.Length > 0 && lon is null) Problem(cells, "longitude", $"'{lonText}' is not a number of degrees (24,11 or 24.11).");
        if ((latText.Length > 0 && lat is null) || (lonText.Length > 0 && lon is null)) return;
        if (lat is { } a && lon is { } o && !InLatvia(a, o) && InLatvia(o, a))
        {
            Problem(cells, "latitude", $"Latitude {a} and longitude {o} look swapped: Latvia lies at latitude 55.6–58.1 and longitude 20.9–28.3.");
            return;
        }
        input["latitude"] = lat;
        input["longitude"] = lon;
    }

    private static bool InLatvia(double latitude, double longitude) => latitude is >= 55.6 and <= 58.1 && longitude is >= 20.9 and <= 28.3;

    /// <summary>A number written with a decimal point or a decimal comma; null when it is none.</summary>
    private static double? Number(string text) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    private static string Words<T>(IReadOnlyDictionary<T, string> latvian) where T : struct, Enum =>
        string.Join(", ", latvian.Select(p => $"{ImportColumns.English(p.Key)} ({p.Value})"));

    /// <summary>
    /// A row writes in the caller's municipalities: a new one where it is, a changed one where it was and where it goes
    /// (each on its own: a row may not take another municipality's resource or activity into the caller's).
    /// </summary>
    private async Task RequireWithinAsync(Cells cells, int? areaBefore, int? area, bool creating, string what, CancellationToken ct)
    {
        // Where the row's place is wrong already, where it would be is no question of rights yet.
        if (new[] { "area", "latitude", "longitude" }.Any(column => Reported(cells, column))) return;
        try
        {
            if (!creating) await Permissions.RequireWithinAsync(caller, db, [areaBefore], $"'{what}'", ct);
            if (creating || area != areaBefore) await Permissions.RequireWithinAsync(caller, db, [area], $"'{what}'", ct);
        }
        catch (UserError error) { Problem(cells, cells.Has("area") ? "area" : null, error.Text); }
    }

    /// <summary>An externalId that a resource the caller cannot read holds already would break its uniqueness on saving.</summary>
    private async Task ExternalIdsFreeAsync(List<ImportedResource> imported, CancellationToken ct)
    {
        var ids = imported.Where(r => r.Resource.ExternalId is not null).Select(r => r.Resource.ExternalId!).ToList();
        if (ids.Count == 0) return;
        var taken = (await db.Resources.IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.ExternalId!)).Select(r => new { r.Id, r.ExternalId }).ToListAsync(ct))
            .ToDictionary(r => r.ExternalId!, r => r.Id, StringComparer.Ordinal);
        foreach (var row in imported)
            if (row.Resource.ExternalId is { } id && taken.TryGetValue(id, out var holder) && holder != row.Resource.Id)
                Problem(row.Cells, "externalId", $"'{row.Resource.ExternalId}' is the externalId of another resource already; externalIds are unique in the map (prefix yours, e.g. DGV-1).");
    }

    // ---- Ties ----

    private async Task TiesAsync(Table table, Dictionary<string, int> columns, Ends ends, CancellationToken ct)
    {
        var definitions = ImportColumns.Ties;
        var known = ends.Known;
        var existing = (await db.Relationships.ToListAsync(ct)).ToLookup(t => (t.SourceId, t.TargetId, t.Type));
        var seen = new Dictionary<(Resource, Resource, RelationshipType), int>();
        var matched = new HashSet<Relationship>(ReferenceEqualityComparer.Instance);
        var results = new List<(Cells Cells, Relationship Tie)>();
        foreach (var row in table.Rows)
        {
            var cells = new Cells(table, row, columns, definitions);
            if (cells.RepeatsHeader)
            {
                Problem(cells, null, $"The row repeats the header: delete it.");
                continue;
            }
            var source = End(cells, "source", ends);
            var target = End(cells, "target", ends);
            var input = TieInput(cells);
            if (source is not null && ReferenceEquals(source, target)) Problem(cells, "target", $"A resource cannot be tied to itself.");
            if (source is null || target is null || ReferenceEquals(source, target) || input.GetValueOrDefault("type") is not RelationshipType type)
            {
                // Its ends or type are wrong: its other values are checked all the same.
                await CheckAllAsync(cells, input, TieValues(new Relationship(), creating: true));
                continue;
            }
            if (seen.TryGetValue((source, target, type), out var earlier) || seen.TryGetValue((target, source, type), out earlier))
            {
                Problem(cells, "target", $"Row {earlier} is this tie already: one row for each tie.");
                continue;
            }
            seen[(source, target, type)] = row.Number;
            // The tie of this type between these two (either way round when it is undirected) that no other row took.
            var tie = existing[(source.Id, target.Id, type)].Concat(existing[(target.Id, source.Id, type)].Where(t => !t.Directed))
                .FirstOrDefault(t => source.Id != 0 && target.Id != 0 && !matched.Contains(t));
            var creating = tie is null;
            tie ??= new Relationship { Source = source, Target = target };
            matched.Add(tie);
            await CheckAllAsync(cells, input, TieValues(tie, creating));
            if (creating) db.Relationships.Add(tie);
            results.Add((cells, tie));
        }
        db.ChangeTracker.DetectChanges();
        foreach (var (cells, tie) in results)
        {
            var action = ActionOf(db.Entry(tie).State);
            var (source, target) = (tie.Source ?? known.ById.GetValueOrDefault(tie.SourceId), tie.Target ?? known.ById.GetValueOrDefault(tie.TargetId));
            if (action != ImportAction.Unchanged && !caller.IsInsider(source?.AreaId) && !caller.IsInsider(target?.AreaId))
                Problem(cells, null, $"The tie of '{source?.Name}' and '{target?.Name}': neither end is in your municipalities.");
            _rows.Add(new(table.Sheet, cells.Row.Number, action, $"{source?.Name} — {target?.Name}"));
        }
    }

    private static Func<InputFields, Task> TieValues(Relationship tie, bool creating) => fields =>
    {
        RelationshipRules.ApplyValues(fields, tie, creating);
        return Task.CompletedTask;
    };

    /// <summary>What a tie's end may name: a row's externalId or id, a resource's externalId or id, or a name only one resource has.</summary>
    private sealed class Ends(Known known, List<ImportedResource> imported)
    {
        public Dictionary<string, Resource> ByKey { get; } = imported
            .SelectMany(r => new[] { r.ExternalId, r.Id }.OfType<string>().Select(key => (key, r.Resource)))
            .Concat(known.ByExternalId.Select(p => (key: p.Key, Resource: p.Value)))
            .DistinctBy(p => p.key)
            .ToDictionary(p => p.key, p => p.Resource, StringComparer.Ordinal);

        /// <summary>By name as it is after the sheet of resources: renamed and new ones included.</summary>
        public ILookup<string, Resource> ByName { get; } = known.Resources.Concat(imported.Select(r => r.Resource))
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Resource>()
            .ToLookup(r => ImportColumns.Key(r.Name));

        public Known Known => known;
    }

    private Resource? End(Cells cells, string column, Ends ends)
    {
        var text = cells[column];
        if (text.Length == 0)
        {
            Problem(cells, column, $"The {column} is required: a resource's externalId, id or name.");
            return null;
        }
        return Named(cells, column, text, ends);
    }

    /// <summary>The resource a key or name in a cell names; a problem at the column when none or several do.</summary>
    private Resource? Named(Cells cells, string column, string text, Ends ends)
    {
        if (ends.ByKey.TryGetValue(text, out var keyed)) return keyed;
        try
        {
            if (ends.Known.ById.TryGetValue(GlobalId.Decode(text, GlobalId.Resource, column), out var byId)) return byId;
        }
        catch (UserError) { } // not an id: a name
        var named = ends.ByName[ImportColumns.Key(text)].ToList();
        if (named.Count == 1) return named[0];
        if (named.Count == 0) Problem(cells, column, $"No resource in the sheet or on the map is named or keyed '{text}'.");
        else Problem(cells, column, $"{named.Count} resources are named '{text}': write the externalId or id of the one meant.");
        return null;
    }

    /// <summary>The row as a createRelationship input; cells the rules cannot read are problems.</summary>
    private Dictionary<string, object?> TieInput(Cells cells)
    {
        var input = new Dictionary<string, object?>();
        var type = cells["type"];
        if (type.Length == 0) Problem(cells, "type", $"The type is required.");
        else if (ImportColumns.Parse(type, ImportColumns.TypesInLatvian) is { } t) input["type"] = t;
        else Problem(cells, "type", $"'{type}' is no tie type. The types: {Words(ImportColumns.TypesInLatvian)}.");
        if (cells["strength"] is { Length: > 0 } strength)
        {
            if (int.TryParse(strength, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) input["strength"] = s;
            else Problem(cells, "strength", $"'{strength}' is not a whole number from 1 to 5.");
        }
        if (cells.Has("directed"))
        {
            if (cells["directed"].Length == 0) input["directed"] = false;
            else if (ImportColumns.ParseYesNo(cells["directed"]) is { } directed) input["directed"] = directed;
            else Problem(cells, "directed", $"'{cells["directed"]}' is neither yes nor no (jā/nē).");
        }
        foreach (var day in new[] { "since", "until" })
            if (cells.Has(day))
            {
                if (cells[day].Length == 0) input[day] = null;
                else if (Day(cells[day]) is { } date) input[day] = date;
                else Problem(cells, day, $"'{cells[day]}' is not a day: write 2024-05-01 or 01.05.2024.");
            }
        if (cells.Has("note")) input["note"] = cells["note"];
        return input;
    }

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy.", "d.M.yyyy.", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>An ISO day, a Latvian one (01.05.2024, with or without the final point), or a spreadsheet's day number.</summary>
    private static DateOnly? Day(string text)
    {
        if (DateTime.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return DateOnly.FromDateTime(day);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466 && serial == Math.Floor(serial))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        return null;
    }
}
