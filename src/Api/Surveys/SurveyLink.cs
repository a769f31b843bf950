using QRCoder;

namespace ResourceMap.Api.Surveys;

/// <summary>
/// The link an invited actor opens: the web app's survey page with the token in the fragment (after #), which browsers
/// send to no server, write in no access log and pass in no Referer; the page sends it in the request body.
/// </summary>
public static class SurveyLink
{
    /// <summary>The link on the server the request came to (or <c>Surveys:PublicUrl</c> when it is behind a proxy).</summary>
    public static string For(string token, string publicUrl) => $"{publicUrl.TrimEnd('/')}/survey#{token}";

    /// <summary>The link as a QR code (SVG, medium error correction) to print on a letter or show on a phone.</summary>
    public static string QrSvg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
