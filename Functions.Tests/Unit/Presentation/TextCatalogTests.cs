using System.Reflection;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Tests.Unit.Presentation;

/// <summary>
/// The localisation seam's promise: every text a page or a mail writes lives in a catalog (a static class whose name
/// ends in <c>Texts</c>) as a <see cref="LocalizedText"/> pair, and every pair has both languages. Catalog methods
/// that build a text from values are called with sample arguments, so their pairs are checked too.
/// </summary>
public sealed class TextCatalogTests
{
    private static readonly Assembly[] Assemblies =
        [typeof(LocalizedText).Assembly, typeof(Functions.Portal.Pages.Layout).Assembly];

    public static TheoryData<string> Catalogs()
    {
        var data = new TheoryData<string>();
        foreach (var type in CatalogTypes()) data.Add(type.FullName!);
        return data;
    }

    [Fact]
    public void The_portal_frame_and_the_error_page_have_catalogs()
    {
        var names = CatalogTypes().Select(t => t.Name).ToList();
        Assert.Contains("LayoutTexts", names);
        Assert.Contains("ErrorTexts", names);
        Assert.Contains("SignInTexts", names);
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Every_text_of_a_catalog_exists_in_Spanish_and_in_English(string catalog)
    {
        var type = CatalogTypes().Single(t => t.FullName == catalog);
        var texts = TextsOf(type).ToList();
        Assert.NotEmpty(texts);
        foreach (var (member, text) in texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Es), $"{catalog}.{member} has no Spanish");
            Assert.False(string.IsNullOrWhiteSpace(text.En), $"{catalog}.{member} has no English");
        }
    }

    private static IEnumerable<Type> CatalogTypes() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Texts", StringComparison.Ordinal))
            .Where(t => TextsOf(t).Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<(string Member, LocalizedText Text)> TextsOf(Type catalog)
    {
        const BindingFlags statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in catalog.GetFields(statics).Where(f => f.FieldType == typeof(LocalizedText)))
            yield return (field.Name, (LocalizedText)field.GetValue(null)!);
        foreach (var property in catalog.GetProperties(statics).Where(p => p.PropertyType == typeof(LocalizedText)))
            yield return (property.Name, (LocalizedText)property.GetValue(null)!);
        foreach (var method in catalog.GetMethods(statics).Where(m => m.ReturnType == typeof(LocalizedText) && !m.IsSpecialName))
        {
            var arguments = method.GetParameters().Select(p => SampleOf(p.ParameterType)).ToArray();
            if (arguments.Any(a => a is null)) continue;
            yield return ($"{method.Name}(…)", (LocalizedText)method.Invoke(null, arguments)!);
        }
    }

    /// <summary>A value for a catalog method's parameter, or null when the type is not a simple one.</summary>
    private static object? SampleOf(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(int) ? 2
        : type == typeof(long) ? 2L
        : type == typeof(double) ? 2.5
        : type == typeof(decimal) ? 2.5m
        : type == typeof(LocalizedText) ? new LocalizedText("x", "x")
        : type == typeof(DateOnly) ? new DateOnly(2021, 11, 23)
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2021, 11, 23, 9, 0, 0, TimeSpan.Zero)
        : null;
}
