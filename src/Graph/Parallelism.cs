namespace ResourceMap.Graph;

/// <summary>How the all-pairs searches spread over threads.</summary>
internal static class Parallelism
{
    /// <summary>
    /// Parallel loops on the caller's task scheduler: Parallel.For otherwise hands its parts to the thread pool, so an
    /// analysis started on low-priority threads of its own ran half its work at the pool's normal priority, and two
    /// analyses in separate lanes queued behind each other in the pool (issue 18's scale benchmark).
    /// </summary>
    public static ParallelOptions Options(int maxThreads, CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = maxThreads,
        CancellationToken = cancellationToken,
        TaskScheduler = TaskScheduler.Current,
    };
}
