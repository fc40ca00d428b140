using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class ActivityStatusLabelsTests
{
    [Theory]
    [InlineData("no iniciada", ActivityStatus.NotStarted)]
    [InlineData("En Proceso", ActivityStatus.InProgress)]
    [InlineData("  en   proceso ", ActivityStatus.InProgress)]
    [InlineData("COMPLETADA", ActivityStatus.Completed)]
    [InlineData("No aplica", ActivityStatus.NotApplicable)]
    [InlineData("not started", ActivityStatus.NotStarted)]
    [InlineData("In-Progress", ActivityStatus.InProgress)]
    [InlineData("Completed", ActivityStatus.Completed)]
    [InlineData("not applicable", ActivityStatus.NotApplicable)]
    [InlineData("No Iniciáda", ActivityStatus.NotStarted)]
    [InlineData("InProgress", ActivityStatus.InProgress)]
    public void Reads_either_language_ignoring_case_accents_and_spacing(string text, ActivityStatus expected)
    {
        Assert.True(ActivityStatusLabels.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a medias")]
    [InlineData("completo")]
    [InlineData("50")]
    public void Rejects_anything_else(string? text)
    {
        Assert.False(ActivityStatusLabels.TryParse(text, out _));
    }

    [Fact]
    public void Every_label_of_both_languages_parses_back_to_its_status()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var status in Enum.GetValues<ActivityStatus>())
        {
            Assert.True(ActivityStatusLabels.TryParse(status.Label(language), out var parsed));
            Assert.Equal(status, parsed);
        }
        }

        Assert.Equal(["no iniciada", "en proceso", "completada", "no aplica"], ActivityStatusLabels.All(Language.Es));
        Assert.Equal(["not started", "in progress", "completed", "not applicable"], ActivityStatusLabels.All(Language.En));
    }
}
