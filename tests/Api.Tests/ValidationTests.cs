namespace ResourceMap.Api.Tests;

/// <summary>Every rule on mutation input: a clear error with its code, and the database exactly as it was.</summary>
public class ValidationTests : IAsyncLifetime
{
    private TestApi _api = null!;
    private string _a = "", _b = "", _tie = "";

    public async Task InitializeAsync()
    {
        _api = await TestApi.StartAsync(demoData: false);
        _a = (await _api.DataAsync("mutation { createResource(input: { name: \"Dienas centrs \\\"Saskarsme\\\"\", kind: DAY_CENTRE, latitude: 55.879, longitude: 26.58 }) { resource { id } } }"))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        _b = (await _api.DataAsync("mutation { createResource(input: { name: \"Senioru biedrība \\\"Draudzība-K\\\"\", kind: ASSOCIATION }) { resource { id } } }"))
            .GetProperty("createResource").GetProperty("resource").GetProperty("id").GetString()!;
        _tie = (await _api.DataAsync("mutation($a: ID!, $b: ID!) { createRelationship(input: { sourceId: $a, targetId: $b, type: VENUE, strength: 4, since: \"2023-01-10\" }) { relationship { id } } }", new { a = _a, b = _b }))
            .GetProperty("createRelationship").GetProperty("relationship").GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task AssertRefused(string code, string messagePart, string mutation, object? variables = null)
    {
        var before = await _api.SnapshotAsync();
        var response = await _api.ExecuteAsync(mutation, variables);
        Assert.Equal(code, response.Code());
        Assert.Contains(messagePart, response.Message());
        Assert.Equal(before, await _api.SnapshotAsync());
    }

    private const string Create = "mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }";
    private const string Update = "mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }";
    private const string CreateTie = "mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } } }";
    private const string UpdateTie = "mutation($input: UpdateRelationshipInput!) { updateRelationship(input: $input) { relationship { id } } }";

    [Theory]
    [InlineData(91.0, 24.0, "latitude")]
    [InlineData(-90.5, 24.0, "latitude")]
    [InlineData(56.0, 180.01, "longitude")]
    [InlineData(56.0, -181.0, "longitude")]
    public Task Coordinates_out_of_range_are_refused(double lat, double lon, string which) =>
        AssertRefused("BAD_USER_INPUT", which, Create, new { input = new { name = "X", kind = "SCHOOL", latitude = lat, longitude = lon } });

    [Fact]
    public Task Infinite_coordinates_are_refused() =>
        AssertRefused("BAD_USER_INPUT", "latitude", "mutation { createResource(input: { name: \"X\", kind: SCHOOL, latitude: 1e999, longitude: 24 }) { resource { id } } }");

    [Fact]
    public Task Latitude_without_longitude_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "both", Create, new { input = new { name = "X", kind = "SCHOOL", latitude = 56.0 } });

