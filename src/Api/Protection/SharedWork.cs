namespace ResourceMap.Api.Protection;

/// <summary>
/// A long computation that several requests may wait for (a cold network analysis): it runs once, on a thread of its own
/// (<see cref="OwnThread"/>), and is cancelled as soon as no request waits for it any longer — each request's own
/// budget or departure ends only its wait, and the last one to leave stops the work instead of letting it run on for
/// nobody. A cancelled one is never joined again; its owner starts a new one for the next request.
/// </summary>
public sealed class SharedWork<T>
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<T> _task;
    private readonly Lock _gate = new();
    private int _waiters;

    public SharedWork(Func<CancellationToken, T> work) => _task = OwnThread.RunAsync(() => work(_stop.Token), _stop.Token);

    /// <summary>Waits for the result as one more waiter; false when the work was abandoned and a new one is needed.</summary>
    public bool TryJoin(CancellationToken ct, out Task<T> result)
    {
        lock (_gate)
        {
            if (_task.IsCompletedSuccessfully)
            {
                result = _task;
                return true;
            }
            if (_stop.IsCancellationRequested)
            {
                result = Task.FromCanceled<T>(_stop.Token);
                return false;
            }
            _waiters++;
        }
        result = WaitAsync(ct);
        return true;
    }

    private async Task<T> WaitAsync(CancellationToken ct)
    {
        try
        {
            return await _task.WaitAsync(ct);
        }
        finally
        {
            Leave();
        }
    }

    private void Leave()
    {
        lock (_gate)
            if (--_waiters == 0 && !_task.IsCompleted) _stop.Cancel();
    }
}
