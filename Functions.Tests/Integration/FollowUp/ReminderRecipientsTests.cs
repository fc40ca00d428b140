using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.FollowUp.ReminderTestHost;

namespace ServerlessPlan.Tests.Integration.FollowUp;

/// <summary>
/// Who receives what: registered contacts only, never an address a sheet names; exempt units; units without contacts;
/// where the ST's list goes; the portal's links when there is a portal. Same scenario as <see cref="ReminderServiceTests"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ReminderRecipientsTests(AzuriteFixture azurite) : ReminderScenario(azurite, October(17))
{
    private async Task FireThroughTheQuarterAsync(ReminderTestHost host)
    {
        foreach (var day in new[] { 17, 18, 25, 28, 31 })
        {
            Clock.SetUtcNow(October(day));
            await host.FireAsync();
        }
    }

    [Fact]
    public async Task Nobody_but_registered_contacts_is_ever_mailed_and_a_unit_without_contacts_is_only_reported_to_the_ST()
    {
        using var host = Host(new Dictionary<string, string?> { ["Contacts:Units:HN"] = null });
        Server.Accept(20);

        await FireThroughTheQuarterAsync(host);

        var mails = Server.Mails();
        Assert.NotEmpty(mails);
        var registeredNow = Registered.Where(a => a != "hn@hn.example.org").ToHashSet();
        Assert.All(mails.SelectMany(m => m.To.Concat(m.Cc)), address => Assert.Contains(address, registeredNow));
        Assert.DoesNotContain(mails, m => m.Text.Contains(Intruder, StringComparison.OrdinalIgnoreCase) || m.To.Contains(Intruder));
        Assert.DoesNotContain(mails, m => m.MessageKey.StartsWith("reminder-HN-", StringComparison.Ordinal));
        var list = mails.Last(m => m.MessageKey.StartsWith("missing-", StringComparison.Ordinal));
        Assert.Equal([Secretariat], list.To);
        Assert.Contains("Honduras (HN): 1 envío rechazado, ninguno aceptado. Avisos enviados: ninguno. Sin contacto registrado: no recibe avisos.", list.Text);
    }

    [Fact]
    public async Task Exempt_units_get_no_reminder_or_late_notice_and_the_ST_list_shows_them_marked_exempt()
    {
        using var host = Host(new Dictionary<string, string?> { ["Reminders:ExemptUnits"] = "bz; ST" });
        Server.Accept(20);

        await FireThroughTheQuarterAsync(host);

        var mails = Server.Mails();
        Assert.Equal(["reminder-HN-2021-Q3-before-14", "reminder-HN-2021-Q3-before-3", "reminder-HN-2021-Q3-late"],
            mails.Where(m => m.MessageKey.StartsWith("reminder-", StringComparison.Ordinal)).Select(m => m.MessageKey));
        var list = mails.Last(m => m.MessageKey.StartsWith("missing-", StringComparison.Ordinal));
        Assert.Contains("Belice (BZ): sin envíos. Exenta de recordatorios.", list.Text);
        Assert.Contains("Secretaría Técnica (ST): sin envíos. Exenta de recordatorios.", list.Text);
        Assert.Contains("3.er trimestre de 2021: presentó 1 de 4 unidades", list.Text);
    }

    [Fact]
    public async Task When_only_exempt_units_are_missing_the_ST_gets_no_list()
    {
        using var host = Host(new Dictionary<string, string?> { ["Reminders:ExemptUnits"] = "HN;BZ;ST" });

        var run = await host.FireAsync();

        Assert.Empty(Server.Requests);
        Assert.True(run.Complete);
        var list = Assert.Single(run.Items, i => i.Kind == ReminderKind.WeeklyMissing);
        Assert.Equal(ReminderOutcome.NothingMissing, list.Outcome);
        Assert.All(run.Items.Where(i => i.Period == Q3 && i.Unit != "GT"), i => Assert.Equal(ReminderOutcome.Exempt, i.Outcome));
    }

    [Fact]
    public async Task Without_an_ST_address_the_list_goes_to_the_ST_unit_s_contacts_and_without_either_to_nobody()
    {
        using (var host = Host(new Dictionary<string, string?> { ["Contacts:SecretariatCopy"] = null }))
        {
            Server.Accept(4);
            await host.FireAsync();
        }
        using (var nobody = Host(new Dictionary<string, string?> { ["Contacts:SecretariatCopy"] = null, ["Contacts:Units:ST"] = null }))
        {
            Clock.SetUtcNow(October(18));
            var run = await nobody.FireAsync();
            Assert.Equal(ReminderOutcome.NoContact, Assert.Single(run.Items, i => i.Kind == ReminderKind.WeeklyMissing).Outcome);
        }

        var lists = Server.Mails().Where(m => m.MessageKey.StartsWith("missing-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["focal.st@coalicion.example"], Assert.Single(lists).To);
        Assert.Contains("Si tiene dudas, consulte a la Secretaría Técnica.", Server.Mails().First(m => m.MessageKey.StartsWith("reminder-HN", StringComparison.Ordinal)).Text);
    }

    [Fact]
    public async Task With_a_portal_mails_link_the_unit_s_quarter_and_the_ST_list_each_quarter_s_board()
    {
        using var host = Host(new Dictionary<string, string?> { ["Portal:BaseUrl"] = "https://portal.example/plan/" });
        Server.Accept(4);

        await host.FireAsync();

        var mails = Server.Mails().ToDictionary(m => m.MessageKey);
        var bz = mails["reminder-BZ-2021-Q3-before-14"];
        Assert.Contains("Download the template, upload the report and see the result in the portal: https://portal.example/plan/units/BZ/2021-Q3", bz.Text);
        Assert.Equal("https://portal.example/plan/units/BZ/2021-Q3", Assert.Single(PortalPages.Parse(bz.Html).QuerySelectorAll("a[href]")).GetAttribute("href"));
        Assert.DoesNotContain("uploads/BZ", bz.Text);
        Assert.Contains("Tablero del trimestre: https://portal.example/plan/coalition/2021-Q3", mails["missing-2021-W41"].Text);
    }
}
