using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// A unit's quarter lock state in plain words, for the focal point's pages and the ST's board: "se cierra el …",
/// "cerrado desde el … — para enviar, pida una reapertura a la Secretaría Técnica (…)", "reabierto por … hasta el …:
/// «motivo»". Dates in the one wording of dates (<see cref="PortalFormat"/>), reopenings as <see cref="LockTexts.Window"/>
/// words them everywhere else (CLI, workbook, digest).
/// </summary>
public static class LockView
{
    /// <summary>The state now, as a sentence (the quarter page's summary, the explanation that replaces the upload form).</summary>
    public static Html Standing(PortalContext c, PeriodLockState state, LockVerdict now, IReadOnlyList<string> secretariat)
    {
        switch (now.Status)
        {
            case PeriodLockStatus.Reopened:
                var w = now.Window!;
                return Html.Of($"{PortalFormat.Tag(c.T("Reabierto", "Reopened"), "blue")} {Capitalized(LockTexts.Window(w, c.Language))}. {c.T($"Acepta informes hasta el {PortalFormat.EndOfDay(w.LastDay, state.Zone, c.Language)}.", $"It accepts reports until {PortalFormat.EndOfDay(w.LastDay, state.Zone, c.Language)}.")}");
            case PeriodLockStatus.Locked:
                var since = PortalFormat.DateTime(now.LockedSince, state.Zone, c.Language);
                return Html.Of($"{PortalFormat.Tag(c.T("Cerrado", "Locked"), "grey")} {c.T($"Cerrado desde el {since}: ya no se aceptan informes y las cifras enviadas no cambian. Para enviar, pida una reapertura a", $"Locked since {since}: reports are no longer accepted and the figures already sent do not change. To send, ask for a reopening from")} {AskTheSecretariat(c, secretariat)}.");
            default:
                if (state.LocksAt is not { } locksAt)
                    return Html.Text(c.T("No se cierra: se aceptan informes en cualquier momento (después del último día para enviar, como tarde).", "Never locks: reports are accepted at any time (after the last day to send, as late)."));
                var lastDay = PortalFormat.EndOfDay(state.Dates.LastDayBeforeLock!.Value, state.Zone, c.Language);
                return Html.Text(c.T($"Se cierra el {PortalFormat.Date(locksAt, state.Zone, c.Language)}: hasta el {lastDay} se aceptan informes; después, solo si la Secretaría Técnica lo reabre.",
                    $"Locks on {PortalFormat.Date(locksAt, state.Zone, c.Language)}: reports are accepted until {lastDay}; after that, only if the Technical Secretariat reopens it."));
        }
    }

    /// <summary>Every reopening recorded for the unit's quarter, oldest first, with who, when, until when and why (and how it ended).</summary>
    public static Html History(PortalContext c, PeriodLockState state)
    {
        var windows = state.Windows;
        if (windows.Count == 0) return Html.Empty;
        return Html.Of($"""<ul>{windows.Select(w => Html.Of($"<li>{Capitalized(LockTexts.Window(w, c.Language))}.</li>"))}</ul>""");
    }

    /// <summary>A short tag for a list of quarters: nothing before the deadline, "se cierra el …" in the late days, "cerrado", "reabierto".</summary>
    public static Html Tag(PortalContext c, UnitQuarter q, DateTimeOffset now) => q.LockNow.Status switch
    {
        PeriodLockStatus.Locked => PortalFormat.Tag(c.T("Cerrado", "Locked"), "grey"),
        PeriodLockStatus.Reopened => PortalFormat.Tag(ReopenedUntil(c, q.LockNow.Window!), "blue"),
        _ when q.IsOpen && q.Deadline <= now && q.Lock?.LocksAt is { } at =>
            PortalFormat.Tag(LocksOn(c, at, q.Zone), "yellow"),
        _ => Html.Empty,
    };

    /// <summary>The board's cell: locks on / locked since / reopened until, and whether the sheet in the figures came in after the lock.</summary>
    public static Html BoardCell(PortalContext c, BoardRow row)
    {
        var state = row.LockNow.Status switch
        {
            PeriodLockStatus.Locked => Html.Of($"""{PortalFormat.Tag(c.T("Cerrado", "Locked"), "grey")} <span class="hint">{c.T($"desde el {PortalFormat.DateTime(row.LockNow.LockedSince, row.Lock.Zone, c.Language)}", $"since {PortalFormat.DateTime(row.LockNow.LockedSince, row.Lock.Zone, c.Language)}")}</span>"""),
            PeriodLockStatus.Reopened => Html.Of($"""{PortalFormat.Tag(ReopenedUntil(c, row.LockNow.Window!), "blue")} <span class="hint">{Capitalized(LockTexts.Window(row.LockNow.Window!, c.Language))}</span>"""),
            _ => row.Lock.LocksAt is { } at
                ? Html.Text(LocksOn(c, at, row.Lock.Zone))
                : Html.Text(c.T("No se cierra", "Never locks")),
        };
        return Html.Of($"{state}{AfterLock(c, row.Status)}");
    }

    /// <summary>"Recibido tras el cierre" with the reopening it came in through, when the sheet in the figures did.</summary>
    public static Html AfterLock(PortalContext c, UnitSubmissionStatus status)
    {
        if (!status.ReceivedAfterLock) return Html.Empty;
        var through = status.AdmittedBy is { } w
            ? Capitalized(LockTexts.Window(w, c.Language))
            : c.T("Sin reapertura registrada", "No reopening on record");
        return Html.Of($"""<br>{PortalFormat.Tag(c.T("Recibido tras el cierre", "Received after the lock"), "orange")} <span class="hint">{through}</span>""");
    }

    /// <summary>The ST, with its registered address(es) as links: whom a focal point asks for a reopening.</summary>
    public static Html AskTheSecretariat(PortalContext c, IReadOnlyList<string> secretariat)
    {
        var st = c.T("la Secretaría Técnica", "the Technical Secretariat");
        if (secretariat.Count == 0) return Html.Text(st);
        var links = Html.Join(secretariat.Select((a, i) => Html.Of($"""{(i > 0 ? ", " : "")}<a href="mailto:{a}">{a}</a>""")));
        return Html.Of($"{st} ({links})");
    }

    private static string ReopenedUntil(PortalContext c, ReopenWindow w) =>
        c.T($"Reabierto hasta el {PortalFormat.Day(w.LastDay, c.Language)}", $"Reopened until {PortalFormat.Day(w.LastDay, c.Language)}");

    /// <summary>"Se cierra el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6)": the instant, on the unit's clock.</summary>
    private static string LocksOn(PortalContext c, DateTimeOffset at, Core.Plan.ReportingZone zone) =>
        c.T($"Se cierra el {PortalFormat.DateTime(at, zone, c.Language)}", $"Locks on {PortalFormat.DateTime(at, zone, c.Language)}");

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
