using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Activities;

/// <summary>Per-request batch loaders for activities and introductions (the caller's privacy filters apply).</summary>
public sealed class ActivityLoaders(IDbContextFactory<ResourceMapDbContext> factory)
{
    public BatchLoader<int, Activity?> ById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (Activity?)a, ct);
    }, null);

    public BatchLoader<int, Introduction?> IntroductionById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Introductions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (Introduction?)i, ct);
    }, null);
}
