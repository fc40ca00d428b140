using ServerlessPlan.Core.Telemetry;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// Sends what is due at an instant (<see cref="ReminderRules"/>): a reminder to each unit without an accepted sheet
/// for a quarter whose reminder window is open, a late notice once the deadline has passed, and the ST's list of who is
/// still missing once per ISO week. Only registered contacts receive anything; each mail goes out once whatever the
/// timer does (<see cref="ReminderDispatcher"/>). The timer and <c>serverlessplan reminders</c> both call
/// <see cref="SendDueAsync"/>. Rules and examples: docs/follow-up.md.
/// </summary>
public sealed class ReminderService(
    ReminderRules rules,
    ReportingUnits units,
    SubmissionStore submissions,
    ReminderStore store,
    RegisteredContacts contacts,
    PortalLinks links,
    ReminderDispatcher dispatcher,
    IOptions<ReminderOptions> options,
    SendClaimTimings timings,
    ReminderRunLog runs,
    TimeProvider time,
    PlanTelemetry telemetry,
    ILogger<ReminderService> logger)
{
    /// <summary>
    /// Decides and sends what is due at <paramref name="at"/>. Never throws for a mail that could not go out: the run
    /// says so (<see cref="ReminderRun.Complete"/>), and the timer turns that into a retry.
    /// </summary>
    public async Task<ReminderRun> SendDueAsync(DateTimeOffset at, CancellationToken ct)
    {
        var batch = new Batch(Guid.NewGuid().ToString("N"));
        var submitted = new Dictionary<ReportingPeriod, PeriodSubmissions>();
        async Task<PeriodSubmissions> SubmittedAsync(ReportingPeriod period) =>
            submitted.TryGetValue(period, out var known) ? known : submitted[period] = await submissions.ListPeriodAsync(period, ct);

        // Each unit's windows on its own clock: its "3 days before" starts at its midnight, not the coalition's.
        foreach (var period in rules.CandidatesAt(at))
        {
            foreach (var unit in units.At(period).All)
            {
                if (rules.OpenAt(period, unit.Zone, at) is { } window)
                    batch.Add(DecideUnit(window, unit, await SubmittedAsync(period), at));
            }
        }
        await DispatchAsync(batch, ct);

        // After the units' reminders, so the list shows the ones just sent.
        var week = ReminderRules.WeekOf(at);
        var quarters = new List<ListedQuarter>();
        var listed = rules.ListedAt(at);
        foreach (var period in listed)
        {
            var quarter = await ListQuarterAsync(period, await SubmittedAsync(period), ct);
            // A quarter every unit has filed has nothing to chase: it stays out of the list.
            if (quarter.Missing.Count > 0) quarters.Add(quarter);
        }
        batch.Add(DecideList(week, at, quarters, listed));
        await DispatchAsync(batch, ct);

        var windows = rules.PeriodsInPlay(at).SelectMany(rules.WindowsOf).ToList();
        var run = new ReminderRun(at, week, windows, batch.Slots.Select(s => s.Item).ToList());
        // Every run is recorded, complete or not: the operations status and its alert read that the timer still runs.
        await runs.RecordAsync(new ReminderRunEntity
        {
            At = at, RanAt = time.GetUtcNow(), Week = week, Decided = run.Items.Count, Sent = run.Sent, Complete = run.Complete,
        }, ct);
        telemetry.ReminderRun(run.Complete);
        return run;
    }

    private Slot DecideUnit(ReminderWindow window, ReportingUnit unit, PeriodSubmissions filed, DateTimeOffset at)
    {
        ReminderItem Item(ReminderOutcome outcome, string reason, string? key = null, IReadOnlyList<string>? to = null) =>
            new(window.Kind, window.Period, unit.Code, window.DaysBefore, null, outcome, reason, key, to);

        if (options.Value.Exempt().Contains(unit.Code))
            return new Slot(Item(ReminderOutcome.Exempt, "exempt (Reminders__ExemptUnits)"));
        if (filed.PointerFor(unit.Code) is { } pointer)
            return new Slot(Item(ReminderOutcome.HasAcceptedSheet, $"has an accepted sheet, uploaded {pointer.UploadedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));

        var recipients = contacts.For(unit.Code);
        if (recipients.UnitContacts.Count == 0)
        {
            logger.LogWarning("No registered contact for {Unit} (its Contacts__Units__ setting is empty): its {Kind} reminder for {Period} is not sent",
                unit.Code, window.Key, window.Period);
            return new Slot(Item(ReminderOutcome.NoContact, $"nobody registered in Contacts__Units__{unit.Code}"));
        }

        var rejected = filed.History.Count(h => h.Unit == unit.Code && h.StatusValue == SubmissionStatus.Rejected);
        var mail = ReminderMail.Compose(unit, window, at, rejected, recipients, links.UnitPeriod(unit.Code, window.Period),
            rules.Dates(window.Period, unit.Zone));
        var to = mail.To.Select(r => r.Address).ToList();
        var row = new ReminderEntity
        {
            PartitionKey = ReminderStore.PeriodPartition(window.Period),
            RowKey = ReminderStore.UnitRow(unit.Code, window.Key),
            Kind = window.Kind.Name(),
            Unit = unit.Code,
            Period = window.Period.ToString(),
            DaysBefore = window.DaysBefore,
            Deadline = window.Deadline,
            WindowOpens = window.Opens,
            WindowCloses = window.Closes,
            MessageKey = mail.MessageKey,
            Language = unit.Language.ToCode(),
            Recipients = string.Join(";", to),
        };
        var partition = TableKeys.Partition(window.Period, unit.Code);
        return new Slot(Item(ReminderOutcome.NotAttempted, "not attempted", mail.MessageKey, to),
            new PreparedReminder(row, mail, async ct => await submissions.GetPointerAsync(partition, ct) is null));
    }

    private async Task<ListedQuarter> ListQuarterAsync(ReportingPeriod period, PeriodSubmissions filed, CancellationToken ct)
    {
        var reminded = (await store.ForPeriodAsync(period, ct))
            .Where(r => r.StateValue == ReminderSendState.Sent)
            .OrderBy(r => r.SentAt)
            .ToList();
        var exempt = options.Value.Exempt();
        var members = units.At(period);
        var missing = members.All
            .Where(u => filed.PointerFor(u.Code) is null)
            .Select(u => new MissingUnit(u,
                filed.History.Count(h => h.Unit == u.Code && h.StatusValue == SubmissionStatus.Rejected),
                exempt.Contains(u.Code),
                contacts.For(u.Code).UnitContacts.Count > 0,
                reminded.Where(r => r.Unit == u.Code).ToList()))
            .ToList();
        return new ListedQuarter(period, rules.Dates(period, rules.Coalition).LastDayToSend, members.All.Count, missing);
    }

    /// <param name="listed">The quarters the list covers this week (<see cref="ReminderRules.ListedAt"/>); <paramref name="quarters"/>: those with someone missing.</param>
    private Slot DecideList(string week, DateTimeOffset at, IReadOnlyList<ListedQuarter> quarters, IReadOnlyList<ReportingPeriod> listed)
    {
        var periods = quarters.Select(q => q.Period).ToList();
        ReminderItem Item(ReminderOutcome outcome, string reason, string? key = null, IReadOnlyList<string>? to = null) =>
            new(ReminderKind.WeeklyMissing, null, null, null, week, outcome, reason, key, to, Periods: periods);

        // Exempt units are listed, but do not make the ST a list of their own.
        if (!quarters.Any(q => q.Missing.Any(m => !m.Exempt)))
        {
            return new Slot(Item(ReminderOutcome.NothingMissing,
                listed.Count == 0 ? "no quarter of the plan in force is being reminded or overdue"
                : quarters.Count == 0 ? $"every unit has an accepted sheet for {string.Join(", ", listed)}"
                : $"only exempt units are missing for {string.Join(", ", periods)}"));
        }

        // The ST's addresses; without them, the Secretariat unit's own registered contacts.
        var secretariat = contacts.For(units.All.FirstOrDefault(u => u.Kind == ReportingUnitKind.Secretariat)?.Code ?? "ST");
        var to = (secretariat.Secretariat.Count > 0 ? secretariat.Secretariat : secretariat.UnitContacts).ToList();
        if (to.Count == 0)
        {
            logger.LogWarning("No Contacts__SecretariatCopy and no contact for the ST: the weekly list {Week} of missing units is not sent", week);
            return new Slot(Item(ReminderOutcome.NoContact, "nobody registered in Contacts__SecretariatCopy or for the ST unit"));
        }

        var language = LanguageChoice.Of(options.Value.ListLanguage);
        var mail = MissingUnitsMail.Compose(week, at, rules.Coalition, language, quarters, to.Select(a => new MailRecipient(a)).ToList(), links.Coalition);
        var monday = at.UtcDateTime.Date.AddDays(-(((int)at.UtcDateTime.DayOfWeek + 6) % 7));
        var row = new ReminderEntity
        {
            PartitionKey = ReminderEntity.WeeklyPartition,
            RowKey = week,
            Kind = ReminderKind.WeeklyMissing.Name(),
            Period = string.Join(";", periods),
            Week = week,
            WindowOpens = new DateTimeOffset(monday, TimeSpan.Zero),
            WindowCloses = new DateTimeOffset(monday.AddDays(7), TimeSpan.Zero),
            MessageKey = mail.MessageKey,
            Language = language.ToCode(),
            Recipients = string.Join(";", to),
            Missing = MissingUnitsMail.Summary(quarters),
        };
        return new Slot(Item(ReminderOutcome.NotAttempted, "not attempted", mail.MessageKey, to), new PreparedReminder(row, mail));
    }

    /// <summary>
    /// Sends the batch's prepared mails in order; after a failure that is not about one message, leaves the rest for
    /// the next run. Then waits (up to <see cref="SendClaimTimings.Wait"/>) for mails a rival run holds: it usually
    /// finishes in seconds, and if it failed this run takes them over.
    /// </summary>
    private async Task DispatchAsync(Batch batch, CancellationToken ct)
    {
        foreach (var slot in batch.Slots.Where(s => s.Mail is not null && s.Item.Outcome == ReminderOutcome.NotAttempted))
            await SendAsync(batch, slot, ct);

        // Real elapsed time bounds the wait; leases are judged on the injected clock.
        var waited = Stopwatch.StartNew();
        while (!batch.ProviderDown && batch.Slots.Any(Held) && waited.Elapsed < timings.Wait)
        {
            await Task.Delay(timings.Poll, ct);
            foreach (var slot in batch.Slots.Where(Held).ToList())
                await SendAsync(batch, slot, ct);
        }
        static bool Held(Slot s) => s.Item.Outcome == ReminderOutcome.HeldElsewhere;
    }

    private async Task SendAsync(Batch batch, Slot slot, CancellationToken ct)
    {
        if (batch.ProviderDown)
        {
            slot.Item = slot.Item with { Outcome = ReminderOutcome.NotAttempted, Reason = "not attempted: the provider failed earlier in this run" };
            return;
        }
        var result = await dispatcher.SendOnceAsync(slot.Mail!, batch.Run, ct);
        slot.Item = slot.Item with { Outcome = result.Outcome, Reason = result.Reason, Delivery = result.Delivery };
        batch.ProviderDown |= result.ProviderDown;
    }

    private sealed class Slot(ReminderItem item, PreparedReminder? mail = null)
    {
        public ReminderItem Item { get; set; } = item;
        public PreparedReminder? Mail { get; } = mail;
    }

    private sealed class Batch(string run)
    {
        public string Run { get; } = run;
        public List<Slot> Slots { get; } = [];
        public bool ProviderDown { get; set; }
        public void Add(Slot slot) => Slots.Add(slot);
    }
}
