using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Locks;

/// <summary>
/// Locks a quarter for uploads at its deadline plus <c>Reports__LockGraceDays</c> and lets the ST reopen it for one unit
/// for some days, with a reason, or end such a reopening early (docs/follow-up.md, "Period lock and reopen"). The
/// ingestion and <c>POST /api/validate</c> ask <see cref="AtAsync"/> (no storage read before the automatic lock); the CLI's
/// <c>reopen</c> / <c>lock</c> and the portal call <see cref="ReopenAsync"/> / <see cref="LockAsync"/>, and read
/// <see cref="StateAsync"/> (a unit's quarter) and <see cref="ForPeriodAsync"/> (the ST's board). Every change is an entry
/// appended to the unit's history (<see cref="PeriodLockStore"/>), never an overwrite; repeating a change is a no-op, and
/// of racing changes each one decides on what the other recorded.
/// </summary>
public sealed class PeriodLockService(
    PeriodLockStore store,
    ReportingCalendar calendar,
    PlanRegistry plans,
    ReportingUnits units,
    TimeProvider time,
    ILogger<PeriodLockService> logger)
{
    /// <summary>The longest reopening: a quarter reopened for longer is a deadline moved, which is a setting, not an exception.</summary>
    public const int MaxDays = 90;

    public const int MaxReasonChars = 500;
    public const int MaxByChars = 120;

    /// <summary>Entries one unit's quarter may hold (the row stays well under Table Storage's 1 MiB).</summary>
    public const int MaxEntries = 50;

    private const int MaxAttempts = 20;

    /// <summary>
    /// A unit's quarter with nothing recorded: what the calendar alone says, on the unit's clock (a code no longer
    /// listed is read on the coalition's).
    /// </summary>
    public PeriodLockState Calendar(string unit, ReportingPeriod period) =>
        new(unit.ToUpperInvariant(), period, calendar.Dates(period, units.Find(unit)?.Zone ?? units.Coalition), []);

    /// <summary>The first instant any member unit's quarter locks (the clocks differ by hours); null when quarters never lock.</summary>
    public DateTimeOffset? FirstLock(ReportingPeriod period) =>
        units.At(period).All.Select(u => calendar.Dates(period, u).LocksAt).Min();

    /// <summary>A unit's quarter: deadline, automatic lock, and every reopening and early lock recorded (one point read).</summary>
    public async Task<PeriodLockState> StateAsync(string unit, ReportingPeriod period, CancellationToken ct)
    {
        var row = await store.GetAsync(period, unit, ct);
        return Calendar(unit, period) with { Entries = row?.Entries ?? [] };
    }

    /// <summary>Every member unit's state for the quarter, in unit order (one partition read), for the ST's board and the reports.</summary>
    public async Task<IReadOnlyList<PeriodLockState>> ForPeriodAsync(ReportingPeriod period, CancellationToken ct)
    {
        var rows = (await store.ListAsync(period, ct)).ToDictionary(r => r.Unit, StringComparer.OrdinalIgnoreCase);
        var states = units.At(period).All.Select(u => Calendar(u.Code, period) with { Entries = rows.GetValueOrDefault(u.Code)?.Entries ?? [] }).ToList();
        // A unit no longer listed keeps its history visible.
        states.AddRange(rows.Values.Where(r => states.All(s => !string.Equals(s.Unit, r.Unit, StringComparison.OrdinalIgnoreCase)))
            .Select(r => Calendar(r.Unit, period) with { Entries = r.Entries }));
        return states;
    }

    /// <summary>
    /// Every member unit's state as known at <paramref name="instant"/> (default now): the entries recorded by then. No
    /// read when the quarter had not locked by then — nothing can have been reopened — or never locks.
    /// </summary>
    public async Task<IReadOnlyList<PeriodLockState>> KnownAtAsync(ReportingPeriod period, DateTimeOffset? instant, CancellationToken ct)
    {
        var at = instant ?? time.GetUtcNow();
        if (FirstLock(period) is not { } locksAt || at < locksAt) return [];
        return (await ForPeriodAsync(period, ct)).Select(s => s.AsOf(at)).ToList();
    }

    /// <summary>
    /// Whether an upload for <paramref name="unit"/>'s <paramref name="period"/> arriving at <paramref name="arrival"/> is
    /// accepted: before the automatic lock without reading storage, after it by the unit's reopenings.
    /// </summary>
    public async Task<LockVerdict> AtAsync(string unit, ReportingPeriod period, DateTimeOffset arrival, CancellationToken ct)
    {
        var byCalendar = Calendar(unit, period).At(arrival);
        return byCalendar.Status == PeriodLockStatus.Open ? byCalendar : (await StateAsync(unit, period, ct)).At(arrival);
    }

    /// <summary>Reopens the unit's quarter from now until the end of the <c>Days</c>th day after the unit's today, on its clock.</summary>
    public async Task<LockChange> ReopenAsync(ReopenRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var (reason, by) = (TableText.Bound(request.Reason?.Trim(), MaxReasonChars) ?? "", TableText.Bound(request.By?.Trim(), MaxByChars) ?? "");
        if (Invalid(request.Unit, request.Period, by) is { } invalid) return invalid;
        if (request.Days is < 1 or > MaxDays)
        {
            return Refuse(LockRefusal.InvalidDays, null, new($"Los días de la reapertura van de 1 a {MaxDays}; se pidieron {request.Days}.",
                $"A reopening lasts 1 to {MaxDays} days; {request.Days} were asked."));
        }
        if (reason.Length == 0)
            return Refuse(LockRefusal.ReasonMissing, null, LockTexts.ReasonMissing);
        if (NotLocked(request.Unit, request.Period, now) is { } refused) return refused;

        var unit = units.Find(request.Unit)!.Code;
        var until = ReopenWindow.Until(now, request.Days, units.Find(unit)!.Zone);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await store.GetAsync(request.Period, unit, ct);
            var state = Calendar(unit, request.Period) with { Entries = row?.Entries ?? [] };
            if (state.At(now).Window is { } open && open.Reopening.Until == until && Same(open.Reopening.By, by) &&
                string.Equals(open.Reopening.Reason, reason, StringComparison.Ordinal))
            {
                return new LockChange(LockChangeOutcome.AlreadyReopened, state, Reopened(state, open, already: "ya está "), Entry: open.Reopening);
            }
            if (state.Entries.Count >= MaxEntries) return TooMany(state);

            var entry = new LockEntry(state.Entries.Count + 1, LockAction.Reopen, now, until, by, reason);
            if (!await store.TryAppendAsync(request.Period, unit, row, entry, ct)) continue;
            var after = state with { Entries = [.. state.Entries, entry] };
            logger.LogInformation("{Unit} {Period} reopened by {By} until {Until:o}: {Reason}", unit, request.Period, by, until, reason);
            return new LockChange(LockChangeOutcome.Reopened, after, Reopened(after, after.At(now).Window!, already: ""), Entry: entry);
        }

        throw new InvalidOperationException($"Could not record the reopening of {unit} {request.Period}: its history kept changing.");
    }

    /// <summary>
    /// Ends the reopening in force now. A quarter before its automatic lock is refused: <c>lock</c> never locks a quarter
    /// early, so no unit loses days of grace the others have; one already locked is a no-op.
    /// </summary>
    public async Task<LockChange> LockAsync(LockRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var (reason, by) = (TableText.Bound(request.Reason?.Trim(), MaxReasonChars) ?? "", TableText.Bound(request.By?.Trim(), MaxByChars) ?? "");
        if (Invalid(request.Unit, request.Period, by) is { } invalid) return invalid;
        if (NotLocked(request.Unit, request.Period, now) is { } refused) return refused;

        var unit = units.Find(request.Unit)!.Code;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await store.GetAsync(request.Period, unit, ct);
            var state = Calendar(unit, request.Period) with { Entries = row?.Entries ?? [] };
            var verdict = state.At(now);
            if (verdict.Window is null)
            {
                var since = LockTexts.LockDay(verdict.LockedSince!.Value, state.Zone, Language.Es);
                var sinceEn = LockTexts.LockDay(verdict.LockedSince!.Value, state.Zone, Language.En);
                return new LockChange(LockChangeOutcome.AlreadyLocked, state,
                    new($"{unit} {request.Period} ya está cerrado desde el {since}: no hay reapertura en curso.",
                        $"{unit} {request.Period} is already locked, since {sinceEn}: no reopening is in force."));
            }
            if (state.Entries.Count >= MaxEntries) return TooMany(state);

            var entry = new LockEntry(state.Entries.Count + 1, LockAction.Lock, now, null, by, reason);
            if (!await store.TryAppendAsync(request.Period, unit, row, entry, ct)) continue;
            var after = state with { Entries = [.. state.Entries, entry] };
            logger.LogInformation("{Unit} {Period} locked again by {By}, ending the reopening by {ReopenedBy}: {Reason}",
                unit, request.Period, by, verdict.Window.Reopening.By, reason);
            var r = verdict.Window.Reopening;
            return new LockChange(LockChangeOutcome.Locked, after,
                new($"{unit} {request.Period} cerrado de nuevo el {DeadlineText.DateTime(now, state.Zone, Language.Es)}: termina la reapertura de {r.By} del {DeadlineText.Date(r.At, state.Zone, Language.Es)}, que iba hasta el {DeadlineText.Date(verdict.Window.LastDay, Language.Es)}.",
                    $"{unit} {request.Period} locked again on {DeadlineText.DateTime(now, state.Zone, Language.En)}: the reopening by {r.By} of {DeadlineText.Date(r.At, state.Zone, Language.En)}, meant to last until {DeadlineText.Date(verdict.Window.LastDay, Language.En)} inclusive, ends."), Entry: entry);
        }

        throw new InvalidOperationException($"Could not record the lock of {unit} {request.Period}: its history kept changing.");
    }

    /// <summary>What makes a request wrong in itself: a unit, a quarter of a plan in force that the unit is a member of, a name.</summary>
    private LockChange? Invalid(string unitText, ReportingPeriod period, string by)
    {
        if (!RequestWords.TryUnit(units, unitText, out var unit, out var unknown)) return Refuse(LockRefusal.UnknownUnit, null, unknown);
        if (RequestWords.OutsidePlan(plans, period) is { } outside) return Refuse(LockRefusal.OutsidePlan, null, outside);
        if (RequestWords.NotMember(unit, period) is { } notMember) return Refuse(LockRefusal.NotMember, null, notMember);
        return by.Length == 0 ? Refuse(LockRefusal.ByMissing, null, new("Indique quién hace el cambio.", "Say who makes the change.")) : null;
    }

    /// <summary>Why nothing can be reopened or locked yet: quarters never lock, or this one has not reached its automatic lock.</summary>
    private LockChange? NotLocked(string unitText, ReportingPeriod period, DateTimeOffset now)
    {
        var unit = units.Find(unitText)!;
        var state = Calendar(unit.Code, period);
        if (state.LocksAt is not { } locksAt)
        {
            return Refuse(LockRefusal.NeverLocks, state, new("Los trimestres no se cierran (Reports__LockGraceDays = -1): no hay nada que reabrir ni cerrar.",
                "Quarters never lock (Reports__LockGraceDays = -1): there is nothing to reopen or lock."));
        }
        if (now < locksAt)
        {
            return Refuse(LockRefusal.NotYetLocked, state,
                new($"{period} todavía no está cerrado: acepta informes de {unit.Code} hasta el {DeadlineText.EndOfDay(state.Dates.LastDayBeforeLock!.Value, state.Zone, Language.Es)} y se cierra el {DeadlineText.Date(locksAt, state.Zone, Language.Es)}. No se puede cerrar antes para una unidad.",
                    $"{period} is not locked yet: it accepts {unit.Code}'s reports until {DeadlineText.EndOfDay(state.Dates.LastDayBeforeLock!.Value, state.Zone, Language.En)} and locks on {DeadlineText.Date(locksAt, state.Zone, Language.En)}. It cannot be locked earlier for one unit."));
        }

        return null;
    }

    private static LocalizedText Reopened(PeriodLockState state, ReopenWindow window, string already) =>
        new($"{state.Unit} {state.Period} {already}{LockTexts.Window(window, Language.Es)}; acepta informes hasta el {DeadlineText.EndOfDay(window.LastDay, state.Zone, Language.Es)}.",
            $"{state.Unit} {state.Period} {(already.Length > 0 ? "is already " : "")}{LockTexts.Window(window, Language.En)}; it accepts reports until {DeadlineText.EndOfDay(window.LastDay, state.Zone, Language.En)}.");

    private static LockChange TooMany(PeriodLockState state) => Refuse(LockRefusal.TooManyEntries, state,
        new($"{state.Unit} {state.Period} ya tiene {MaxEntries} reaperturas y cierres registrados: no se registran más.",
            $"{state.Unit} {state.Period} already has {MaxEntries} reopenings and locks recorded: no more are recorded."));

    private static LockChange Refuse(LockRefusal refusal, PeriodLockState? state, LocalizedText message) =>
        new(LockChangeOutcome.Refused, state, message, refusal);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
