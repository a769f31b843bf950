namespace ResourceMap.Persistence.Model;

/// <summary>A single row counting saved changes; analyses cached for one version are rebuilt when it moves on.</summary>
public class DataVersion
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Version { get; set; }
}
