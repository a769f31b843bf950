using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Access;
using ResourceMap.Api.Areas;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

/// <summary>A resource's audience and its reach against its area's population, now or on an earlier day (from the history).</summary>
public static class ResourceReach
{
    public static void AddTo(ResourceNode resource)
    {
        resource.Field<IntGraphType>("audienceCount")
            .Description($"How many people it reaches, when known (members, a chat group's member count); below {Reach.SmallestShown} suppressed (null) for callers outside its municipality.")
            .ResolveSource((c, s) => s.AudienceCount is { } count && Reach.Shown(count, s.AreaId, c.Service<RequestCaller>()) ? count : null);
        resource.Field<StringGraphType>("audienceTargetGroup").Description("Whom audienceCount counts: a target group, or \"total\" for residents of every group.")
            .ResolveSource(s => s.AudienceCount is null ? null : s.AudienceTargetGroup ?? Reach.Total);
        resource.Field<ReachType>("reach")
            .Description("Its audience against the population of its target group in its area (Zosēni's WhatsApp group: 105 of 328 residents, 0.32); null when its audience is not known (on that day).")
            .Argument<DateOnlyGraphType>("on", "The day (UTC) whose audience to measure, from the history; today when left out.")
            .ResolveAsync(async c =>
            {
                var row = (Resource)c.Source!;
                var (count, group) = c.GetArgument<DateOnly?>("on") is { } day
                    ? await AudienceOnAsync(c, row.Id, day)
                    : (row.AudienceCount, row.AudienceTargetGroup);
                if (count is null) return null;
                var area = row.AreaId is { } areaId ? await c.Service<AreaLoaders>().ById.Load(areaId).GetResultAsync(c.CancellationToken) : null;
                return Reach.Of(group ?? Reach.Total, count.Value, row.AreaId, area, c.Service<RequestCaller>());
            });
    }

    /// <summary>The audience the resource had at the end of a day: as its last change by then left it.</summary>
    private static async Task<(int? Count, string? Group)> AudienceOnAsync(IResolveFieldContext c, int id, DateOnly day)
    {
        var end = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = c.Db();
        var after = await db.Changes.AsNoTracking()
            .Where(h => h.Entity == nameof(Resource) && h.EntityId == id && h.At < end)
            .OrderByDescending(h => h.Id).Select(h => h.After).FirstOrDefaultAsync(c.CancellationToken);
        if (after is null) return (null, null);
        var values = JsonDocument.Parse(after).RootElement;
        return (values.TryGetProperty(nameof(Resource.AudienceCount), out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : null,
            values.TryGetProperty(nameof(Resource.AudienceTargetGroup), out var group) && group.ValueKind == JsonValueKind.String ? group.GetString() : null);
    }
}
