using ResourceMap.Persistence.Model;

namespace ResourceMap.Api.Import;

/// <summary>
/// The workbook a community fills in: the sheets of resources and ties with their headers, dropdowns for kinds,
/// statuses, tie types and yes/no, and a sheet of instructions; in English or Latvian (headers, sheet names, words —
/// the import reads both).
/// </summary>
public static class ImportTemplate
{
    public static IReadOnlyList<SheetToWrite> Sheets(bool latvian)
    {
        var lists = latvian ? "Saraksti" : "Lists";
        string Header(Column c) => latvian ? c.Latvian : c.Name;
        var kinds = Enum.GetValues<ResourceKind>().Select(k => ImportColumns.Word(k, latvian)).ToList();
        var statuses = Enum.GetValues<ResourceStatus>().Select(s => ImportColumns.Word(s, latvian)).ToList();
        var types = Enum.GetValues<RelationshipType>().Select(t => ImportColumns.Word(t, latvian)).ToList();
        var activityKinds = Enum.GetValues<ActivityKind>().Select(k => ImportColumns.Word(k, latvian)).ToList();
        var recurrences = Enum.GetValues<ActivityRecurrence>().Select(r => ImportColumns.Word(r, latvian)).ToList();
        string[] yesNo = [ImportColumns.Word(true, latvian), ImportColumns.Word(false, latvian)];
        string Range(int column, int count) => $"'{lists}'!${XlsxTables.ColumnName(column)}$2:${XlsxTables.ColumnName(column)}${count + 1}";
        int At(Column[] columns, string name) => Array.FindIndex(columns, c => c.Name == name);

        var resources = new SheetToWrite(latvian ? ImportColumns.ResourcesSheetNames[1] : ImportColumns.ResourcesSheet, [ImportColumns.Resources.Select(Header).ToList()])
        {
            Numbers = new HashSet<int> { At(ImportColumns.Resources, "latitude"), At(ImportColumns.Resources, "longitude") },
            Choices = new()
            {
                [At(ImportColumns.Resources, "kind")] = Range(0, kinds.Count),
                [At(ImportColumns.Resources, "status")] = Range(1, statuses.Count),
                [At(ImportColumns.Resources, "sensitive")] = Range(2, yesNo.Length),
            },
        };
        var ties = new SheetToWrite(latvian ? ImportColumns.TiesSheetNames[1] : ImportColumns.TiesSheet, [ImportColumns.Ties.Select(Header).ToList()])
        {
            Numbers = new HashSet<int> { At(ImportColumns.Ties, "strength") },
            Choices = new()
            {
                [At(ImportColumns.Ties, "type")] = Range(3, types.Count),
                [At(ImportColumns.Ties, "directed")] = Range(2, yesNo.Length),
            },
        };
        var activities = new SheetToWrite(latvian ? ImportColumns.ActivitiesSheetNames[1] : ImportColumns.ActivitiesSheet, [ImportColumns.Activities.Select(Header).ToList()])
        {
            Choices = new()
            {
                [At(ImportColumns.Activities, "kind")] = Range(4, activityKinds.Count),
                [At(ImportColumns.Activities, "recurrence")] = Range(5, recurrences.Count),
                [At(ImportColumns.Activities, "sensitive")] = Range(2, yesNo.Length),
            },
        };
        var listRows = new List<IReadOnlyList<string>>
        {
            latvian ? ["veids", "statuss", "jā/nē", "saites veids", "aktivitātes veids", "atkārtojas"] : ["kind", "status", "yes/no", "tie type", "activity kind", "recurrence"],
        };
        for (var i = 0; i < kinds.Count; i++)
            listRows.Add([kinds[i], statuses.ElementAtOrDefault(i) ?? "", yesNo.ElementAtOrDefault(i) ?? "", types.ElementAtOrDefault(i) ?? "",
                activityKinds.ElementAtOrDefault(i) ?? "", recurrences.ElementAtOrDefault(i) ?? ""]);
        return [Instructions(latvian, resources.Name, ties.Name, activities.Name), resources, ties, activities, new SheetToWrite(lists, listRows, Hidden: true)];
    }

    private static SheetToWrite Instructions(bool latvian, string resources, string ties, string activities)
    {
        var rows = new List<IReadOnlyList<string>>();
        rows.Add([latvian ? "Kā aizpildīt" : "How to fill this in"]);
        rows.Add([latvian
            ? $"Katram resursam (biedrībai, skolai, dienas centram, brīvprātīgajam …) viena rinda lapā {resources}; katrai saitei starp diviem resursiem viena rinda lapā {ties}; katrai aktivitātei (tikšanās, darbnīcai, svētkiem, regulārai nodarbībai) viena rinda lapā {activities}."
            : $"One row in {resources} for each resource (an association, a school, a day centre, a volunteer …); one row in {ties} for each tie between two of them; one row in {activities} for each activity (a meeting, a workshop, a festival, a regular class)."]);
        rows.Add([latvian
            ? "Importējot vēlreiz, rindas ar to pašu ārējo id (vai id no eksporta) atjauno resursu, nevis pievieno to vēlreiz; rindas bez tā atrod pēc nosaukuma tajā pašā teritorijā."
            : "Importing again, a row with the same externalId (or the id an export wrote) updates its resource instead of adding it twice; a row without one is found by its name in the same area."]);
        rows.Add([latvian
            ? "Ja kādā rindā ir kļūda, netiek importēts nekas; katra kļūda tiek nosaukta ar lapu, rindu un kolonnu. Sarakstus atdaliet ar ; — piemēram: seniors; youth."
            : "If any row has a problem, nothing is imported, and every problem is named with its sheet, row and column. Separate lists with ; — for example: seniors; youth."]);
        rows.Add([]);
        rows.Add([latvian ? "Lapa" : "Sheet", latvian ? "Kolonna" : "Column", latvian ? "Ko rakstīt" : "What goes in it"]);
        rows.AddRange(ImportColumns.Resources.Select(c => (IReadOnlyList<string>)[resources, latvian ? c.Latvian : c.Name, latvian ? c.HelpLatvian : c.Help]));
        rows.AddRange(ImportColumns.Ties.Select(c => (IReadOnlyList<string>)[ties, latvian ? c.Latvian : c.Name, latvian ? c.HelpLatvian : c.Help]));
        rows.AddRange(ImportColumns.Activities.Select(c => (IReadOnlyList<string>)[activities, latvian ? c.Latvian : c.Name, latvian ? c.HelpLatvian : c.Help]));
        return new SheetToWrite(latvian ? "Norādījumi" : "Instructions", rows) { FreezeHeader = false, Widths = new() { [0] = 14, [1] = 18, [2] = 110 } };
    }
}
