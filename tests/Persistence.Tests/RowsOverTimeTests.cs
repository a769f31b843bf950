using ResourceMap.Persistence.Model;

namespace ResourceMap.Persistence.Tests;

/// <summary>The rows of every day from today's rows and the history, on histories written out by hand.</summary>
public class RowsOverTimeTests
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Lifecycle Record(long id, string entity, int entityId, ChangeAction action, int day) =>
        new(id, entity, entityId, action, March1.AddDays(day - 1));

    private static Resource Resource(int id) => new() { Id = id, Name = $"R{id}" };

    private static Relationship Tie(int id, int source, int target, DateOnly? since = null, DateOnly? until = null) =>
        new() { Id = id, SourceId = source, TargetId = target, Since = since, Until = until };

    [Fact]
    public void A_tie_without_a_first_day_starts_on_the_day_it_was_created()
    {
        var history = new[] { Record(1, "Relationship", 7, ChangeAction.Created, day: 5), Record(2, "Relationship", 7, ChangeAction.Updated, day: 9) };
        var (_, ties) = new RowsOverTime(history).Compose([Resource(1), Resource(2)], [Tie(7, 1, 2), Tie(8, 1, 2, since: new DateOnly(2020, 1, 1))], new Dictionary<long, object>());
        Assert.Equal(new DateOnly(2026, 3, 5), ties.Single(t => t.Row.Id == 7).Since);
        Assert.Equal(new DateOnly(2020, 1, 1), ties.Single(t => t.Row.Id == 8).Since); // a first day given stays
        Assert.All(ties, t => Assert.Null(t.Until));
    }

    [Fact]
    public void A_deleted_row_is_there_until_the_day_before_its_last_deletion_as_that_deletion_recorded_it()
    {
        var history = new[]
        {
            Record(1, "Resource", 3, ChangeAction.Created, day: 1),
            Record(2, "Resource", 3, ChangeAction.Deleted, day: 4),
            Record(3, "Resource", 3, ChangeAction.Created, day: 6), // restored by an undo ...
            Record(4, "Resource", 3, ChangeAction.Deleted, day: 10), // ... and deleted again
            Record(5, "Relationship", 9, ChangeAction.Created, day: 2),
            Record(6, "Relationship", 9, ChangeAction.Deleted, day: 8),
        };
        var recorded = new Dictionary<long, object>
        {
            [4] = new Resource { Id = 3, Name = "Pirms otrās dzēšanas" },
            [6] = Tie(9, 1, 3, until: new DateOnly(2026, 12, 31)),
        };
        var (resources, ties) = new RowsOverTime(history).Compose([Resource(1)], [], recorded);
        var deleted = resources.Single(r => r.Row.Id == 3);
        Assert.Equal("Pirms otrās dzēšanas", deleted.Row.Name);
        Assert.Equal(new DateOnly(2026, 3, 9), deleted.LastDay);
        Assert.Null(resources.Single(r => r.Row.Id == 1).LastDay);
        var tie = Assert.Single(ties);
        Assert.Equal(new DateOnly(2026, 3, 2), tie.Since);
        Assert.Equal(new DateOnly(2026, 3, 7), tie.Until); // the day before its deletion comes before its own last day
        Assert.Equal([4L, 6L], new RowsOverTime(history).LastDeletions((_, _) => false).Select(d => d.ChangeId).Order());
    }

    [Fact]
    public void A_row_created_and_deleted_on_one_day_never_was_and_an_erased_one_is_gone_from_the_past()
    {
        var history = new[]
        {
            Record(1, "Resource", 4, ChangeAction.Created, day: 3),
            Record(2, "Resource", 4, ChangeAction.Deleted, day: 3),
            Record(3, "Resource", 5, ChangeAction.Created, day: 1),
            Record(4, "Resource", 5, ChangeAction.Deleted, day: 2),
            Record(5, "Resource", 5, ChangeAction.Erased, day: 6),
        };
        var recorded = new Dictionary<long, object> { [2] = Resource(4), [4] = Resource(5) };
        var (resources, _) = new RowsOverTime(history).Compose([], [], recorded);
        Assert.Empty(resources);
        Assert.Equal([2L], new RowsOverTime(history).LastDeletions((_, _) => false).Select(d => d.ChangeId));
        Assert.Equal([2L, 4L], new RowsOverTime(history).LastDeletions((_, _) => false, erasedToo: true).Select(d => d.ChangeId).Order());
    }

    [Fact]
    public void A_row_that_is_there_now_is_read_from_its_table_not_from_a_deletion_since_undone()
    {
        var history = new[] { Record(1, "Relationship", 2, ChangeAction.Deleted, day: 2), Record(2, "Relationship", 2, ChangeAction.Created, day: 3) };
        var (_, ties) = new RowsOverTime(history).Compose([], [Tie(2, 1, 5)], new Dictionary<long, object>());
        var tie = Assert.Single(ties);
        Assert.Equal(5, tie.Row.TargetId);
        Assert.Null(tie.Until);
        Assert.Empty(new RowsOverTime(history).LastDeletions((entity, id) => entity == "Relationship" && id == 2));
    }

    [Fact]
    public void A_row_dated_again_after_new_lifecycles_are_taken_in_is_dated_as_from_the_whole_history()
    {
        var before = new[] { Record(1, "Resource", 3, ChangeAction.Created, day: 1), Record(2, "Relationship", 8, ChangeAction.Created, day: 2) };
        var after = new[]
        {
            Record(3, "Resource", 3, ChangeAction.Deleted, day: 5),
            Record(4, "Relationship", 8, ChangeAction.Deleted, day: 5),
            Record(5, "Resource", 6, ChangeAction.Created, day: 7),
            Record(6, "Resource", 6, ChangeAction.Deleted, day: 7),
        };
        var recorded = new Dictionary<long, object> { [3] = Resource(3), [4] = Tie(8, 3, 1), [6] = Resource(6) };
        var grown = new RowsOverTime(before);
        foreach (var lifecycle in after) grown.Add(lifecycle);

        // Resource 3 and tie 8 end the day before their deletion (4 March); resource 6 was undone the day it was made.
        Assert.Equal(new DateOnly(2026, 3, 4), grown.Resource(3, null, recorded)!.LastDay);
        Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4)), grown.Relationship(8, null, recorded) is { } t ? (t.Since, t.Until) : default);
        Assert.Null(grown.Resource(6, null, recorded));
        var whole = new RowsOverTime(before.Concat(after)).Compose([], [], recorded);
        Assert.Equal(whole.Resources.Select(r => (r.Row.Id, r.LastDay)), [(3, grown.Resource(3, null, recorded)!.LastDay)]);
    }
}
