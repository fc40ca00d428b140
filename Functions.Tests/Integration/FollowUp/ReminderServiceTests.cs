using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>
/// What goes out when, and to whom: the default offsets (14;3 days), the default deadline (30 days after the quarter:
/// 2021-Q3 is late from 2021-10-31, last day October 30), the timer at 13:00 UTC. Azurite tables, the real SendGrid
/// client, a fake SendGrid endpoint. GT filed Q3; HN's only upload was rejected; BZ (English) and ST sent nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ReminderServiceTests(AzuriteFixture azurite) : ReminderScenario(azurite, October(17))
{
    private static string[] Keys(ReminderRun run, ReminderOutcome outcome) =>
        [.. run.Items.Where(i => i.Outcome == outcome).Select(i => i.MessageKey!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task At_each_offset_and_after_the_deadline_the_units_without_an_accepted_sheet_get_the_right_kind_in_their_language()
    {
        using var host = Host();
        Server.Accept(11);

        var fourteen = await host.FireAsync();
        Clock.SetUtcNow(October(28));
        var three = await host.FireAsync();
        Clock.SetUtcNow(October(31));
        var late = await host.FireAsync();

        Assert.Equal(["missing-2021-W41", "reminder-BZ-2021-Q3-before-14", "reminder-HN-2021-Q3-before-14", "reminder-ST-2021-Q3-before-14"],
            Keys(fourteen, ReminderOutcome.Sent));
        Assert.Equal(["missing-2021-W43", "reminder-BZ-2021-Q3-before-3", "reminder-HN-2021-Q3-before-3", "reminder-ST-2021-Q3-before-3"],
            Keys(three, ReminderOutcome.Sent));
        // October 31 is in the same ISO week as October 28: no second list.
        Assert.Equal(["reminder-BZ-2021-Q3-late", "reminder-HN-2021-Q3-late", "reminder-ST-2021-Q3-late"], Keys(late, ReminderOutcome.Sent));
        Assert.All([fourteen, three, late], run => Assert.True(run.Complete));
        Assert.All([fourteen, three, late], run =>
            Assert.Equal(ReminderOutcome.HasAcceptedSheet, Assert.Single(run.Items, i => i.Unit == "GT" && i.Period == Q3).Outcome));

        var mails = Server.Mails().ToDictionary(m => m.MessageKey);
        Assert.Equal(11, mails.Count);
        Assert.DoesNotContain(mails.Values, m => m.To.Any(a => a.StartsWith("gt", StringComparison.Ordinal)));

        var hn = mails["reminder-HN-2021-Q3-before-14"];
        Assert.Equal(["hn@hn.example.org"], hn.To);
        Assert.Empty(hn.Cc);
        Assert.Equal("[ServerlessPlan] HN, 3.er trimestre de 2021: recordatorio — el informe vence el 30 de octubre de 2021", hn.Subject);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021, hasta las 23:59 (UTC). Quedan 14 días, contando hoy.", hn.Text);
        Assert.Contains("Si tiene dudas, escriba a la Secretaría Técnica: st@coalicion.example.", hn.Text);

        var bz = mails["reminder-BZ-2021-Q3-before-3"];
        Assert.Equal(["bz@bz.example.org"], bz.To);
        Assert.Equal("[ServerlessPlan] BZ, 3rd quarter of 2021: reminder — the report is due on 30 October 2021", bz.Subject);
        Assert.Contains("Belize has no accepted report for the 3rd quarter of 2021 yet.", bz.Text);
        Assert.Contains("Last day to send: 30 October 2021, until 23:59 (UTC). 3 days left, counting today.", bz.Text);
        Assert.Contains("Upload the completed sheet to the folder uploads/BZ/2021-Q3/", bz.Text);

        Assert.Equal("[ServerlessPlan] BZ, 3rd quarter of 2021: report overdue — the deadline was 30 October 2021", mails["reminder-BZ-2021-Q3-late"].Subject);
        var stLate = mails["reminder-ST-2021-Q3-late"];
        Assert.Equal(["focal.st@coalicion.example"], stLate.To);
        Assert.Contains("El plazo del informe de Secretaría Técnica del 3.er trimestre de 2021 venció", stLate.Text);
        Assert.Contains("Último día para enviar: 30 de octubre de 2021, hasta las 23:59 (UTC). Envíelo cuanto antes", stLate.Text);
    }

    [Fact]
    public async Task A_unit_whose_only_upload_was_rejected_is_reminded_and_told_none_was_accepted()
    {
        using var host = Host();
        Server.Accept(4);

        await host.FireAsync();

        var hn = Assert.Single(Server.Mails(), m => m.MessageKey == "reminder-HN-2021-Q3-before-14");
        Assert.Contains("Recibimos 1 envío de este trimestre, pero no fue aceptado", hn.Text);
        Assert.DoesNotContain("envío(s)", Assert.Single(Server.Mails(), m => m.MessageKey == "reminder-ST-2021-Q3-before-14").Text);
    }

    [Fact]
    public async Task A_double_firing_sends_each_mail_once()
    {
        using var host = Host();
        Server.Accept(4);

        var first = await host.FireAsync();
        Clock.Advance(TimeSpan.FromSeconds(2));
        var second = await host.FireAsync();

        Assert.Equal(4, first.Sent);
        Assert.Equal(0, second.Sent);
        Assert.Equal(4, second.Items.Count(i => i.Outcome == ReminderOutcome.AlreadySent));
        Assert.True(second.Complete);
        Assert.Equal(4, Server.Requests.Count);
    }

    [Fact]
    public async Task Two_instances_firing_at_once_send_each_mail_once_and_both_end_complete()
    {
        using var a = Host();
        using var b = Host();
        Server.Accept(4);

        var runs = await Task.WhenAll(Task.Run(a.FireAsync), Task.Run(b.FireAsync));

        var mails = Server.Mails();
        Assert.Equal(4, mails.Count);
        Assert.Equal(4, mails.Select(m => m.MessageKey).Distinct().Count());
        Assert.Equal(4, runs.Sum(r => r.Sent));
        Assert.All(runs, r => Assert.True(r.Complete, string.Join("; ", r.Items.Select(i => $"{i.MessageKey}: {i.Outcome}"))));
        var rows = await a.Store.ForPeriodAsync(Q3, default);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((nameof(ReminderSendState.Sent), 1), (r.State, r.Claims)));
    }

    [Fact]
    public async Task A_firing_after_a_missed_14_day_point_still_sends_it_inside_its_window_with_the_days_actually_left()
    {
        using var host = Host();
        Server.Accept(8);
        Clock.SetUtcNow(October(25)); // the host was down from the 17th

        var late = await host.FireAsync();
        Clock.SetUtcNow(October(28));
        var three = await host.FireAsync();

        Assert.Contains("reminder-HN-2021-Q3-before-14", Keys(late, ReminderOutcome.Sent));
        Assert.Contains("Quedan 6 días, contando hoy.", Assert.Single(Server.Mails(), m => m.MessageKey == "reminder-HN-2021-Q3-before-14").Text);
        Assert.Contains("reminder-HN-2021-Q3-before-3", Keys(three, ReminderOutcome.Sent));
    }

    [Fact]
    public async Task A_firing_past_the_14_day_window_sends_only_the_3_day_reminder()
    {
        using var host = Host();
        Server.Accept(4);
        Clock.SetUtcNow(October(29)); // down from the 17th to the 29th

        var run = await host.FireAsync();

        Assert.Equal(["missing-2021-W43", "reminder-BZ-2021-Q3-before-3", "reminder-HN-2021-Q3-before-3", "reminder-ST-2021-Q3-before-3"],
            Keys(run, ReminderOutcome.Sent));
        Assert.DoesNotContain(run.Items, i => i.DaysBefore == 14);
        var fourteen = Assert.Single(run.Windows, w => w.Period == Q3 && w.DaysBefore == 14);
        Assert.Equal((October(17).Date, October(28).Date), (fourteen.Opens.Date, fourteen.Closes.Date));
        Assert.False(fourteen.Contains(run.At));
        Assert.DoesNotContain(await host.Store.ForPeriodAsync(Q3, default), r => r.DaysBefore == 14);
        Assert.Contains("Quedan 2 días, contando hoy.", Assert.Single(Server.Mails(), m => m.MessageKey == "reminder-HN-2021-Q3-before-3").Text);
    }

    [Fact]
    public async Task A_sheet_accepted_between_two_firings_stops_the_unit_s_reminders()
    {
        using var host = Host();
        Server.Accept(4 + 3);
        await host.FireAsync();
        await ReportStorage.SubmitAsync(Storage, "BZ", Q3, October(20), [TestPlan.Row("BZ", Q3, TestPlan.National, 20)]);
        Clock.SetUtcNow(October(28));

        var three = await host.FireAsync();

        Assert.Equal(ReminderOutcome.HasAcceptedSheet, Assert.Single(three.Items, i => i.Unit == "BZ" && i.Period == Q3).Outcome);
        Assert.Equal(["missing-2021-W43", "reminder-HN-2021-Q3-before-3", "reminder-ST-2021-Q3-before-3"], Keys(three, ReminderOutcome.Sent));
    }
}
