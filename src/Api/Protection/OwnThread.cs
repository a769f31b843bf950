using System.Runtime.InteropServices;

namespace ResourceMap.Api.Protection;

/// <summary>
/// Runs a long computation (a coverage grid, a placement, a cold network analysis) on a thread of its own, at a lower
/// priority than the threads answering requests. The thread pool starts with one thread per core and adds more only
/// slowly when all are busy, so on a small machine a few seconds of analysis held every pool thread and an ordinary
/// request queued behind them for 100 ms and more; and at equal priority the analysis took half the processor from a
/// worker's one-row write. bench/abuse measured both.
/// </summary>
public static class OwnThread
{
    /// <summary>The Unix niceness of an analysis thread: 0 is a request's, 19 the lowest; 10 leaves it about a tenth of a busy core.</summary>
    private const int Niceness = 10;

    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken ct) =>
        Task.Factory.StartNew(() =>
        {
            LowerPriority();
            return work();
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Thread.Priority does nothing on Linux, where a thread's niceness is its own (setpriority with its thread id);
    /// lowering it needs no privilege. The thread ends with the computation, so no pool thread is left slowed.
    /// </summary>
    internal static void LowerPriority(int niceness = Niceness)
    {
        if (OperatingSystem.IsLinux()) _ = SetPriority(0, GetThreadId(), niceness);
    }

    // DllImport, not LibraryImport: its source generator needs unsafe code, and two int calls need no marshalling.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
