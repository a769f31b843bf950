using System.Globalization;
using System.Text;

namespace ResourceMap.Persistence.Search;

/// <summary>
/// Folds text for accent-insensitive search: "Ūdenszīmes" and "udenszimes" fold alike.
/// Folding is done in the application rather than by a database collation, so SQLite and SQL Server behave the same.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
