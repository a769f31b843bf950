using ResourceMap.Api.Access;

namespace ResourceMap.Api.Tests;

/// <summary>
/// Lists written straight to JSON (<see cref="Execution.DirectWriteExecutionStrategy"/>) must answer byte for byte as
/// GraphQL.NET's own execution does: every query below runs on the same data with the writer on and off, for callers who
/// see different things, and the two responses are compared as text.
/// </summary>
public sealed class DirectWriteTests : IAsyncLifetime
{
    private TestApi _on = null!;
    private TestApi _off = null!;

    public async Task InitializeAsync()
    {
        _on = await TestApi.StartAsync();
        _off = _on.Sharing(new Protection.GraphQLLimits { DirectWrite = false });
    }

    public async Task DisposeAsync()
    {
        await _off.DisposeAsync();
        await _on.DisposeAsync();
    }

    private static readonly Caller Anonymous = new("anonymous", Role.Anonymous, new HashSet<string>());
    private static readonly Caller DaugavpilsWorker = new("city worker", Role.Worker, new HashSet<string> { "Daugavpils" });

    public static TheoryData<string> Queries => new()
    {
        // The map query of the load benchmark: every list of it is written directly.
        "{ resources(first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }",
        // Every field of a resource: persons' contacts depend on the caller, location is a structured scalar, area a batch load.
        """
        { resources(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
            __typename id name kind description latitude longitude locationApproximate location { type coordinates } address
            targetGroups offers needs languages status sensitive createdAt updatedAt version contact { web email phone }
            area { name } locatedIn { name } } } } }
        """,
        // Aliases, fragments, directives with variables and __typename inside the lists.
        """
        query($withTies: Boolean!, $skipKind: Boolean!) {
          all: resources(first: 500, order: [{ name: DESC }]) { nodes { ...basics label: name kind @skip(if: $skipKind)
            ties: relationships @include(if: $withTies) { __typename kind: type since until directed note ends: source { ... on Resource { id } } } } }
        }
        fragment basics on Resource { key: id __typename }
        """,
        // Ties whose ends need loading, neighbours and per-resource metrics (the ordinary path takes what it must).
        "{ resources(first: 500) { nodes { name relationships(activeOn: \"2023-06-01\") { strength source { name kind } target { name area { name } } } neighbours { name } metrics { degree betweenness role } } } }",
        // Lists in the network analysis and in areas.
        """
        { network { actorCount actors { resource { id name } degree betweennessNormalized clustering community actorsCutOff role }
            bridgingActors { resource { name } actorsCutOff groupsCutOff { size resources { name } } }
            isolatedGroups { size resources { id name } } isolatedActors { name }
            communities { members { resources { id } } }
            suggestions(first: 50) { from { id name } to { id } score purpose reasons needsMet { need offer } sharedTargetGroups distanceKm commonNeighbours actorsNewlyReached } }
          areas(first: 50) { nodes { id name kind parent { name } population resourceCount } } }
        """,
        // Coverage lists, with numbers that are floats.
        "{ underServedAreas(targetGroup: \"seniors\", maxDistanceMeters: 1000) { area { name } population nearestResourceDistanceMeters } coverage(targetGroup: \"seniors\", maxDistanceMeters: 2000) { areas { area { name } population accessibilityIndex reachableResources } } }",
        // Introspection: GraphQL.NET's own types and lists.
        "{ __schema { types { kind name description fields(includeDeprecated: true) { name args { name type { kind name ofType { kind name } } defaultValue } type { kind name ofType { kind name ofType { kind name } } } isDeprecated } enumValues { name } } directives { name locations } } }",
        // An argument every item refuses: errors, with their paths, as GraphQL.NET reports them.
        "{ resources(first: 3) { nodes { name distanceMeters(from: { latitude: 100, longitude: 0 }) } } }",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Answers_as_graphql_net_does_for_every_caller(string query)
    {
        var variables = new { withTies = true, skipKind = false };
        foreach (var caller in new[] { TestApi.Admin, Anonymous, DaugavpilsWorker })
        {
            var expected = await _off.ExecuteTextAsync(query, variables, caller);
            var actual = await _on.ExecuteTextAsync(query, variables, caller);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task The_map_query_is_written_directly_and_a_list_with_batch_loads_is_not()
    {
        var writer = _on.DirectWrite ?? throw new Xunit.Sdk.XunitException("the writer should be on by default");
        Assert.Null(_off.DirectWrite);

        var (written, declined) = (writer.ListsWritten, writer.ListsDeclined);
        await _on.DataAsync("{ resources(first: 500) { nodes { id name kind latitude longitude relationships { id type strength source { id } target { id } } } } }");
        // One list, the page of resources, with every tie inside it: nothing left to GraphQL.NET's nodes.
        Assert.Equal((written + 1, declined), (writer.ListsWritten, writer.ListsDeclined));

        // A tie's end with its name is a batch load: the page is declined, and so is every resource's list of ties.
        await _on.DataAsync("{ resources(first: 500) { nodes { name relationships { source { name } } } } }");
        Assert.True(writer.ListsDeclined > declined + 1, $"declined {writer.ListsDeclined - declined}");
    }

    [Fact]
    public async Task A_list_longer_than_a_buffer_chunk_is_written_whole()
    {
        // Every resource's name a hundred times over: the page fills several of the writer's 32 KB chunks, and items
        // begin in one chunk and end in the next.
        var query = "{ resources(first: 500) { nodes { id " + string.Concat(Enumerable.Range(0, 100).Select(i => $"n{i}: name ")) + "} } }";
        var writer = _on.DirectWrite!;
        var written = writer.ListsWritten;
        var actual = await _on.ExecuteTextAsync(query, null, TestApi.Admin);
        Assert.Equal(written + 1, writer.ListsWritten);
        Assert.True(actual.Length > 3 * 32 * 1024, $"the answer has {actual.Length} characters");
        Assert.Equal(await _off.ExecuteTextAsync(query, null, TestApi.Admin), actual);
    }
}
