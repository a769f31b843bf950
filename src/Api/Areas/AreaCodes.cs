using System.Globalization;

namespace ResourceMap.Api.Areas;

/// <summary>Areas' register codes: Latvia's ATVK is seven digits with leading zeros (Zosēnu pagasts: 0420260).</summary>
public static class AreaCodes
{
    /// <summary>Letters and digits, at most 32: ATVK, and other registers' codes too.</summary>
    public static bool IsValid(string code) => code.Length is > 0 and <= 32 && code.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// A code that arrived as a number (a spreadsheet or a shapefile's numeric column drops the leading zeros) as the
    /// seven-digit ATVK it was.
    /// </summary>
    public static string Atvk(double number) => ((long)number).ToString("D7", CultureInfo.InvariantCulture);
}
