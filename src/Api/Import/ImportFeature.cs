using Microsoft.EntityFrameworkCore;
using GraphQL;
using GraphQL.Types;
using ResourceMap.Api.Access;
using ResourceMap.Api.Changes;
using ResourceMap.Api.Errors;
using ResourceMap.Api.History;
using ResourceMap.Api.Ids;
using ResourceMap.Api.Schema;

namespace ResourceMap.Api.Import;

/// <summary>
/// <c>importSpreadsheet</c>: a community's list (the template's workbook, or CSV files) sent by the GraphQL multipart
/// request specification, previewed with <c>dryRun</c> or imported all or nothing.
/// </summary>
public static class ImportFeature
{
    public static void AddMutationsTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ImportReportType>>("importSpreadsheet")
            .Description("Imports resources and ties from the template's XLSX workbook (sheets Resources and Ties, English or Latvian headers), or from a CSV file of resources and one of ties: every row through the rules of createResource and createRelationship, all or nothing, as one history batch. Rows with an id or externalId already imported, or the name of a resource in the same area, update it; importing the same file twice changes nothing. With dryRun, says what it would do and every problem, writing nothing; without, a list with problems is refused (BAD_USER_INPUT, the problems in extensions.data.problems). Workers import into their municipalities, admins anywhere. The file travels by the GraphQL multipart request specification (send the header GraphQL-Preflight: 1).")
            .Argument<NonNullGraphType<UploadGraphType>>("file", "The workbook (.xlsx) or the CSV file of resources (.csv).")
            .Argument<UploadGraphType>("ties", "With a CSV file of resources: the CSV file of ties.")
            .Argument<BooleanGraphType>("dryRun", "True to preview: nothing is written.")
            .ResolveAsync(async c =>
            {
                c.Require(Role.Worker, "import lists");
                var file = c.GetArgument<object>("file") as UploadedFile ?? throw UserError.BadInput("'file' must be a file of the multipart request.", "file");
                var ties = c.GetArgument<object?>("ties") as UploadedFile;
                var dryRun = c.GetArgument<bool?>("dryRun") ?? false;
                IReadOnlyList<Table> tables;
                try
                {
                    tables = SpreadsheetFiles.Read(file, ties, c.Service<ImportSettings>());
                }
                catch (SpreadsheetException e)
                {
                    throw Refused(e.Problems, "file");
                }
                await using var db = c.Db();
                var report = await new SpreadsheetImport(db, c.Service<RequestCaller>(), c.Service<Geo.SpatialLoader>()).RunAsync(tables, dryRun, c.CancellationToken);
                if (report.Problems.Count > 0 && !dryRun) throw Refused(report.Problems, null);
                if (report.Batch is { } batch)
                {
                    var changes = await db.Changes.AsNoTracking().Where(h => h.Batch == batch).Select(h => new { h.Entity, h.EntityId, h.Action }).ToListAsync(c.CancellationToken);
                    await c.Service<ChangeFeed>().PublishAsync(db, "importSpreadsheet", c.CancellationToken,
                        resources: changes.Where(h => h.Entity == GlobalId.Resource).Select(h => (h.Action == Persistence.Model.ChangeAction.Created ? ChangeKind.Created : ChangeKind.Updated, h.EntityId)).ToList(),
                        relationships: changes.Where(h => h.Entity == GlobalId.Relationship).Select(h => h.EntityId).ToList(),
                        activities: changes.Where(h => h.Entity == GlobalId.Activity).Select(h => h.EntityId).ToList());
                }
                return report;
            });

    /// <summary>The refusal of a list: a summary, and every problem with its sheet, row and column in extensions.data.problems.</summary>
    private static UserError Refused(IReadOnlyList<ImportProblem> problems, string? field)
    {
        var shown = string.Join(" ", problems.Take(5).Select(p => p.ToString().TrimEnd('.') + "."));
        var error = problems.Count > 5
            ? UserError.BadInput($"Nothing was imported: {problems.Count} problem(s). {shown} …", field)
            : UserError.BadInput($"Nothing was imported: {problems.Count} problem(s). {shown}", field);
        error.Data["problems"] = problems.Select(p => new Dictionary<string, object?>
        {
            ["sheet"] = p.Sheet, ["row"] = p.Row, ["column"] = p.Column, ["message"] = p.Message,
        }).ToList();
        return error;
    }
}

public sealed class ImportActionEnum : EnumerationGraphType
{
    public ImportActionEnum()
    {
        Name = "ImportAction";
        Description = "What an import does with a row.";
        Add("CREATED", ImportAction.Created, "A new resource or tie.");
        Add("UPDATED", ImportAction.Updated, "An existing one, changed as the row says.");
        Add("UNCHANGED", ImportAction.Unchanged, "An existing one that already holds what the row says.");
    }
}

public sealed class ImportedRowType : ObjectGraphType<ImportedRow>
{
    public ImportedRowType()
    {
        Name = "ImportedRow";
        Description = "A row of the list and what the import does (or, in a dry run, would do) with it.";
        Field<NonNullGraphType<StringGraphType>>("sheet").Description("The sheet, as the file names it.").Resolve(c => c.Source.Sheet);
        Field<NonNullGraphType<IntGraphType>>("row").Description("The row's number, as a spreadsheet shows it (the header is row 1).").Resolve(c => c.Source.Row);
        Field<NonNullGraphType<ImportActionEnum>>("action").Description("Created, updated or left unchanged.").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The resource's name, or a tie's two ends.").Resolve(c => c.Source.Name);
    }
}

public sealed class ImportProblemType : ObjectGraphType<ImportProblem>
{
    public ImportProblemType()
    {
        Name = "ImportProblem";
        Description = "Something in the list that keeps it from being imported, and where.";
        Field<StringGraphType>("sheet").Description("The sheet; null for the file as a whole.").Resolve(c => c.Source.Sheet);
        Field<IntGraphType>("row").Description("The row's number (the header is row 1); null for the sheet as a whole.").Resolve(c => c.Source.Row);
        Field<StringGraphType>("column").Description("The column's header as the file has it; null for the row as a whole.").Resolve(c => c.Source.Column);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What is wrong, and how to put it right.").Resolve(c => c.Source.Message);
    }
}

public sealed class ImportReportType : ObjectGraphType<ImportReport>
{
    public ImportReportType()
    {
        Name = "ImportReport";
        Description = "What an import did, or in a dry run would do: each row's action and every problem.";
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Description("True when nothing was meant to be written.").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<BooleanGraphType>>("written").Description("True when the list was imported (it may have changed nothing: then batch is null).").Resolve(c => c.Source.Written);
        Field<IdGraphType>("batch").Description("The history batch holding every change of the import (a Change's batch); null when nothing was written.")
            .Resolve(c => c.Source.Batch is { } batch ? GlobalId.Encode(HistoryFeature.ChangeIdType, (int)batch) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportedRowType>>>>("rows").Description("Every row of the list that was read, in order.").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportProblemType>>>>("problems").Description("Every problem, by sheet and row; empty when the list can be imported.").Resolve(c => c.Source.Problems);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("Counts per sheet in one line: 'Resources: 10 created, 2 updated, 0 unchanged; …'.").Resolve(c => c.Source.Summary());
    }
}
