namespace ResourceMap.Api.Import;

public enum ImportAction
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What an import does (or, in a dry run, would do) with one row.</summary>
public sealed record ImportedRow(string Sheet, int Row, ImportAction Action, string Name);

/// <summary>
/// The outcome of an import: every row's action and every problem. Nothing is written when there is a problem or when
/// it is a dry run; otherwise <see cref="Batch"/> is the history batch that holds all its changes (null when the list
/// changed nothing).
/// </summary>
public sealed record ImportReport(bool DryRun, IReadOnlyList<string> Sheets, IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportProblem> Problems, bool Written, long? Batch)
{
    public int Count(string sheet, ImportAction action) => Rows.Count(r => r.Sheet == sheet && r.Action == action);

    /// <summary>One line for a person: "Resources: 10 created, 2 updated, 0 unchanged; Ties: …".</summary>
    public string Summary() => string.Join("; ", Sheets.Select(sheet =>
        $"{sheet}: {Count(sheet, ImportAction.Created)} created, {Count(sheet, ImportAction.Updated)} updated, {Count(sheet, ImportAction.Unchanged)} unchanged"));
}
