using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Tests;

/// <summary>No N+1: the SQL a query sends does not grow with the number of resources it returns.</summary>
public class BatchLoadingTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync(demoData: false);
        await using var db = _api.Factory.CreateDbContext();
        var municipality = new Area { Name = "Novads", Kind = AreaKind.Municipality };
        var parishes = Enumerable.Range(0, 5).Select(i => new Area { Name = $"Pagasts {i}", Kind = AreaKind.Parish, Parent = municipality }).ToList();
        var resources = Enumerable.Range(0, 100).Select(i => new Resource
        {
            Name = $"Resurss {i}", Kind = ResourceKind.Association, Area = parishes[i % 5],
            Latitude = 56.9 + i * 0.001, Longitude = 24.1, TargetGroups = ["seniors"],
        }).ToList();
        foreach (var r in resources) r.RefreshSearchText();
        db.AddRange(parishes);
        db.AddRange(resources);
        await db.SaveChangesAsync();
        // A ring and a chord per resource: 200 ties, each resource in four.
        db.AddRange(Enumerable.Range(0, 100).SelectMany(i => new[]
        {
            new Relationship { SourceId = resources[i].Id, TargetId = resources[(i + 1) % 100].Id, Type = RelationshipType.Cooperation, Strength = 3 },
            new Relationship { SourceId = resources[i].Id, TargetId = resources[(i + 37) % 100].Id, Type = RelationshipType.Referral, Strength = 2 },
        }));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<int> CommandsForAsync(int first)
    {
        const string query = """
            query($first: Int) {
              resources(first: $first) {
                totalCount
                nodes {
                  name
                  area { name parent { name } }
                  relationships { type source { name area { name } } target { name } }
                  neighbours { name }
                  metrics { degree betweenness community }
                }
              }
            }
            """;
        await _api.DataAsync(query, new { first }); // warm the per-version network cache, which is shared by requests
        _api.Sql.Reset();
        var data = await _api.DataAsync(query, new { first });
        Assert.Equal(first, data.GetProperty("resources").GetProperty("nodes").GetArrayLength());
        Assert.Equal(4, data.GetProperty("resources").GetProperty("nodes")[0].GetProperty("relationships").GetArrayLength());
        return _api.Sql.Commands.Count;
    }

    [Fact]
    public async Task A_hundred_resources_with_ties_areas_and_metrics_take_a_few_commands_as_do_ten()
    {
        var hundred = await CommandsForAsync(100);
        var ten = await CommandsForAsync(10);
        Assert.Equal(ten, hundred);
        // Today 8: count, page, the ties of 'relationships' and of 'neighbours' (each loaded ahead for the page), data
        // version (metrics), areas, the ties' ends and the neighbours, parent areas.
        Assert.InRange(hundred, 1, 8);
    }
}
