using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ResourceMap.Persistence;

/// <summary>How rows are written into the history: a JSON object of their stored properties.</summary>
public static class History
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null, // property names as in the model, so an undo can set them back by name
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Properties that are derived from others and not worth recording (PostgreSQL's geography point among them).</summary>
    private static readonly HashSet<string> Derived = ["SearchText", ResourceMapDbContext.GeographyColumn];

    /// <summary>Sets a new, untracked row's stored properties (its id included) from values written by <see cref="Values"/>.</summary>
    public static T Read<T>(Microsoft.EntityFrameworkCore.DbContext db, T row, string values) where T : class
    {
        var entry = db.Entry(row);
        foreach (var value in JsonDocument.Parse(values).RootElement.EnumerateObject())
            if (entry.Metadata.FindProperty(value.Name) is { } property)
                entry.Property(value.Name).CurrentValue = value.Value.Deserialize(property.ClrType, Json);
        return row;
    }

    public static string Values(EntityEntry entry, bool original) => JsonSerializer.Serialize(
        entry.Properties.Where(p => !Derived.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue), Json);
}
