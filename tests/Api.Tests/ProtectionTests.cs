using ResourceMap.Api.Protection;

namespace ResourceMap.Api.Tests;

/// <summary>Each limit refuses its operation with its own code, and (but for the timeout) before anything is read.</summary>
public class ProtectionTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync();
    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task AssertRefusedBeforeWorkAsync(string query, string code, object? variables = null)
    {
        _api.Sql.Reset();
        var response = await _api.ExecuteAsync(query, variables);
        Assert.Equal(code, response.Code());
        Assert.False(response.TryGetProperty("data", out _), "no data: the operation never ran");
        Assert.Empty(_api.Sql.Commands);
    }

    [Fact]
    public async Task Too_deep_a_query_is_refused()
    {
        // 16 levels of neighbours below resources.nodes: deeper than the default 15.
        var query = "{ resources { nodes { " + string.Concat(Enumerable.Repeat("neighbours { ", 16)) + "name" + new string('}', 16) + " } } }";
        await AssertRefusedBeforeWorkAsync(query, "QUERY_TOO_DEEP");
    }

    private static string Neighbours(int levels) =>
        "{ resources(first: 500) { nodes { " + string.Concat(Enumerable.Repeat("neighbours { ", levels)) + "name" + new string('}', levels) + " } } }";

    [Fact]
    public async Task Too_costly_a_query_is_refused_for_the_role_that_sends_it()
    {
        // By hand: name 1; each level of neighbours (a list of 5 by default) 1 + 5 × the level below; the page's nodes
        // 1 + 500 × that; resources 1 + the nodes. Five levels: 6, 31, 156, 781, 3,906 → 1 + 500 × 3,906 + 1 = 1,953,002.
        var anonymous = new Access.Caller(null, Access.Role.Anonymous, new HashSet<string>());
        var worker = new Access.Caller("w", Access.Role.Worker, new HashSet<string> { "Daugavpils" });
        _api.Sql.Reset();
        var refused = await _api.ExecuteAsync(Neighbours(5), caller: anonymous);
        Assert.Equal("QUERY_TOO_COMPLEX", refused.Code());
        Assert.StartsWith("The operation costs 1,953,002; without signing in at most 1,000,000", refused.Message());
        Assert.Empty(_api.Sql.Commands);
        // A worker's limit (3,000,000) allows it; six levels (1 + 500 × 19,531 + 1 = 9,765,502) are past an admin's (5,000,000).
        await _api.DataAsync(Neighbours(5), caller: worker);
        await AssertRefusedBeforeWorkAsync(Neighbours(6), "QUERY_TOO_COMPLEX");
        Assert.StartsWith("The operation costs 9,765,502;", (await _api.ExecuteAsync(Neighbours(6))).Message());
    }

    [Fact]
    public async Task A_typical_map_query_is_well_within_the_limits()
    {
        var data = await _api.DataAsync("{ resources(first: 500) { totalCount nodes { id name kind location { coordinates } area { name } relationships { type strength source { id } target { id } } } } }");
        Assert.Equal(43, data.GetProperty("resources").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_list_of_the_networks_actors_or_ties_is_priced_as_long_as_the_network_is()
    {
        // By hand: network 2 per actor and tie (its @cost), then the list 1 + its length × degree or strength 1. The
        // demo's network is every resource and every tie (none is closed), whatever the scope's day.
        var counts = await _api.DataAsync("{ resources { totalCount } relationships { totalCount } }");
        var (actors, ties) = (counts.GetProperty("resources").GetProperty("totalCount").GetInt32(), counts.GetProperty("relationships").GetProperty("totalCount").GetInt32());
        Assert.True(ties > actors); // else the two prices could not tell which length each list is priced at
        await using var api = await TestApi.StartAsync(limits: new GraphQLLimits { MaxCost = new RoleLimits { Anonymous = 1, Viewer = 1, Worker = 1, Admin = 1 } });
        Assert.StartsWith($"The operation costs {2 * (actors + ties) + 1 + actors};", (await api.ExecuteAsync("{ network { actors { degree } } }")).Message());
        Assert.StartsWith($"The operation costs {2 * (actors + ties) + 1 + ties};", (await api.ExecuteAsync("{ network { ties { strength } } }")).Message());
    }

    [Fact]
    public async Task Too_large_a_page_is_refused_inline_and_as_a_variable()
    {
        await AssertRefusedBeforeWorkAsync("{ resources(first: 501) { totalCount } }", "PAGE_SIZE_TOO_LARGE");
        await AssertRefusedBeforeWorkAsync("query($n: Int) { areas(last: $n) { totalCount } }", "PAGE_SIZE_TOO_LARGE", new { n = 10_000 });
        await _api.DataAsync("{ resources(first: 500) { totalCount } }");
    }

    [Fact]
    public async Task An_operation_over_the_time_limit_is_stopped_with_TIMEOUT()
    {
        // A limit of 0 s fires at once, so the test does not race a timer against a fast query.
        await using var api = await TestApi.StartAsync(limits: new GraphQLLimits { ExecutionTimeoutSeconds = 0 });
        var response = await api.ExecuteAsync("{ network { actorCount modularity actors { betweenness closeness } } }");
        Assert.Equal("TIMEOUT", response.Code());
        Assert.StartsWith("The operation ran longer than", response.Message());
    }

    [Fact]
    public async Task The_full_introspection_query_of_GraphiQL_passes_the_limits()
    {
        // graphql-js getIntrospectionQuery(): what GraphiQL sends on load; its nested lists must not count as data.
        const string query = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
            }
            """;
        var data = await _api.DataAsync(query);
        Assert.True(data.GetProperty("__schema").GetProperty("types").GetArrayLength() > 50);
    }

    [Fact]
    public async Task Introspection_is_on_by_default_and_can_be_turned_off()
    {
        var on = await _api.DataAsync("{ __schema { queryType { name } } }");
        Assert.Equal("Query", on.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        await using var api = await TestApi.StartAsync(limits: new GraphQLLimits { Introspection = false });
        var off = await api.ExecuteAsync("{ __schema { queryType { name } } }");
        Assert.Equal("INTROSPECTION_DISABLED", off.Code());
        var typename = await api.DataAsync("{ __typename }");
        Assert.Equal("Query", typename.GetProperty("__typename").GetString());
    }
}
