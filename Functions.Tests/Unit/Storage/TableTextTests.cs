using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Storage;

public sealed class TableTextTests
{
    [Fact]
    public void A_text_within_its_limit_is_kept_as_it_is()
    {
        Assert.Equal("María 𝔄", TableText.Bound("María 𝔄", 8)); // 𝔄 is two UTF-16 units
        Assert.Null(TableText.Bound(null, 10));
    }

    [Fact]
    public void A_longer_text_is_cut_within_the_limit_with_an_ellipsis_never_splitting_a_pair()
    {
        Assert.Equal("abcd…", TableText.Bound("abcdefgh", 5));
        // The fifth character would be the high half of 𝔄: cut before it.
        Assert.Equal("abc…", TableText.Bound("abc𝔄def", 5));
        Assert.Equal("abc𝔄…", TableText.Bound("abc𝔄def", 6));
    }

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character()
    {
        Assert.Equal("a\uFFFDb\uFFFD", TableText.Bound("a\uD800b\uDC00", 10));
    }
}
