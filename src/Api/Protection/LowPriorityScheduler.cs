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

    public LowPriorityScheduler(string name, int threads)
    {
        _threads = threads;
        for (var i = 0; i < threads; i++)
            new Thread(Run) { IsBackground = true, Name = $"{name} {i + 1}" }.Start();
    }

    public override int MaximumConcurrencyLevel => _threads;

    private void Run()
    {
        OwnThread.LowerPriority();
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
