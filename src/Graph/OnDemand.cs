namespace ResourceMap.Graph;

/// <summary>A value computed at most once, when first asked for; safe to share between threads.</summary>
public interface IOnDemand
{
    bool IsReady { get; }

    /// <summary>Computes the value unless it is there. A cancelled computation throws and leaves it to the next caller.</summary>
    void Compute(CancellationToken cancellationToken = default);
}

/// <summary>
/// A costly value computed on first use and then shared. Unlike <see cref="Lazy{T}"/>, a computation stopped by its
/// cancellation token is not remembered as the value's fate: the next caller starts it again.
/// </summary>
public sealed class OnDemand<T>(Func<CancellationToken, T> compute) : IOnDemand where T : class
{
    private readonly Lock _gate = new();
    private T? _value;

    public bool IsReady => Volatile.Read(ref _value) is not null;

    /// <summary>The value, computed now on the caller's thread when nobody has yet; callers meanwhile wait for it.</summary>
    public T Get(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _value) is { } value) return value;
        lock (_gate)
        {
            if (_value is null)
            {
                var computed = compute(cancellationToken);
                Volatile.Write(ref _value, computed);
            }
            return _value;
        }
    }

    public void Compute(CancellationToken cancellationToken = default) => Get(cancellationToken);
}
