using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>Pages encode whatever is not markup the code wrote; upload names never carry what a browser sent.</summary>
public sealed class HtmlTests
{
    [Fact]
    public void Interpolated_data_is_encoded_and_markup_passes_through()
    {
        var fromSheet = "<script>alert('x')</script> & «Informe»";
        var inner = Html.Of($"<em>{fromSheet}</em>");

        var page = Html.Of($"<p title=\"{fromSheet}\">{inner}{42}</p>");

        Assert.Equal("<p title=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; «Informe»\"><em>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; «Informe»</em>42</p>", page.Value);
    }

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
