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
