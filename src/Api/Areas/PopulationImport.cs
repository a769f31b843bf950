using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Import;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;
using ResourceMap.Persistence.Search;

namespace ResourceMap.Api.Areas;

/// <summary>
/// Population per area and target group from a statistics table, as the Central Statistical Bureau publishes them: a
/// CSV whose first column names the area — by its register code (ATVK) or by its name, accents aside — and whose other
/// columns are target groups (<c>total</c> for all residents) with whole numbers of people; an empty cell leaves that
/// count as it is. All or nothing: every problem is reported by row and column, and nothing is written unless there is
/// none.
/// </summary>
public static class PopulationImport
{
    public sealed record Result(int Areas, int Counts);

    public static async Task<Result> ImportAsync(ResourceMapDbContext db, Table table, CancellationToken ct)
    {
        var problems = new List<Import.ImportProblem>(); // not the areas' GeoJSON ImportProblem: by row and column
        if (table.Headers.Count < 2 || table.Headers.Skip(1).Any(string.IsNullOrWhiteSpace))
            problems.Add(new(table.Sheet, table.HeaderRow, null, $"The header must name the area column first and a target group over every other column (total, seniors, …)."));
        var groups = table.Headers.Skip(1).Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var twice in groups.GroupBy(g => g).Where(g => g.Key.Length > 0 && g.Count() > 1))
            problems.Add(new(table.Sheet, table.HeaderRow, twice.Key, $"The target group has two columns."));
        if (groups.Any(g => g.Length > 64)) problems.Add(new(table.Sheet, table.HeaderRow, null, $"Target group names have at most 64 characters."));
        if (problems.Count > 0) throw new SpreadsheetException(problems);

        var areas = await db.Areas.Include(a => a.Population).ToListAsync(ct);
        var byCode = areas.Where(a => a.Code is not null).ToDictionary(a => a.Code!);
        var byName = areas.ToLookup(a => TextFolding.Fold(a.Name));
        var counts = new List<(Area Area, string Group, int Count)>();
        var seen = new Dictionary<Area, int>();
        foreach (var row in table.Rows)
        {
            var reference = row.Cells[0].Trim();
            var area = byCode.GetValueOrDefault(reference) ?? (byName[TextFolding.Fold(reference)].ToList() is { Count: 1 } one ? one[0] : null);
            if (area is null)
            {
                var named = byName[TextFolding.Fold(reference)].Count();
                if (reference.Length == 0) problems.Add(new(table.Sheet, row.Number, table.Headers[0], $"The area is missing."));
                else if (named > 1) problems.Add(new(table.Sheet, row.Number, table.Headers[0], $"'{reference}' names {named} areas; give its code (ATVK) instead."));
                else problems.Add(new(table.Sheet, row.Number, table.Headers[0], $"There is no area with the code or name '{reference}'."));
                continue;
            }
            if (seen.TryGetValue(area, out var earlier))
            {
                problems.Add(new(table.Sheet, row.Number, table.Headers[0], $"'{area.Name}' was given on row {earlier} already."));
                continue;
            }
            seen[area] = row.Number;
            for (var i = 1; i < row.Cells.Length; i++)
            {
                var text = row.Cells[i].Trim().Replace(" ", "").Replace("\u00A0", "");
                if (text.Length == 0) continue;
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    problems.Add(new(table.Sheet, row.Number, table.Headers[i], $"'{row.Cells[i]}' is not a whole number of people."));
                else counts.Add((area, groups[i - 1], count));
            }
        }
        if (problems.Count > 0) throw new SpreadsheetException(problems);

        foreach (var (area, group, count) in counts)
        {
            if (area.Population.FirstOrDefault(p => p.TargetGroup == group) is { } known) known.Count = count;
            else area.Population.Add(new AreaPopulation { TargetGroup = group, Count = count });
        }
        await db.SaveChangesAsync(ct);
        return new Result(seen.Count, counts.Count);
    }
}
