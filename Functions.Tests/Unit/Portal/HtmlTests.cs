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
    [InlineData("informe GT 2021-Q3.xlsx", "20211020-120000-informe-GT-2021-Q3.xlsx")]
    [InlineData(@"C:\Users\ana\Documents\Informe Guatemala Año 2021.xlsx", "20211020-120000-Informe-Guatemala-Ano-2021.xlsx")]
    [InlineData("../../archive/GT/x.xlsx", "20211020-120000-x.xlsx")]
    [InlineData("<img src=x>.xlsx", "20211020-120000-img-src-x.xlsx")]
    [InlineData(null, "20211020-120000-informe.xlsx")]
    [InlineData("....xlsx", "20211020-120000-informe.xlsx")]
    public void Upload_names_keep_only_safe_characters(string? original, string expected)
    {
        var name = UploadNames.For(original, new DateTimeOffset(2021, 10, 20, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(expected, name);
        Assert.True(UploadNames.IsStem(name[..^5]));
    }
}
