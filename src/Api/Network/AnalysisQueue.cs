using ResourceMap.Api.Protection;
using ResourceMap.Graph;
using ResourceMap.Graph.Network;

namespace ResourceMap.Api.Network;

/// <summary>How soon a background analysis is wanted.</summary>
public enum Urgency
{
    /// <summary>A request waits for it: its scope has no earlier analysis of that family to answer from.</summary>
    Awaited,
    /// <summary>A family in use, for a scope's newest data version; requests meanwhile read the previous one's.</summary>
    Refresh,
    /// <summary>Exact values to replace the estimates of a large network.</summary>
    Refinement,
}

/// <summary>
/// The background analyses, one at a time on low-priority threads of their own (<see cref="LowPriorityScheduler"/>): the
/// most urgent first, and of equal urgency the latest asked for. Refinements, which may take minutes, run in a lane of
/// their own at the lowest priority, so that no analysis a request needs waits behind one. A job whose data version is
/// superseded before it starts is dropped, and one running is cancelled: the newest version wins. A job asked for twice
/// runs once.
/// </summary>
public sealed class AnalysisQueue : IDisposable
{
    private sealed record Job(ScopedNetwork Network, MetricFamily Family, bool Refine, Action<CancellationToken> Work, CancellationToken Superseded)
    {
        public Urgency Urgency { get; set; }
        public long Order { get; set; }
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Jobs run one after another on a scheduler of their own.</summary>
    private sealed class Lane(LowPriorityScheduler threads)
    {
        public readonly LowPriorityScheduler Threads = threads;
        public readonly SemaphoreSlim Signal = new(0);
        public readonly Dictionary<(ScopedNetwork, MetricFamily, bool), Job> Jobs = [];
    }

    private readonly Lane _analyses = new(new LowPriorityScheduler("analysis", Environment.ProcessorCount));
    private readonly Lane _refinements = new(new LowPriorityScheduler("refinement", Environment.ProcessorCount, niceness: 19));
    private readonly ILogger<AnalysisQueue> _log;
    private readonly Lock _gate = new();
    private readonly List<string> _done = [];
    private long _asked;
    private TaskCompletionSource _open = Open();

    public AnalysisQueue(ILogger<AnalysisQueue> log)
    {
        _log = log;
        _ = Task.Run(() => LoopAsync(_analyses));
        _ = Task.Run(() => LoopAsync(_refinements));
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    /// <summary>
    /// Starts no job until the returned handle is disposed (a job running goes on): lets a test see what requests are
    /// answered while the background has not caught up.
    /// </summary>
    public IDisposable Hold()
    {
        lock (_gate)
        {
            if (_open.Task.IsCompleted) _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var held = _open;
            return new Release(() => held.TrySetResult());
        }
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    /// <summary>The families computed so far, with their data versions, oldest first (refinements marked so), for tests.</summary>
    public IReadOnlyList<string> Done
    {
        get { lock (_gate) return _done.ToList(); }
    }

    /// <summary>Queues one family's computation for one network; completes when it has run (or was dropped: then cancelled).</summary>
    /// <param name="network">The network to analyse.</param>
    /// <param name="family">The family to compute.</param>
    /// <param name="refine">True for the exact values that replace a family's estimates.</param>
    /// <param name="urgency">How soon it is wanted; a job asked for again more urgently moves up.</param>
    /// <param name="work">The computation.</param>
    /// <param name="superseded">Cancelled when a newer data version makes the job pointless.</param>
    public Task Enqueue(ScopedNetwork network, MetricFamily family, bool refine, Urgency urgency, Action<CancellationToken> work, CancellationToken superseded)
    {
        var lane = refine ? _refinements : _analyses;
        lock (_gate)
        {
            // Jobs of superseded versions go at once: each holds its network, and a lane busy for a minute would keep
            // one network per edit meanwhile.
            foreach (var stale in lane.Jobs.Where(j => j.Value.Order > 0 && j.Value.Superseded.IsCancellationRequested).ToList())
            {
                lane.Jobs.Remove(stale.Key);
                stale.Value.Done.TrySetCanceled(stale.Value.Superseded);
            }
            if (lane.Jobs.TryGetValue((network, family, refine), out var queued))
            {
                if (urgency < queued.Urgency) queued.Urgency = urgency;
                return queued.Done.Task;
            }
            var job = new Job(network, family, refine, work, superseded) { Urgency = urgency, Order = ++_asked };
            lane.Jobs[(network, family, refine)] = job;
            lane.Signal.Release();
            return job.Done.Task;
        }
    }

    private async Task LoopAsync(Lane lane)
    {
        while (true)
        {
            await lane.Signal.WaitAsync();
            Task open;
            lock (_gate) open = _open.Task;
            await open;
            Job? job;
            lock (_gate)
            {
                job = lane.Jobs.Values.Where(j => j.Order > 0).OrderBy(j => j.Urgency).ThenByDescending(j => j.Order).FirstOrDefault();
                if (job is null) continue; // dropped as superseded
                job.Order = 0; // running
            }
            try
            {
                if (job.Superseded.IsCancellationRequested) job.Done.TrySetCanceled(job.Superseded);
                else
                {
                    await Task.Factory.StartNew(() => job.Work(job.Superseded), job.Superseded, TaskCreationOptions.None, lane.Threads);
                    lock (_gate)
                    {
                        if (_done.Count == 1000) _done.RemoveRange(0, 500);
                        _done.Add($"{job.Family}{(job.Refine ? " refined" : "")} @ {job.Network.Snapshot.Version}");
                    }
                    job.Done.TrySetResult();
                }
            }
            catch (OperationCanceledException)
            {
                job.Done.TrySetCanceled(job.Superseded);
            }
            catch (Exception e)
            {
                _log.LogError(e, "The analysis of {Family} for data version {Version} failed.", job.Family, job.Network.Snapshot.Version);
                job.Done.TrySetException(e);
            }
            finally
            {
                lock (_gate) lane.Jobs.Remove((job.Network, job.Family, job.Refine));
            }
        }
    }

    public void Dispose()
    {
        _analyses.Threads.Dispose();
        _refinements.Threads.Dispose();
    }
}
