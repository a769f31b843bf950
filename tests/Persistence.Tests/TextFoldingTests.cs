using ResourceMap.Persistence.Search;

namespace ResourceMap.Persistence.Tests;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Ūdenszīmes", "udenszimes")]
    [InlineData("Draudzība-K", "draudziba-k")]
    [InlineData("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž", "acegiklnsuz acegiklnsuz")]
    [InlineData("Ķīmija", "kimija")]
    [InlineData("Дружба", "дружба")]
    public void Folds_case_and_latvian_diacritics(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));
}
