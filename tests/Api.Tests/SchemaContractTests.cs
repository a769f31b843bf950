using System.Reflection;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Tests;

/// <summary>The schema is a contract: committed as schema.graphql and documented throughout.</summary>
public class SchemaContractTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(typeof(SchemaContractTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    [Fact]
    public void Schema_graphql_at_the_repository_root_is_current()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot, "schema.graphql")).ReplaceLineEndings("\n");
        var current = SchemaContract.Build();
        Assert.True(committed == current,
            "The schema changed: review the difference and update the contract with `dotnet run --project src/Api -- schema > schema.graphql`.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddResourceMap(new Persistence.ResourceMapDbContextFactory(new Persistence.DatabaseSettings()), exposeExceptionDetails: false)
            .BuildServiceProvider();
        var schema = services.GetRequiredService<ResourceMapSchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType { Name: "String" or "Int" or "Float" or "Boolean" or "ID" }))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            if (type is EnumerationGraphType enumeration)
                foreach (var value in enumeration.Values)
                    if (string.IsNullOrWhiteSpace(value.Description)) missing.Add($"{type.Name}.{value.Name}");
        }
        Assert.True(missing.Count == 0, "Without a description: " + string.Join(", ", missing));
    }
}
