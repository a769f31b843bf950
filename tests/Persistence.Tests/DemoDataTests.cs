using ResourceMap.Persistence.Demo;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Persistence.Tests;

/// <summary>The demo network has the shape the README promises; components are found here by a plain breadth-first search.</summary>
public class DemoDataTests
{
    private static readonly DemoData.DemoSet Demo = DemoData.Build();

    private static List<HashSet<Resource>> Components()
    {
        var neighbours = Demo.Resources.ToDictionary(r => r, _ => new List<Resource>());
        foreach (var t in Demo.Relationships)
        {
            neighbours[t.Source!].Add(t.Target!);
            neighbours[t.Target!].Add(t.Source!);
        }
        var seen = new HashSet<Resource>();
        var components = new List<HashSet<Resource>>();
        foreach (var start in Demo.Resources)
        {
            if (!seen.Add(start)) continue;
            var component = new HashSet<Resource> { start };
            var queue = new Queue<Resource>([start]);
            while (queue.TryDequeue(out var r))
                foreach (var n in neighbours[r])
                    if (seen.Add(n)) { component.Add(n); queue.Enqueue(n); }
            components.Add(component);
        }
        return components.OrderByDescending(c => c.Count).ToList();
    }

    [Fact]
    public void Has_at_least_40_resources_and_60_ties() =>
        Assert.True(Demo.Resources.Count >= 40 && Demo.Relationships.Count >= 60, $"{Demo.Resources.Count} resources, {Demo.Relationships.Count} ties");

    [Fact]
    public void Has_a_main_network_the_isolated_Zoseni_group_and_isolated_actors()
    {
        var components = Components();
        Assert.True(components[0].Count >= 30);
        var zoseni = Assert.Single(components, c => c.Count is > 1 and < 10);
        Assert.All(zoseni, r => Assert.StartsWith("Zosēnu", r.Name));
        var isolated = components.Where(c => c.Count == 1).Select(c => c.Single().Name).ToList();
        Assert.InRange(isolated.Count, 3, 6);
        Assert.Contains("Priekuļu bibliotēka", isolated);
    }

    [Fact]
    public void The_ministry_alone_joins_Cesu_novads_and_Daugavpils()
    {
        var ministry = Demo.Resources.Single(r => r.Name == "Labklājības ministrija");
        var mainBefore = Components()[0].Count;
        var withoutMinistry = Demo.Relationships.Where(t => t.Source != ministry && t.Target != ministry).ToList();
        // Without it, the largest part shrinks to less than two thirds of the main network.
        var parts = new Dictionary<Resource, Resource>();
        Resource Find(Resource r) { while (parts.TryGetValue(r, out var p) && p != r) r = p; return r; }
        foreach (var r in Demo.Resources) parts[r] = r;
        foreach (var t in withoutMinistry) parts[Find(t.Source!)] = Find(t.Target!);
        var largest = Demo.Resources.Where(r => r != ministry).GroupBy(Find).Max(g => g.Count());
        Assert.True(largest < mainBefore * 2 / 3, $"largest part without the ministry: {largest} of {mainBefore}");
    }

    [Fact]
    public void Every_tie_keeps_the_rules()
    {
        Assert.All(Demo.Relationships, t =>
        {
            Assert.NotSame(t.Source, t.Target);
            Assert.InRange(t.Strength, 1, 5);
            if (t.Since is { } since && t.Until is { } until) Assert.True(until >= since);
        });
    }

    [Fact]
    public void No_private_person_has_contact_details_and_all_coordinates_are_approximate_and_in_Latvia()
    {
        Assert.All(Demo.Resources.Where(r => ResourceKinds.IsPerson(r.Kind)), r =>
            Assert.True(r.ContactEmail is null && r.ContactPhone is null && r.ContactWeb is null, r.Name));
        Assert.All(Demo.Resources.Where(r => r.ContactEmail is not null || r.ContactPhone is not null), r => Assert.Fail($"{r.Name} has a personal contact"));
        Assert.All(Demo.Resources.Where(r => r.Latitude is not null), r =>
        {
            Assert.True(r.LocationApproximate, r.Name);
            Assert.InRange(r.Latitude!.Value, 55.6, 58.1);
            Assert.InRange(r.Longitude!.Value, 20.9, 28.3);
        });
    }

    [Fact]
    public void Zoseni_has_the_328_residents_the_seeds_name()
    {
        var zoseni = Demo.Areas.Single(a => a.Name == "Zosēnu pagasts");
        Assert.Equal(328, zoseni.Population.Single(p => p.TargetGroup == "total").Count);
        Assert.True(zoseni.Approximate);
    }
}
