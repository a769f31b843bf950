using Microsoft.EntityFrameworkCore;
using ResourceMap.Api.Errors;
using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Schema;

/// <summary>The optimistic check of updates and deletes: a client sends back the version it read.</summary>
public static class ExpectedVersion
{
    public const string Description =
        "The 'version' you read. When someone has changed the object since, the change is refused with CONFLICT and nothing is written; without it, your change wins.";

    /// <summary>
    /// <c>CONFLICT</c> when the input names a version other than the stored one. Saving checks the version again in its
    /// UPDATE or DELETE, so a change made between this read and the write is refused too.
    /// </summary>
    public static void Check(DbContext db, IVersioned entity, InputFields input, string what)
    {
        if (input.Value<int>("version") is not { } expected) return;
        if (expected != entity.Version)
            throw new UserError(ErrorCodes.Conflict, $"{what} has changed since you read it (your version {expected}, now {entity.Version}); read it again and redo your change.", "version");
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = expected;
    }
}
