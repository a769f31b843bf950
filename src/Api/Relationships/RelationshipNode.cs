using GraphQL.Types;
using GraphQLParser.AST;
using ResourceMap.Api.Loading;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Resources;
using ResourceMap.Api.Schema;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Relationships;

public sealed class RelationshipNode : ObjectGraphType<Relationship>
{
    /// <summary>The columns each field reads (see <see cref="Projection{T}"/>); fields not listed read the whole row.</summary>
    public static readonly Projection<Relationship> Columns = new(
        [nameof(Relationship.Id), nameof(Relationship.SourceId), nameof(Relationship.TargetId)],
        new Dictionary<string, string[]>
        {
            ["id"] = [],
            ["source"] = [],
            ["target"] = [],
            ["type"] = [nameof(Relationship.Type)],
            ["directed"] = [nameof(Relationship.Directed)],
            ["strength"] = [nameof(Relationship.Strength)],
            ["since"] = [nameof(Relationship.Since)],
            ["until"] = [nameof(Relationship.Until)],
            ["note"] = [nameof(Relationship.Note)],
            ["createdAt"] = [nameof(Relationship.CreatedAt)],
            ["updatedAt"] = [nameof(Relationship.UpdatedAt)],
            ["version"] = [nameof(Relationship.Version)],
        });

    public RelationshipNode()
    {
        Name = "Relationship";
        Description = "A tie between two resources.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Relationship;

        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").ResolveSource(s => GlobalId.Encode(GlobalId.Relationship, s.Id));
        Field<NonNullGraphType<ResourceNode>>("source").Description("The resource the tie starts from (for undirected ties, either end).")
            .ResolveSource((c, s) => End(c, s.SourceId));
        Field<NonNullGraphType<ResourceNode>>("target").Description("The resource the tie leads to.")
            .ResolveSource((c, s) => End(c, s.TargetId));
        Field<NonNullGraphType<RelationshipTypeEnum>>("type").Description("What the tie is.").ResolveSource(s => Boxed.Enum(s.Type));
        Field(t => t.Directed).Description("True when the tie runs from source to target only (funding, referral, mentoring).");
        Field<NonNullGraphType<IntGraphType>>("strength").Description("Strength from 1 (weak) to 5 (strong).").ResolveSource(s => Boxed.Int(s.Strength));
        Field<DateOnlyGraphType>("since").Description("First day of the tie; null when unknown.").ResolveSource(s => s.Since);
        Field<DateOnlyGraphType>("until").Description("Last day of the tie; null while it lasts.").ResolveSource(s => s.Until);
        Field(t => t.Note, nullable: true).Description("A note on the tie.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When the tie was recorded.").ResolveSource(s => s.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("When the tie was last changed.").ResolveSource(s => s.UpdatedAt);
        Field(x => x.Version).Description("1 when created, one more with every change: send it back with an update or delete to refuse to overwrite someone else's change (CONFLICT).");
    }

    /// <summary>
    /// An end of a tie (this type's, or a network's). A map that draws ties asks only for the ends' ids, which the tie
    /// already holds: then no row is read (the ties of 500 resources would otherwise load 500 resources again just to echo
    /// their ids).
    /// </summary>
    public static object End(GraphQL.IResolveFieldContext c, int id) =>
        IdOnly(c.FieldAst.SelectionSet) ? Stub(id) : EndAsRecorded(c.Service<ResourceLoaders>(), id);

    // A resource that holds only its id, made once per id and kept for every request (emptied beyond 50,000, about 15 MB,
    // as a crude bound): each resource is the end of several ties and costs more than a tie. Nothing reads more of a stub
    // than its id, and nothing may write to one: it is shared by every request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Resource> Stubs = new();

    private static Resource Stub(int id)
    {
        if (Stubs.TryGetValue(id, out var stub)) return stub;
        if (Stubs.Count >= 50_000) Stubs.Clear();
        return Stubs.GetOrAdd(id, static key => new Resource { Id = key, Name = "" });
    }

    private static bool IdOnly(GraphQLSelectionSet? selected)
    {
        if (selected is null) return false;
        foreach (var selection in selected.Selections)
            if (selection is not GraphQLField { Name.Value.Span: "id" or "__typename" }) return false;
        return true;
    }

    /// <summary>The end, or, for a tie of an earlier day whose end was deleted since, the end as it was.</summary>
    private static object EndAsRecorded(ResourceLoaders loaders, int id) =>
        new MappedResult<Resource?, object?>(loaders.ById.Load(id), found => found ?? (object)loaders.AsRecorded.Load(id));
}

public sealed class RelationshipTypeEnum : EnumerationGraphType<RelationshipType>
{
    public RelationshipTypeEnum()
    {
        Name = "RelationshipType";
        Description = "What a tie between two resources is.";
        this.Describe(RelationshipType.Cooperation, "They work together.");
        this.Describe(RelationshipType.Membership, "One is a member or part of the other.");
        this.Describe(RelationshipType.Funding, "One funds the other.");
        this.Describe(RelationshipType.Referral, "One refers people to the other.");
        this.Describe(RelationshipType.Volunteering, "One volunteers for the other.");
        this.Describe(RelationshipType.SharedActivity, "They run an activity or event together.");
        this.Describe(RelationshipType.InformationChannel, "One informs the other's people (a chat group, a newsletter).");
        this.Describe(RelationshipType.Mentoring, "One mentors the other.");
        this.Describe(RelationshipType.Venue, "One hosts the other's activities.");
    }
}

public sealed class RelationshipConnectionType : Paging.ConnectionType<RelationshipNode, Relationship>;
