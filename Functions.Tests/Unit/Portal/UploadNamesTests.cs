using ServerlessPlan.Core.Portal.Uploads;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>Upload names never carry what a browser sent.</summary>
public sealed class UploadNamesTests
{
    [Theory]
    [InlineData("informe GT 2021-Q3.xlsx", "20211020-120000-informe-GT-2021-Q3-0123abcd.xlsx")]
    [InlineData(@"C:\Users\ana\Documents\Informe Guatemala Año 2021.xlsx", "20211020-120000-Informe-Guatemala-Ano-2021-0123abcd.xlsx")]
    [InlineData("../../archive/GT/x.xlsx", "20211020-120000-x-0123abcd.xlsx")]
    [InlineData("<img src=x>.xlsx", "20211020-120000-img-src-x-0123abcd.xlsx")]
    [InlineData(null, "20211020-120000-informe-0123abcd.xlsx")]
    [InlineData("....xlsx", "20211020-120000-informe-0123abcd.xlsx")]
    public void Upload_names_keep_only_safe_characters_and_name_their_content(string? original, string expected)
    {
        var name = UploadNames.For(original, new DateTimeOffset(2021, 10, 20, 12, 0, 0, TimeSpan.Zero), "0123abcd" + new string('e', 56));

        Assert.Equal(expected, name);
        Assert.True(UploadNames.IsStem(name[..^5]));
    }
}
