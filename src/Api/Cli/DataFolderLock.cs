namespace ResourceMap.Api.Cli;

/// <summary>
/// Tells a restore that a server uses a data folder: every server holds <c>server.lock</c> there open with a shared
/// lock (several may), and a restore needs it alone (an exclusive lock, refused while any server holds it). On Linux
/// .NET takes these as flock locks, which the system drops when a process ends, however it ends.
/// </summary>
public static class DataFolderLock
{
    private const string File = "server.lock";

    public static FileStream HoldShared(string dataFolder) => Open(dataFolder, FileShare.ReadWrite);

    /// <summary>The folder to itself, or null when a server holds it.</summary>
    public static FileStream? TryHoldAlone(string dataFolder)
    {
        try { return Open(dataFolder, FileShare.None); }
        catch (IOException) { return null; }
    }

    private static FileStream Open(string dataFolder, FileShare share)
    {
        Directory.CreateDirectory(dataFolder);
        return new FileStream(Path.Combine(dataFolder, File), FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
    }
}
