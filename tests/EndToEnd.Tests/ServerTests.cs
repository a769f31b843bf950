using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ResourceMap.EndToEnd.Tests;

/// <summary>One server process with demo data, shared by the tests of a class; none of them changes data.</summary>
public sealed class DemoServer : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(Server.DataFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The server as a client meets it, queried over HTTP.</summary>
public sealed class ServerTests(DemoServer demo) : IClassFixture<DemoServer>
{
    private readonly ServerProcess _server = demo.Server;

    [Fact]
    public async Task The_readme_search_finds_the_seniors_association_with_its_place_and_ties()
    {
        var data = await _server.DataAsync("""
            {
              resources(text: "draudziba") {
                totalCount
                nodes { name kind latitude longitude area { name } neighbours { name } }
              }
            }
            """);
        var resources = data.GetProperty("resources");
        Assert.Equal(1, resources.GetProperty("totalCount").GetInt32());
        var node = resources.GetProperty("nodes")[0];
        Assert.Equal("Senioru biedrība \"Draudzība-K\"", node.GetProperty("name").GetString());
        Assert.Equal("ASSOCIATION", node.GetProperty("kind").GetString());
        Assert.Equal("Križi", node.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal(6, node.GetProperty("neighbours").GetArrayLength());
    }

    [Fact]
    public async Task The_probes_answer_live_at_once_and_ready_once_the_network_is_read()
    {
        using var live = await _server.Client.GetAsync("/health/live");
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        // The demo's network is read in milliseconds; a minute is only a bound for a loaded machine.
        for (var waited = 0; ; waited += 100)
        {
            using var ready = await _server.Client.GetAsync("/health/ready");
            if (ready.StatusCode == System.Net.HttpStatusCode.OK)
            {
                Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
                break;
            }
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(waited < 60_000, "not ready after a minute");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Responses_carry_latvian_letters_as_utf8_not_escapes()
    {
        using var response = await _server.Client.PostAsync("/graphql", Json("""{"query":"{ resources(text: \"udenszimes\") { nodes { name } } }"}"""));
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ūdenszīmes", body);
    }

    [Fact]
    public async Task The_readme_distance_query_finds_resources_around_the_Krizi_day_centre()
    {
        var data = await _server.DataAsync("""
            { resources(near: { latitude: 55.879, longitude: 26.58, maxDistanceMeters: 1000 }) { nodes { name } } }
            """);
        var names = data.GetProperty("resources").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Equal("Dienas centrs \"Saskarsme\"", names[0]); // it stands on that very point
        Assert.Contains("Senioru biedrība \"Draudzība-K\"", names);
        Assert.DoesNotContain("Daugavpils valstspilsētas pašvaldība", names); // in the centre, about 4 km west
    }

    [Fact]
    public async Task Queries_also_work_over_GET()
    {
        using var response = await _server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ areas(kinds: [PARISH]) { nodes { name } } }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Zosēnu pagasts", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_an_Allow_header()
    {
        var before = await _server.DataAsync("{ resources { totalCount } }");
        using var response = await _server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { createResource(input: { name: \"X\", kind: OTHER }) { resource { id } } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Equal(before.ToString(), (await _server.DataAsync("{ resources { totalCount } }")).ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_or_400()
    {
        using var plain = await _server.Client.PostAsync("/graphql", new StringContent("{ __typename }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        using var broken = await _server.Client.PostAsync("/graphql", Json("{\"query\": "));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var error = JsonDocument.Parse(await broken.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_response_media_type_follows_the_Accept_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("""{"query":"{ __typename }"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var modern = await _server.Client.SendAsync(request);
        Assert.Equal("application/graphql-response+json", modern.Content.Headers.ContentType!.MediaType);

        request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("""{"query":"{ __typename }"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var legacy = await _server.Client.SendAsync(request);
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);

        // With application/graphql-response+json a document that fails validation is a 400.
        request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json("""{"query":"{ nope }"}""") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var invalid = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task A_browser_gets_GraphiQL_with_its_assets_from_the_server_itself()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        using var page = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("GraphiQL", html);
        Assert.DoesNotContain("https://", html); // nothing from a CDN: users may be offline
        foreach (var asset in new[] { "graphiql.min.js", "graphiql.min.css", "react.production.min.js", "react-dom.production.min.js" })
        {
            Assert.Contains($"/graphql/ui/{asset}", html);
            using var response = await _server.Client.GetAsync($"/graphql/ui/{asset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, asset);
        }
    }

    [Fact]
    public async Task Errors_carry_a_code_and_no_stack_trace()
    {
        var response = await _server.PostAsync("mutation { createRelationship(input: { sourceId: \"UmVzb3VyY2U6MQ==\", targetId: \"UmVzb3VyY2U6MQ==\", type: COOPERATION }) { relationship { id } } }", token: await _server.AdminTokenAsync());
        var error = response.GetProperty("errors")[0];
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", response.ToString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
