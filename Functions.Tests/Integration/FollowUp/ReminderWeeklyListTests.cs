using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;
using static ServerlessPlan.Tests.Support.ReportStorage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>The ST's list of missing units: once per ISO week, exactly the units without an accepted sheet, with what each was sent.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ReminderWeeklyListTests(AzuriteFixture azurite) : ReminderScenario(azurite, October(18))
{
    private IReadOnlyList<SentMail> Lists() => [.. Server.Mails().Where(m => m.MessageKey.StartsWith("missing-", StringComparison.Ordinal))];

    [Fact]
    public async Task The_list_goes_out_once_per_ISO_week_and_names_exactly_the_units_still_missing()
    {
        using var host = Host();
        Server.Accept(3 + 1 + 1);

        // Monday of week 42 (the 14-day reminders and the list), Tuesday and Sunday of the same week (nothing new).
        var monday = await host.FireAsync();
        Clock.SetUtcNow(October(19));
        var tuesday = await host.FireAsync();
        Clock.SetUtcNow(October(24));
        await host.FireAsync();
        // BZ files during the weekend; the next Monday's list no longer names it.
        await SubmitAsync(Storage, "BZ", Q3, October(23), [Row("BZ", Q3, National, 20)]);
        Clock.SetUtcNow(October(25));
        var nextMonday = await host.FireAsync();

        Assert.Equal(["missing-2021-W42", "missing-2021-W43"], Lists().Select(m => m.MessageKey));
        Assert.Equal(ReminderOutcome.AlreadySent, Assert.Single(tuesday.Items, i => i.Kind == ReminderKind.WeeklyMissing).Outcome);
        Assert.Equal([Q3], Assert.Single(monday.Items, i => i.Kind == ReminderKind.WeeklyMissing).Periods);

        var first = Lists()[0];
        Assert.Equal([ReminderTestHost.Secretariat], first.To);
        Assert.Equal("[ServerlessPlan] Informes pendientes — semana 2021-W42 (3)", first.Subject);
        Assert.Contains("3.er trimestre de 2021: presentó 1 de 4 unidades", first.Text);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021, hasta las 23:59 en la hora de cada unidad. Quedan 13 días, contando hoy.", first.Text);
        Assert.Equal(
        [
            "- Honduras (HN): 1 envío rechazado, ninguno aceptado. Avisos enviados: 14 días antes (18 de octubre de 2021).",
            "- Belice (BZ): sin envíos. Avisos enviados: 14 días antes (18 de octubre de 2021).",
            "- Secretaría Técnica (ST): sin envíos. Avisos enviados: 14 días antes (18 de octubre de 2021).",
        ], first.Text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Guatemala", first.Text);

        var second = Lists()[1];
        Assert.Contains("3.er trimestre de 2021: presentaron 2 de 4 unidades", second.Text);
        Assert.Contains("Honduras (HN)", second.Text);
        Assert.DoesNotContain("Belice", second.Text);
        var row = (await host.Store.GetAsync(ReminderEntity.WeeklyPartition, "2021-W43", default))!;
        Assert.Equal(("2021-Q3:HN,ST", "2021-Q3", nameof(ReminderSendState.Sent)), (row.Missing, row.Period, row.State));
        Assert.Equal(ReminderOutcome.Sent, Assert.Single(nextMonday.Items, i => i.Kind == ReminderKind.WeeklyMissing).Outcome);
    }

    [Fact]
    public async Task An_English_list_covers_the_overdue_quarter_and_the_next_one_once_its_reminders_have_begun()
    {
        using var host = Host(new Dictionary<string, string?> { ["Reminders:ListLanguage"] = "en" });
        // 2022-01-17 (Monday): 2021-Q3 is still the last quarter due, and 2021-Q4's 14-day reminders begin that day.
        Clock.SetUtcNow(new DateTimeOffset(2022, 1, 17, 13, 0, 0, TimeSpan.Zero));
        Server.Accept(3 + 4 + 1);

        var run = await host.FireAsync();

        Assert.True(run.Complete);
        Assert.Equal([Q3, new Core.Plan.ReportingPeriod(2021, 4)], Assert.Single(run.Items, i => i.Kind == ReminderKind.WeeklyMissing).Periods);
        var list = Assert.Single(Lists());
        Assert.Equal("[ServerlessPlan] Missing reports — week 2022-W03 (7)", list.Subject);
        Assert.Contains("3rd quarter of 2021: 1 of 4 units filed", list.Text);
        Assert.Contains("Last day to send: 30 October 2021, until 23:59 on each unit's own clock. Overdue by 79 days.", list.Text);
        Assert.Contains("Belize (BZ): nothing uploaded. Notices sent: late notice (17 January 2022).", list.Text);
        Assert.Contains("4th quarter of 2021: 0 of 4 units filed", list.Text);
        Assert.Contains("Last day to send: 30 January 2022, until 23:59 on each unit's own clock. 14 days left, counting today.", list.Text);
    }
}
