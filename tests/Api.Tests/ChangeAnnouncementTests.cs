using System.Text;
using ResourceMap.Api.Changes;

namespace ResourceMap.Api.Tests;

/// <summary>
/// The messages that tell other instances of a change: within PostgreSQL's NOTIFY limit (a payload shorter than 8,000
/// bytes, as its documentation of NOTIFY says), put together again whole, and never heard by their own sender.
/// </summary>
public sealed class ChangeAnnouncementTests
{
    private static NetworkChange Import(int resources, int ties, int areas) => new(4242, "importSpreadsheet",
        Enumerable.Range(1, resources).Select(i => new ResourceChange(ChangeKind.Created, 100_000 + i, 4242, i % 3 == 0 ? new Changes.Protection(1_000 + i) : null)).ToList(),
        Enumerable.Range(1, ties).Select(i => new TieChange(200_000 + i, [new Changes.Protection(i), new Changes.Protection(null)])).ToList(),
        Enumerable.Range(1, areas).Select(i => 300_000 + i).ToList())
    {
        Activities = Enumerable.Range(1, resources / 2).Select(i => new ActivityChange(400_000 + i, i % 2 == 0 ? new Changes.Protection(2_000 + i) : null)).ToList(),
        Introductions = Enumerable.Range(1, ties / 5).Select(i => new IntroductionChange(500_000 + i, [new Changes.Protection(i)])).ToList(),
    };

    [Fact]
    public void A_large_change_goes_in_parts_under_the_limit_and_arrives_whole_in_any_order()
    {
        var change = Import(resources: 1_000, ties: 2_500, areas: 1_300);
        var messages = new ChangeAnnouncements().Messages(change);
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(Encoding.UTF8.GetByteCount(m) < 8_000, $"{Encoding.UTF8.GetByteCount(m)} bytes"));

        var listener = new ChangeAnnouncements();
        var shuffled = messages.OrderBy(m => m.GetHashCode()).ToList();
        var heard = shuffled.Select(listener.Heard).ToList();
        Assert.All(heard.SkipLast(1), Assert.Null);
        var whole = Assert.IsType<NetworkChange>(heard[^1]);
        Assert.Equal((change.DataVersion, change.Cause), (whole.DataVersion, whole.Cause));
        Assert.Equal(change.Resources, whole.Resources);
        Assert.Equal(change.Relationships.Select(t => (t.RelationshipId, string.Join(",", t.Ends))), whole.Relationships.Select(t => (t.RelationshipId, string.Join(",", t.Ends))));
        Assert.Equal(change.AreaIds, whole.AreaIds);
        Assert.Equal(change.Activities, whole.Activities);
        Assert.Equal(change.Introductions.Select(i => (i.IntroductionId, string.Join(",", i.Ends))), whole.Introductions.Select(i => (i.IntroductionId, string.Join(",", i.Ends))));
    }

    [Fact]
    public void A_small_change_is_one_message_and_its_sender_does_not_hear_it()
    {
        var sender = new ChangeAnnouncements();
        var change = Import(resources: 1, ties: 0, areas: 0);
        var message = Assert.Single(sender.Messages(change));
        Assert.Null(sender.Heard(message));
        Assert.Equal(change.Resources, new ChangeAnnouncements().Heard(message)!.Resources);
        var nothing = new NetworkChange(7, "erasePerson", [], [], []);
        Assert.Equal(7, new ChangeAnnouncements().Heard(Assert.Single(sender.Messages(nothing)))!.DataVersion);
    }
}
