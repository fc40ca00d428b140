using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.FollowUp;

/// <summary><c>Reminders__*</c> as configured: read, and checked at start-up against the plan's units.</summary>
public sealed class ReminderOptionsTests
{
    private static ServiceProvider Compose(params (string Key, string? Value)[] settings) => CoreComposition.WithSettings(settings);

    private static void Validate(ServiceProvider services) => services.ValidateOnStart();

    [Fact]
    public void The_defaults_remind_14_and_3_days_before_exempt_nobody_and_write_the_list_in_Spanish()
    {
        using var services = Compose();
        Validate(services);

        var options = services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        Assert.Equal([14, 3], options.Offsets());
        Assert.Empty(options.Exempt());
        Assert.Equal("es", options.ListLanguage);
    }

    [Fact]
    public void Exempt_codes_are_read_in_any_case_with_either_separator()
    {
        using var services = Compose(("Reminders:ExemptUnits", " ni; st ,BZ"), ("Reminders:DaysBefore", "7"));
        Validate(services);

        var options = services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        Assert.Equal(["BZ", "NI", "ST"], options.Exempt().Order(StringComparer.Ordinal));
        Assert.Equal([7], options.Offsets());
    }

    [Theory]
    [InlineData("Reminders:ExemptUnits", "GT;XX", "Reminders__ExemptUnits: 'XX' is not a reporting unit")]
    [InlineData("Reminders:DaysBefore", "14;tres", "Reminders__DaysBefore: 'tres' is not a number of days from 1 to 365")]
    [InlineData("Reminders:DaysBefore", "0", "'0' is not a number of days")]
    [InlineData("Reminders:DaysBefore", "400", "'400' is not a number of days")]
    [InlineData("Reminders:DaysBefore", "-3", "'-3' is not a number of days")]
    [InlineData("Reminders:DaysBefore", "14;3;14", "Reminders__DaysBefore: 14 is given twice")]
    [InlineData("Reminders:ListLanguage", "fr", "Reminders__ListLanguage: 'fr' must be 'es' or 'en'")]
    public void Start_up_fails_on_an_unknown_unit_a_bad_offset_or_language(string key, string value, string message)
    {
        using var services = Compose((key, value));

        var ex = Assert.Throws<OptionsValidationException>(() => Validate(services));
        Assert.Contains(message, ex.Message);
    }
}
