using System.Text.Json.Nodes;
using ResourceMap.Api.Access;
using ResourceMap.Api.Hsds;
using ResourceMap.Api.Import;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Tests;

/// <summary>How a resource becomes HSDS records, on resources written out by hand.</summary>
public class HsdsDirectoryTests
{
    private static ExportRows Rows(params Resource[] resources) => new(resources.ToList(), [], new Dictionary<int, string> { [1] = "Latvija", [2] = "Rīga", [3] = "Avoti" }, new RequestCaller())
    {
        Municipalities = new Dictionary<int, int> { [2] = 2, [3] = 2 }, // Avoti lies in Rīga, a state city below Latvija
    };

    [Fact]
    public void An_address_with_a_postal_code_becomes_hsds_s_address_and_one_without_stays_text()
    {
        var directory = new HsdsDirectory(Rows(
            new Resource { Id = 7, Name = "Labklājības ministrija", Kind = ResourceKind.Municipality, AreaId = 3, Latitude = 56.951, Longitude = 24.119, Address = "Skolas iela 28, Rīga, LV-1331" },
            new Resource { Id = 8, Name = "Avotu klubs", Kind = ResourceKind.Association, AreaId = 3, Latitude = 56.95, Longitude = 24.14, Address = "Avotu iela 5" }), new Dictionary<int, DateTimeOffset>());
        var located = directory.Entries.Select(e => (JsonObject)e.Organization["locations"]![0]!).ToList();
        var address = (JsonObject)located[0]["addresses"]![0]!;
        Assert.Equal(("Skolas iela 28, Rīga", "Avoti", "Rīga", "LV-1331", "LV"), (address["address_1"]!.GetValue<string>(), address["city"]!.GetValue<string>(),
            address["state_province"]!.GetValue<string>(), address["postal_code"]!.GetValue<string>(), address["country"]!.GetValue<string>()));
        Assert.Null(located[1]["addresses"]);
        Assert.Equal("Avotu iela 5", located[1]["description"]!.GetValue<string>());
    }

    [Fact]
    public void Ids_are_name_based_uuids_the_same_in_every_answer_and_distinct_per_kind()
    {
        var id = HsdsIds.Of("organization", 7);
        Assert.Equal(id, HsdsIds.Of("organization", 7));
        Assert.NotEqual(id, HsdsIds.Of("service", 7));
        Assert.Equal('5', id[14]); // version 5 (RFC 9562: name-based, SHA-1)
        Assert.Contains(id[19], "89ab"); // the RFC's variant
    }
}
