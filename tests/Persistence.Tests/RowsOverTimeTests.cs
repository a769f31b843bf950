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
        var (_, ties) = RowsOverTime.Compose([Resource(1), Resource(2)], [Tie(7, 1, 2), Tie(8, 1, 2, since: new DateOnly(2020, 1, 1))], history, new Dictionary<long, object>());
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
        var (resources, ties) = RowsOverTime.Compose([Resource(1)], [], history, recorded);
        var deleted = resources.Single(r => r.Row.Id == 3);
        Assert.Equal("Pirms otrās dzēšanas", deleted.Row.Name);
        Assert.Equal(new DateOnly(2026, 3, 9), deleted.LastDay);
        Assert.Null(resources.Single(r => r.Row.Id == 1).LastDay);
        var tie = Assert.Single(ties);
        Assert.Equal(new DateOnly(2026, 3, 2), tie.Since);
        Assert.Equal(new DateOnly(2026, 3, 7), tie.Until); // the day before its deletion comes before its own last day
        Assert.Equal([4L, 6L], RowsOverTime.LastDeletions(history, (_, _) => false).Select(d => d.ChangeId).Order());
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
        var (resources, _) = RowsOverTime.Compose([], [], history, recorded);
        Assert.Empty(resources);
        Assert.Equal([2L], RowsOverTime.LastDeletions(history, (_, _) => false).Select(d => d.ChangeId));
        Assert.Equal([2L, 4L], RowsOverTime.LastDeletions(history, (_, _) => false, erasedToo: true).Select(d => d.ChangeId).Order());
    }

    [Fact]
    public void A_row_that_is_there_now_is_read_from_its_table_not_from_a_deletion_since_undone()
    {
        var history = new[] { Record(1, "Relationship", 2, ChangeAction.Deleted, day: 2), Record(2, "Relationship", 2, ChangeAction.Created, day: 3) };
        var (_, ties) = RowsOverTime.Compose([], [Tie(2, 1, 5)], history, new Dictionary<long, object>());
        var tie = Assert.Single(ties);
        Assert.Equal(5, tie.Row.TargetId);
        Assert.Null(tie.Until);
        Assert.Empty(RowsOverTime.LastDeletions(history, (entity, id) => entity == "Relationship" && id == 2));
    }
}
