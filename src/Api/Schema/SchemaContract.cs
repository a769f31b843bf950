using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;

namespace ResourceMap.Api.Schema;

/// <summary>The schema as SDL: what <c>schema.graphql</c> at the repository root holds and <c>GET /graphql?sdl</c> serves.</summary>
public static class SchemaContract
{
    /// <summary>The SDL without a running server (nothing touches the database).</summary>
    public static string Build()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddResourceMap(new Persistence.ResourceMapDbContextFactory(new Persistence.DatabaseSettings()), exposeExceptionDetails: false)
            .BuildServiceProvider();
        return Sdl(services.GetRequiredService<ResourceMapSchema>());
    }

    public static string Sdl(ISchema schema)
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
