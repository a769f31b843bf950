using Microsoft.Extensions.FileProviders;

namespace ResourceMap.Api.Web;

/// <summary>Section <c>Web</c>: the map's tile source. OpenStreetMap by default; empty for none (boundaries alone).</summary>
public sealed class WebSettings
{
    public string? TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";
}

/// <summary>The web app at <c>/</c>: the files the build put beside the server (from <c>web/</c>), and its settings.</summary>
public static class WebApp
{
    public static void Map(WebApplication app, WebSettings settings)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "web");
        if (!File.Exists(Path.Combine(root, "index.html")))
            throw new InvalidOperationException($"The web app is missing from {root}: build the server with Node and npm on the machine (the build runs 'npm run build' in web/).");
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // The link a survey's invitation carries: the form's page (the token follows '#', so it never reaches the server here).
        app.MapGet("/survey", () => Results.File(Path.Combine(root, "survey.html"), "text/html; charset=utf-8"));
        app.MapGet("/app/config", () => Results.Json(new { tileUrl = string.IsNullOrWhiteSpace(settings.TileUrl) ? null : settings.TileUrl, tileAttribution = settings.TileAttribution }));
    }
}
