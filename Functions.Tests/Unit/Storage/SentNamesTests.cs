using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Storage;

/// <summary>
/// The name a person sent a sheet under is untrusted text that reaches a table, blob metadata and pages: folders,
/// control and formatting characters (bidirectional overrides) dropped, white space collapsed, bounded, well-formed.
/// </summary>
public sealed class SentNamesTests
{
    [Theory]
    [InlineData("Informe GT 4.º trimestre (corregido).xlsx", "Informe GT 4.º trimestre (corregido).xlsx")]
    [InlineData(@"C:\Users\ana\Documents\informe.xlsx", "informe.xlsx")]
    [InlineData("../../reports/GT/informe.xlsx", "informe.xlsx")]
    [InlineData("informe\u202Excl.xlsx", "informexcl.xlsx")]
    [InlineData("  informe \t\r\n final\u0000.xlsx  ", "informe final.xlsx")]
    [InlineData("<script>alert(1)</script>.xlsx", "script>.xlsx")]
    [InlineData("\u200B\u2066", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_sent_name_is_kept_as_a_file_name_without_what_could_hide_or_reorder_it(string? sent, string? kept) =>
        Assert.Equal(kept, SentNames.Clean(sent));

    [Fact]
    public void A_hostile_length_is_cut_to_the_limit_and_ends_in_an_ellipsis_without_splitting_a_pair()
    {
        var pair = new string('a', SentNames.MaxChars - 2) + "😀😀" + new string('b', 3000) + ".xlsx";
        var huge = new string('a', 1_000_000) + "\uD800" + "informe.xlsx";

        var kept = SentNames.Clean(pair)!;
        var bounded = SentNames.Clean(huge)!;

        Assert.Equal(new string('a', SentNames.MaxChars - 2) + "…", kept);
        Assert.Equal(new string('a', SentNames.MaxChars - 1) + "…", bounded);
        Assert.Equal("\uFFFDinforme.xlsx", SentNames.Clean("\uD800informe.xlsx"));
    }

    [Fact]
    public void Metadata_holds_the_cleaned_name_in_ASCII_and_gives_it_back_cleaned_again()
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [SentNames.MetadataKey] = SentNames.ToMetadata("Informe Panamá\u202E.xlsx")!,
        };

        Assert.All(metadata[SentNames.MetadataKey], c => Assert.True(c < 128));
        Assert.Equal("Informe Panamá.xlsx", SentNames.FromMetadata(metadata));
        // A writer who set the metadata itself gets the same cleaning.
        metadata[SentNames.MetadataKey] = Uri.EscapeDataString("x\u0007y.xlsx");
        Assert.Equal("xy.xlsx", SentNames.FromMetadata(metadata));
        Assert.Null(SentNames.FromMetadata(new Dictionary<string, string>()));
    }
}
