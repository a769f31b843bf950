using System.Text;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Import;

namespace ResourceMap.Api.Tests;

/// <summary>Population per area from a statistics table, as a planner saves it from the Central Statistical Bureau's site.</summary>
public class PopulationImportTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync();
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<PopulationImport.Result> ImportAsync(string csv)
    {
        var table = CsvTables.Read(Encoding.UTF8.GetBytes(csv), "iedzivotaji", new ImportSettings());
        await using var db = _api.Factory.CreateDbContext();
        return await PopulationImport.ImportAsync(db, table, default);
    }

    private async Task<Dictionary<string, int>> PopulationAsync(string area)
    {
        await using var db = _api.Factory.CreateDbContext();
        return (await db.Areas.Include(a => a.Population).SingleAsync(a => a.Name == area)).Population.ToDictionary(p => p.TargetGroup, p => p.Count);
    }

    [Fact]
    public async Task Counts_are_set_by_area_name_accents_aside_and_an_empty_cell_keeps_what_was_known()
    {
        var before = await PopulationAsync("Cēsu novads");
        // Latvian Excel's CSV: ';' between cells, a space between thousands.
        var result = await ImportAsync("apgabals;total;seniors;jaunieši\nZosenu pagasts;330;96;41\ncēsu novads;40 120;;\n");
        Assert.Equal(new PopulationImport.Result(2, 4), result);
        var zoseni = await PopulationAsync("Zosēnu pagasts");
        Assert.Equal((330, 96, 41), (zoseni["total"], zoseni["seniors"], zoseni["jaunieši"]));
        var cesis = await PopulationAsync("Cēsu novads");
        Assert.Equal(40_120, cesis["total"]);
        Assert.Equal(before["seniors"], cesis["seniors"]); // empty: unchanged
    }

    [Fact]
    public async Task Every_problem_is_reported_by_row_and_column_and_nothing_is_written()
    {
        var before = await _api.SnapshotAsync();
        var refused = await Assert.ThrowsAsync<SpreadsheetException>(() => ImportAsync(
            "apgabals;total;seniors\nZosēnu pagasts;daudz;95\nNekurienes pagasts;10;1\nZosēnu pagasts;328;95\n;5;5\n"));
        Assert.Equal(
        [
            "iedzivotaji, row 2, column total: 'daudz' is not a whole number of people.",
            "iedzivotaji, row 3, column apgabals: There is no area with the code or name 'Nekurienes pagasts'.",
            "iedzivotaji, row 4, column apgabals: 'Zosēnu pagasts' was given on row 2 already.",
            "iedzivotaji, row 5, column apgabals: The area is missing.",
        ], refused.Problems.Select(p => p.ToString()));
        Assert.Equal(before, await _api.SnapshotAsync());
    }
}
