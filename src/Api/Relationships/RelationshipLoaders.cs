using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Loading;
using ResourceMap.Persistence;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

/// <summary>Per-request batch loaders for ties.</summary>
public sealed class RelationshipLoaders(IDbContextFactory<ResourceMapDbContext> factory)
{
    public BatchLoader<int, Relationship?> ById { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        return await db.Relationships.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (Relationship?)t, ct);
    }, null);

    /// <summary>The ties, or for those deleted since, their values when deleted: for analyses of earlier days.</summary>
    public BatchLoader<int, Relationship?> AsRecorded { get; } = new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        var found = await db.Relationships.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (Relationship?)t, ct);
        foreach (var (id, tie) in await History.Recorded.DeletedAsync(db, ids.Where(id => !found.ContainsKey(id)).ToList(), () => new Relationship(), ct))
            found[id] = tie;
        return found;
    }, null);

    private readonly ConcurrentDictionary<GraphQLField, BatchLoader<int, IReadOnlyList<Relationship>>> _byResource = [];

    /// <summary>
    /// Each resource's ties, in either direction, ordered by id, for one field of the query (every resource of a list
    /// shares the field's selection): reading the columns of the tie fields it selects when it <paramref name="showsTies"/>
    /// (else only the ends), and always the type and dates that its filters read.
    /// </summary>
    public BatchLoader<int, IReadOnlyList<Relationship>> ByResource(GraphQLDocument document, GraphQLField field, bool showsTies)
        => _byResource.TryGetValue(field, out var loader) ? loader : _byResource.GetOrAdd(field, _ =>
        {
            var shown = showsTies ? Selections.Names(Selections.Fields(document, [field.SelectionSet])) : [];
            return TiesOf(RelationshipNode.Columns.For(shown, nameof(Relationship.Type), nameof(Relationship.Since), nameof(Relationship.Until)));
        });

    private BatchLoader<int, IReadOnlyList<Relationship>> TiesOf(Expression<Func<Relationship, Relationship>>? columns) => new(async (ids, ct) =>
    {
        await using var db = factory.CreateDbContext();
        IQueryable<Relationship> query = db.Relationships.AsNoTracking().Where(t => ids.Contains(t.SourceId) || ids.Contains(t.TargetId)).OrderBy(t => t.Id);
        var ties = await (columns is null ? query : query.Select(columns)).ToListAsync(ct);
        var byResource = ids.ToDictionary(id => id, _ => new List<Relationship>());
        foreach (var tie in ties)
        {
            if (byResource.TryGetValue(tie.SourceId, out var fromSource)) fromSource.Add(tie);
            if (tie.TargetId != tie.SourceId && byResource.TryGetValue(tie.TargetId, out var fromTarget)) fromTarget.Add(tie);
        }
        return byResource.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Relationship>)kv.Value);
    }, []);
}
