using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ResourceMap.Persistence;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection, so that whatever a change replaces or deletes is
/// overwritten with zeros in the database file. Erasing a person must leave nothing behind, and their values were
/// written and rewritten by earlier connections too: the pragma holds per connection, so it must be on from the first.
/// Once per database connection: pooled connections keep it, and every request's context opens one.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete = ON;";

    // Keyed by SQLite's own handle, which a pooled connection hands from one SqliteConnection object to the next.
    private readonly ConditionalWeakTable<object, object> _done = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstTime(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstTime(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool FirstTime(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _done.TryAdd(handle, handle);
}
