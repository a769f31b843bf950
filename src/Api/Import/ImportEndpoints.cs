using System.Text;

namespace ResourceMap.Api.Import;

/// <summary>
/// The template to download: <c>GET /import/template.xlsx</c> (the workbook) and <c>/import/template-resources.csv</c>,
/// <c>/import/template-ties.csv</c> (its two sheets as CSV: UTF-8 with a BOM so that Excel reads the letters, ';' in
/// Latvian as Latvian Excel expects, ',' in English). <c>?language=lv|en</c>, else the browser's Accept-Language.
/// </summary>
public static class ImportEndpoints
{
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(WebApplication app)
    {
        app.MapGet("/import/template.xlsx", (HttpContext http) =>
        {
            var latvian = Latvian(http);
            var stream = new MemoryStream();
            XlsxWriter.Write(stream, ImportTemplate.Sheets(latvian));
            return Results.File(stream.ToArray(), XlsxMediaType, latvian ? "resursu-karte-veidne.xlsx" : "resourcemap-template.xlsx");
        });
        app.MapGet("/import/template-resources.csv", (HttpContext http) => Csv(http, ImportColumns.Resources, "resursi", "resources"));
        app.MapGet("/import/template-ties.csv", (HttpContext http) => Csv(http, ImportColumns.Ties, "saites", "ties"));
    }

    private static IResult Csv(HttpContext http, Column[] columns, string latvianName, string englishName)
    {
        var latvian = Latvian(http);
        // The header alone: its names hold no separator or quote, so they need no escaping.
        var text = string.Join(latvian ? ';' : ',', columns.Select(c => latvian ? c.Latvian : c.Name)) + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", latvian ? $"{latvianName}.csv" : $"{englishName}.csv");
    }

    /// <summary>Latvian when <c>?language=lv</c>, or without it when the browser asks for Latvian first.</summary>
    public static bool Latvian(HttpContext http) =>
        http.Request.Query["language"].ToString() is { Length: > 0 } language
            ? language.StartsWith("lv", StringComparison.OrdinalIgnoreCase)
            : http.Request.Headers.AcceptLanguage.ToString().StartsWith("lv", StringComparison.OrdinalIgnoreCase);
}
