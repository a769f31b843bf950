using System.Diagnostics;
using BenchmarkDotNet.Running;
using ResourceMap.Bench;
using ResourceMap.Graph;

// `memory` measures the managed heap a large snapshot's analysis structures hold; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "memory")
{
    var vertices = args.Length > 1 ? int.Parse(args[1]) : 100_000;
    var edges = args.Length > 2 ? int.Parse(args[2]) : 500_000;
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var clock = Stopwatch.StartNew();
    var graph = RandomGraphs.Gnm(vertices, edges, seed: 2);
    var built = clock.Elapsed;
    var held = GC.GetTotalMemory(forceFullCollection: true) - before;
    Console.WriteLine($"snapshot of {graph.VertexCount:N0} actors and {graph.EdgeCount:N0} ties: {held / 1024.0 / 1024.0:F1} MB held, built in {built.TotalMilliseconds:F0} ms");
    Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F1} MB");
    GC.KeepAlive(graph);
    return;
}
// `families N M`: how long each metric family takes on G(N, M) with strengths 1–5, one after another, on every core.
if (args.Length > 0 && args[0] == "families")
{
    var vertices = args.Length > 1 ? int.Parse(args[1]) : 30_000;
    var edges = args.Length > 2 ? int.Parse(args[2]) : 100_000;
    var network = RandomGraphs.Network(vertices, edges, seed: 3);
    var clock = Stopwatch.StartNew();
    var structure = new ResourceMap.Graph.Network.ScopedNetwork(network, new ResourceMap.Graph.Network.NetworkScope());
    Console.WriteLine($"G({vertices:N0}, {edges:N0}), {Environment.ProcessorCount} cores");
    Console.WriteLine($"{"structure",-20} {clock.Elapsed.TotalMilliseconds,8:F0} ms");
    foreach (var family in Enum.GetValues<MetricFamily>())
    {
        clock.Restart();
        structure.Family(family).Compute();
        Console.WriteLine($"{family,-20} {clock.Elapsed.TotalMilliseconds,8:F0} ms");
    }
    return;
}
// `activities N M A P`: G(N, M) with A activities of P random participants each, held over the last year: the
// two-mode projection, the structure with and without its ties (the peer in the same run), and every activity's figures.
if (args.Length > 0 && args[0] == "activities")
{
    var vertices = args.Length > 1 ? int.Parse(args[1]) : 30_000;
    var edges = args.Length > 2 ? int.Parse(args[2]) : 100_000;
    var count = args.Length > 3 ? int.Parse(args[3]) : 3_000;
    var size = args.Length > 4 ? int.Parse(args[4]) : 12;
    var random = new Random(5);
    var day = new DateOnly(2026, 12, 1);
    var snapshot = RandomGraphs.Network(vertices, edges, seed: 3);
    snapshot = snapshot with
    {
        Activities = Enumerable.Range(1, count).Select(id => new ResourceMap.Graph.Network.ActivityRecord(id, $"a{id}", day.AddDays(-random.Next(365)), null,
            ResourceMap.Graph.Network.Recurrence.Once, null, false, Enumerable.Range(0, size).Select(_ => snapshot.Actors[random.Next(vertices)].Id).Distinct().ToList())).ToList(),
    };
    var actors = snapshot.Actors.Select(a => a.Id).ToHashSet();
    Console.WriteLine($"G({vertices:N0}, {edges:N0}), {count:N0} activities of {size} participants, {Environment.ProcessorCount} cores");
    var clock = Stopwatch.StartNew();
    var pairs = ResourceMap.Graph.Network.ActivityProjection.Project(snapshot.Activities, day, actors, 365).ToList();
    Console.WriteLine($"{"projection, first",-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms ({pairs.Count:N0} ties)");
    clock.Restart();
    pairs = ResourceMap.Graph.Network.ActivityProjection.Project(snapshot.Activities, day, actors, 365).ToList();
    Console.WriteLine($"{"projection, again",-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms");
    clock.Restart();
    var plain = new ResourceMap.Graph.Network.ScopedNetwork(snapshot, new ResourceMap.Graph.Network.NetworkScope(day));
    var plainMs = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine($"{"structure, recorded ties",-28} {plainMs,8:F0} ms");
    clock.Restart();
    var projected = new ResourceMap.Graph.Network.ScopedNetwork(snapshot, new ResourceMap.Graph.Network.NetworkScope(day, ActivityTies: new()));
    Console.WriteLine($"{"structure, with projected",-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms ({clock.Elapsed.TotalMilliseconds / plainMs:F1}×, {projected.Ties.Count:N0} ties)");
    clock.Restart();
    plain.Family(MetricFamily.Communities).Compute();
    Console.WriteLine($"{"communities (Louvain)",-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms");
    clock.Restart();
    var figures = ResourceMap.Graph.Network.ActivityFigures.Of(plain, snapshot.Activities, day.AddYears(-1), day);
    Console.WriteLine($"{"every activity's figures",-28} {clock.Elapsed.TotalMilliseconds,8:F0} ms ({figures.Count:N0} activities, {figures.Sum(f => f.ActorsJoiningMainNetwork.Count):N0} actors joined)");
    return;
}
// `seed FOLDER [RESOURCES] [TIES]` writes the load benchmark's municipality into an empty SQLite database and prints its
// area id; `seed-postgres CONNECTION [RESOURCES] [TIES]` into an empty PostgreSQL database.
if (args.Length > 1 && args[0] is "seed" or "seed-postgres")
{
    Console.WriteLine(await LoadData.SeedAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 500, args.Length > 3 ? int.Parse(args[3]) : null, postgres: args[0] == "seed-postgres"));
    return;
}
// `within-postgis CONNECTION [RESOURCES]`: a within-2-km query answered by PostGIS beside our in-memory R-tree, same points.
if (args.Length > 1 && args[0] == "within-postgis")
{
    await PostGisWithin.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2]) : 100_000);
    return;
}
// `soak URL TOKEN SERVER_PID [MINUTES] [RATE]`: the reliability benchmark's client (see bench/soak/run.sh).
if (args.Length > 3 && args[0] == "soak")
{
    Environment.ExitCode = await Soak.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3]),
        TimeSpan.FromMinutes(args.Length > 4 ? double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 10),
        args.Length > 5 ? double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
