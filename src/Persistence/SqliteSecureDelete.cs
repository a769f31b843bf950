using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResourceMap.Persistence;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection, so that whatever a change replaces or deletes is
/// overwritten with zeros in the database file. Erasing a person must leave nothing behind, and their values were
/// written and rewritten by earlier connections too: the pragma holds per connection, so it must be on from the first.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