    [Fact]
    public Task Clearing_only_the_longitude_of_a_placed_resource_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "both", Update, new { input = new { id = _a, longitude = (double?)null } });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public Task Empty_names_are_refused(string name) =>
        AssertRefused("BAD_USER_INPUT", "name", Create, new { input = new { name, kind = "SCHOOL" } });

    [Fact]
    public Task Names_longer_than_200_characters_are_refused() =>
        AssertRefused("BAD_USER_INPUT", "longer than 200", Create, new { input = new { name = new string('ā', 201), kind = "SCHOOL" } });

    [Fact]
    public Task Names_with_control_characters_are_refused() =>
        AssertRefused("BAD_USER_INPUT", "control characters", Create, new { input = new { name = "Bad\u0007name", kind = "SCHOOL" } });

    [Fact]
    public Task Renaming_to_null_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "name", Update, new { input = new { id = _a, name = (string?)null } });

    [Fact]
    public Task Bad_language_codes_and_contacts_are_refused()
    {
        return Task.WhenAll(
            AssertRefused("BAD_USER_INPUT", "language", Create, new { input = new { name = "X", kind = "SCHOOL", languages = new[] { "latvian" } } }),
            AssertRefused("BAD_USER_INPUT", "e-mail", Create, new { input = new { name = "X", kind = "SCHOOL", contact = new { email = "not-an-address" } } }),
            AssertRefused("BAD_USER_INPUT", "http", Create, new { input = new { name = "X", kind = "SCHOOL", contact = new { web = "javascript:alert(1)" } } }));
    }

    [Fact]
    public Task An_unknown_area_is_not_found() =>
        AssertRefused("NOT_FOUND", "area", Create, new { input = new { name = "X", kind = "SCHOOL", areaId = "QXJlYTo5OTk=" } }); // Area:999

    [Fact]
    public Task Updating_an_unknown_resource_is_not_found() =>
        AssertRefused("NOT_FOUND", "no resource", Update, new { input = new { id = "UmVzb3VyY2U6OTk5", name = "Y" } }); // Resource:999

    [Fact]
    public Task A_malformed_id_is_bad_input() =>
        AssertRefused("BAD_USER_INPUT", "not a valid Resource id", Update, new { input = new { id = "%%%", name = "Y" } });

    [Fact]
    public Task An_id_of_another_type_is_bad_input() =>
        AssertRefused("BAD_USER_INPUT", "not a valid Resource id", Update, new { input = new { id = _tie, name = "Y" } });

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public Task Strength_outside_1_to_5_is_refused(int strength) =>
        AssertRefused("BAD_USER_INPUT", "strength", CreateTie, new { input = new { sourceId = _a, targetId = _b, type = "COOPERATION", strength } });

    [Fact]
    public Task A_tie_of_a_resource_to_itself_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "itself", CreateTie, new { input = new { sourceId = _a, targetId = _a, type = "COOPERATION" } });

    [Fact]
    public Task Moving_a_tie_so_that_it_joins_a_resource_to_itself_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "itself", UpdateTie, new { input = new { id = _tie, targetId = _a } });

    [Fact]
    public Task A_tie_to_a_missing_resource_is_not_found() =>
        AssertRefused("NOT_FOUND", "no resource", CreateTie, new { input = new { sourceId = _a, targetId = "UmVzb3VyY2U6OTk5", type = "COOPERATION" } });

    [Fact]
    public Task Until_before_since_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "until", CreateTie, new { input = new { sourceId = _a, targetId = _b, type = "COOPERATION", since = "2023-05-31", until = "2023-01-01" } });

    [Fact]
    public Task Moving_since_past_an_existing_until_is_refused() =>
        AssertRefused("BAD_USER_INPUT", "until", UpdateTie, new { input = new { id = _tie, until = "2022-12-31" } });

    [Fact]
    public Task Unknown_enum_values_are_refused_before_execution()
    {
        return AssertRefused("BAD_USER_INPUT", "kind", Create, new { input = new { name = "X", kind = "CASTLE" } });
    }

    [Fact]
    public Task Deleting_an_unknown_resource_is_not_found() =>
        AssertRefused("NOT_FOUND", "no resource", "mutation { deleteResource(input: { id: \"UmVzb3VyY2U6OTk5\" }) { deletedResourceId } }");

    [Fact]
    public async Task Deleting_a_resource_deletes_its_ties_with_it()
    {
        var data = await _api.DataAsync("mutation($id: ID!) { deleteResource(input: { id: $id }) { deletedResourceId deletedRelationshipIds } }", new { id = _a });
        Assert.Equal(_a, data.GetProperty("deleteResource").GetProperty("deletedResourceId").GetString());
        Assert.Equal([_tie], data.GetProperty("deleteResource").GetProperty("deletedRelationshipIds").EnumerateArray().Select(e => e.GetString()));
        var after = await _api.DataAsync("{ resources { totalCount } relationships { totalCount } }");
        Assert.Equal(1, after.GetProperty("resources").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, after.GetProperty("relationships").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_valid_update_changes_only_the_fields_it_names()
    {
        var data = await _api.DataAsync("mutation($id: ID!) { updateResource(input: { id: $id, description: \"Qigong katru otrdienu\", targetGroups: [\"Seniors\", \"seniors\"] }) { resource { name description latitude targetGroups } } }", new { id = _a });
        var resource = data.GetProperty("updateResource").GetProperty("resource");
        Assert.Equal("Dienas centrs \"Saskarsme\"", resource.GetProperty("name").GetString());
        Assert.Equal("Qigong katru otrdienu", resource.GetProperty("description").GetString());
        Assert.Equal(55.879, resource.GetProperty("latitude").GetDouble());
        Assert.Equal(["seniors"], resource.GetProperty("targetGroups").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_value_that_is_no_member_of_an_enum_is_refused_with_the_valid_ones_listed()
    {
        var literal = await _api.ExecuteAsync("mutation { createResource(input: { name: \"X\", kind: CLUB }) { resource { id } } }");
        var byVariable = await _api.ExecuteAsync("mutation($t: RelationshipType!) { createRelationship(input: { sourceId: \"a\", targetId: \"b\", type: $t }) { relationship { id } } }", new { t = "SHARED_EVENT" });
        foreach (var (answer, expected) in new[] { (literal, "ASSOCIATION, SCHOOL, KINDERGARTEN, DAY_CENTRE"), (byVariable, "COOPERATION") })
        {
            var error = answer.GetProperty("errors")[0];
            Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains("Valid values of ", error.GetProperty("message").GetString());
            Assert.Contains(expected, error.GetProperty("message").GetString());
        }
    }
}
