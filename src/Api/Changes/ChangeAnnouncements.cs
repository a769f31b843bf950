using System.Text.Json;

namespace ResourceMap.Api.Changes;

/// <summary>
/// Changes told between the server instances that share one PostgreSQL database, as NOTIFY messages on
/// <see cref="Channel"/>: each instance announces its own changes after their commit and hands the others' to its
/// subscribers (<see cref="ChangeListener"/>). A message carries at most 8,000 bytes, so a large change (an import) goes
/// as several parts, put together again on arrival. Caches need no message: every request compares the data version.
/// </summary>
public sealed class ChangeAnnouncements
{
    public const string Channel = "resourcemap_changes";

    /// <summary>Resources, ties, activities or introductions per part: about 80 bytes each as JSON, so a part stays well under the limit.</summary>
    private const int ItemsPerPart = 60;
    private const int AreasPerPart = 600;

    /// <summary>Changes left incomplete (their sender stopped half-way) are forgotten past this many.</summary>
    private const int MaxPending = 64;

    private readonly Guid _instance = Guid.NewGuid();
    private long _sent;
    private readonly Dictionary<(Guid From, long Id), NetworkChange?[]> _pending = [];

    private sealed record Message(Guid From, long Id, int Part, int Parts, NetworkChange Change);

    /// <summary>The messages that announce one change of this instance.</summary>
    public IReadOnlyList<string> Messages(NetworkChange change)
    {
        var empty = change with { Resources = [], Relationships = [], AreaIds = [], Activities = [], Introductions = [] };
        var parts = change.Resources.Chunk(ItemsPerPart).Select(r => empty with { Resources = r })
            .Concat(change.Relationships.Chunk(ItemsPerPart).Select(t => empty with { Relationships = t }))
            .Concat(change.AreaIds.Chunk(AreasPerPart).Select(a => empty with { AreaIds = a }))
            .Concat(change.Activities.Chunk(ItemsPerPart).Select(a => empty with { Activities = a }))
            .Concat(change.Introductions.Chunk(ItemsPerPart).Select(i => empty with { Introductions = i }))
            .DefaultIfEmpty(empty)
            .ToList();
        var id = Interlocked.Increment(ref _sent);
        return parts.Select((part, i) => JsonSerializer.Serialize(new Message(_instance, id, i, parts.Count, part))).ToList();
    }

    /// <summary>The change a message completes, if it completes one of another instance; null otherwise.</summary>
    public NetworkChange? Heard(string payload)
    {
        var message = JsonSerializer.Deserialize<Message>(payload);
        if (message is null || message.From == _instance || message.Parts < 1 || message.Part < 0 || message.Part >= message.Parts) return null;
        if (message.Parts == 1) return message.Change;
        lock (_pending)
        {
            var key = (message.From, message.Id);
            if (!_pending.TryGetValue(key, out var parts))
            {
                if (_pending.Count >= MaxPending) _pending.Clear();
                _pending[key] = parts = new NetworkChange?[message.Parts];
            }
            parts[message.Part] = message.Change;
            if (parts.Any(p => p is null)) return null;
            _pending.Remove(key);
            return parts[0]! with
            {
                Resources = parts.SelectMany(p => p!.Resources).ToList(),
                Relationships = parts.SelectMany(p => p!.Relationships).ToList(),
                AreaIds = parts.SelectMany(p => p!.AreaIds).ToList(),
                Activities = parts.SelectMany(p => p!.Activities).ToList(),
                Introductions = parts.SelectMany(p => p!.Introductions).ToList(),
            };
        }
    }
}
