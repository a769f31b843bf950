using ResourceMap.Api.Protection;

namespace ResourceMap.Api.Tests;

/// <summary>A cold analysis shared by requests: it serves whoever still waits, and stops once nobody does (issue 15).</summary>
public class SharedWorkTests
{
    /// <summary>Work that runs until it is stopped or released, and says whether it was stopped.</summary>
    private sealed class Probe
    {
        public readonly ManualResetEventSlim Release = new();
        public readonly ManualResetEventSlim Started = new();
        public readonly TaskCompletionSource<bool> Stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Run(CancellationToken stop)
        {
            Started.Set();
            while (!Release.Wait(5))
                if (stop.IsCancellationRequested)
                {
                    Stopped.SetResult(true);
                    stop.ThrowIfCancellationRequested();
                }
            Stopped.SetResult(false);
            return 42;
        }
    }

    [Fact]
    public async Task The_work_stops_when_its_only_waiter_gives_up_and_is_not_joined_again()
    {
        var probe = new Probe();
        var work = new SharedWork<int>(probe.Run);
        using var leave = new CancellationTokenSource();
        Assert.True(work.TryJoin(leave.Token, out var wait));
        // Once it runs: work cancelled before its thread starts never runs at all, and the probe could not tell.
        Assert.True(probe.Started.Wait(TimeSpan.FromSeconds(10)));
        leave.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.True(await probe.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(work.TryJoin(CancellationToken.None, out _));
    }

    [Fact]
    public async Task One_waiter_leaving_does_not_stop_the_work_for_another()
    {
        var probe = new Probe();
        var work = new SharedWork<int>(probe.Run);
        using var leave = new CancellationTokenSource();
        Assert.True(work.TryJoin(leave.Token, out var leaving));
        Assert.True(work.TryJoin(CancellationToken.None, out var staying));
        leave.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        probe.Release.Set();
        Assert.Equal(42, await staying.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await probe.Stopped.Task);
    }

    [Fact]
    public async Task Finished_work_answers_every_later_request_even_after_all_have_left()
    {
        var probe = new Probe();
        probe.Release.Set();
        var work = new SharedWork<int>(probe.Run);
        Assert.True(work.TryJoin(CancellationToken.None, out var first));
        Assert.Equal(42, await first.WaitAsync(TimeSpan.FromSeconds(10)));
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.True(work.TryJoin(gone.Token, out var later));
        Assert.Equal(42, await later);
    }
}
