using System.Collections.Concurrent;

namespace ResourceMap.Api.Protection;

/// <summary>
/// Runs tasks on threads of its own at <see cref="OwnThread"/>'s lower priority, one thread per core. A background
/// analysis started here keeps its parallel loops here too (Parallel.For schedules on the current scheduler), so none of
/// its work lands on the thread pool that answers requests.
/// </summary>
public sealed class LowPriorityScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _tasks = [];

    [ThreadStatic] private static LowPriorityScheduler? _ownerOfThisThread;

    private readonly int _threads;

    private readonly int _niceness;

    /// <param name="name">The threads' name.</param>
    /// <param name="threads">How many.</param>
    /// <param name="niceness">Their Unix niceness: 10 by default (as <see cref="OwnThread"/>'s), 19 the lowest.</param>
    public LowPriorityScheduler(string name, int threads, int niceness = 10)
    {
        _threads = threads;
        _niceness = niceness;
        for (var i = 0; i < threads; i++)
            new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" }.Start();
    }

    public override int MaximumConcurrencyLevel => _threads;

    private void Run()
    {
        OwnThread.LowerPriority(_niceness);
        _ownerOfThisThread = this;
        foreach (var task in _tasks.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    protected override void QueueTask(Task task) => _tasks.Add(task);

    // A task waited for on one of these threads may run inline there; from any other thread it waits its turn.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _ownerOfThisThread == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    public void Dispose() => _tasks.CompleteAdding();
}
