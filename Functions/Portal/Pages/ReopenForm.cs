using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The ST's forms on the board (role <c>Coalition.Admin</c> only): per unit, reopen its locked quarter for some days
/// with a reason, or end a reopening in force. The same limits as the CLI's <c>reopen</c> / <c>lock</c>
/// (<see cref="PeriodLockService"/>): days 1 to <see cref="PeriodLockService.MaxDays"/>, a reason, at most
/// <see cref="PeriodLockService.MaxReasonChars"/> characters; checked here first so the person gets each problem next to
/// its field, in their language, with the values they typed kept.
/// </summary>
public static class ReopenForm
{
    public enum Action
    {
        Reopen,
        Lock,
    }

    /// <summary>A field's problem, in both languages (shown in the person's).</summary>
    public sealed record Error(string Field, LocalizedText Message);

    /// <summary>What the person sent for one unit, and what is wrong with it.</summary>
    public sealed record Entry(string Unit, Action Action, string Days, string Reason)
    {
        public IReadOnlyList<Error> Errors { get; init; } = [];
    }

    /// <summary>
    /// The entry's problems, and its days as read (0 for a lock, or when they are wrong): the one reading of the field,
    /// which the reopening uses as checked (surrounding spaces allowed, as the check allows them).
    /// </summary>
    public static IReadOnlyList<Error> Check(Entry entry, out int days)
    {
        var errors = new List<Error>();
        var reason = entry.Reason.Trim();
        days = 0;
        if (entry.Action == Action.Reopen)
        {
            if (!int.TryParse(entry.Days.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > PeriodLockService.MaxDays)
            {
                days = 0;
                errors.Add(new Error(ReopenFunctions.DaysField, new($"Indique los días de la reapertura: un número entero de 1 a {PeriodLockService.MaxDays}.",
                    $"Enter the days of the reopening: a whole number from 1 to {PeriodLockService.MaxDays}.")));
            }
            if (reason.Length == 0)
                errors.Add(new Error(ReopenFunctions.ReasonField, LockTexts.ReasonMissing));
        }
        if (reason.Length > PeriodLockService.MaxReasonChars)
        {
            errors.Add(new Error(ReopenFunctions.ReasonField, new($"El motivo puede tener hasta {PeriodLockService.MaxReasonChars} caracteres; tiene {reason.Length}.",
                $"The reason can be up to {PeriodLockService.MaxReasonChars} characters long; it has {reason.Length}.")));
        }
        return errors;
    }

    /// <summary>The id of a unit's section on the board (its forms, and where the error summary links).</summary>
    public static string SectionId(string unit) => $"lock-{unit}";

    public static string FieldId(string unit, Action action, string field) => $"{action.ToString().ToLowerInvariant()}-{unit}-{field}";

    /// <summary>The error summary at the top of the board, one link per problem to its field.</summary>
    public static Html ErrorSummary(PortalContext c, Entry? entry)
    {
        if (entry is null || entry.Errors.Count == 0) return Html.Empty;
        var links = entry.Errors.Select(e => Html.Of($"""<li><a href="#{FieldId(entry.Unit, entry.Action, e.Field)}">{entry.Unit}: {c.T(e.Message)}</a></li>"""));
        return Html.Of($"""
            <div class="error-summary" role="alert" tabindex="-1" data-focus-on-load>
            <h2 class="heading-m">{c.T("Hay un problema", "There is a problem")}</h2>
            <ul>{links}</ul>
            </div>
            """);
    }

    /// <summary>The ST's section of the board: a unit's forms each (reopen while locked or reopened; end a reopening in force).</summary>
    public static Html Section(PortalContext c, BoardView board, Entry? entry)
    {
        if (c.User?.IsAdmin != true) return Html.Empty;
        var heading = Html.Of($"""<h2 class="heading-m" id="reopen">{c.T("Reabrir para una unidad", "Reopen for a unit")}</h2>""");
        if (!board.Locks)
            return Html.Of($"""{heading}<p class="body">{c.T("Los trimestres no se cierran (Reports__LockGraceDays = -1): no hay nada que reabrir.", "Quarters never lock (Reports__LockGraceDays = -1): there is nothing to reopen.")}</p>""");
        if (!board.HasLocked)
        {
            return Html.Of($"""{heading}<p class="body">{c.T($"Este trimestre se cierra el {PortalFormat.Day(board.LockDay!.Value, c.Language)}, a las 00:00 en la hora de cada unidad; hasta entonces acepta los informes de todas las unidades y no hace falta reabrirlo.", $"This quarter locks on {PortalFormat.Day(board.LockDay!.Value, c.Language)}, at 00:00 on each unit's own clock; until then it accepts every unit's reports and needs no reopening.")}</p>""");
        }
        // Only units whose quarter has locked by their own clock (the clocks differ by hours).
        var units = board.Rows.Where(r => r.LockNow.Status != PeriodLockStatus.Open).Select(r => UnitForms(c, board.Period, r, entry?.Unit == r.Status.Unit.Code ? entry : null, board.Now));
        return Html.Of($"""
            {heading}
            <p class="body">{c.T($"Una reapertura deja a la unidad enviar su informe desde ahora hasta el final del último día indicado (hasta {PeriodLockService.MaxDays} días). Queda registrado quién, cuándo y por qué, y se muestra a la unidad, en el libro consolidado y aquí.", $"A reopening lets the unit send its report from now to the end of the last day given (up to {PeriodLockService.MaxDays} days). Who, when and why are recorded and shown to the unit, in the merged workbook and here.")}</p>
            {units}
            """);
    }

    private static Html UnitForms(PortalContext c, ReportingPeriod period, BoardRow row, Entry? entry, DateTimeOffset now)
    {
        var unit = row.Status.Unit;
        var reopened = row.LockNow.Status == PeriodLockStatus.Reopened;
        var open = entry is not null ? " open" : "";
        var state = reopened
            ? c.T($"reabierto hasta el {PortalFormat.EndOfDay(row.LockNow.Window!.LastDay, row.Lock.Zone, c.Language)}", $"reopened until {PortalFormat.EndOfDay(row.LockNow.Window!.LastDay, row.Lock.Zone, c.Language)}")
            : c.T("cerrado", "locked");
        var reopenEntry = entry?.Action == Action.Reopen ? entry : null;
        var lockEntry = entry?.Action == Action.Lock ? entry : null;
        return Html.Of($"""
            <details class="details" id="{SectionId(unit.Code)}"{Html.Raw(open)}>
            <summary>{unit.Name.In(c.Language)} ({unit.Code}) — {state}</summary>
            {ReopenFields(c, period, unit, reopenEntry, reopened, now)}
            {(reopened ? LockFields(c, period, unit, lockEntry) : Html.Empty)}
            </details>
            """);
    }

    /// <param name="now">The board's instant: the unit's offset is named as it is then.</param>
    private static Html ReopenFields(PortalContext c, ReportingPeriod period, ReportingUnit unit, Entry? entry, bool reopened, DateTimeOffset now)
    {
        var daysId = FieldId(unit.Code, Action.Reopen, ReopenFunctions.DaysField);
        var reasonId = FieldId(unit.Code, Action.Reopen, ReopenFunctions.ReasonField);
        return Html.Of($"""
            <form method="post" action="{Routes.Reopen(period, unit.Code)}" novalidate>
            <input type="hidden" name="{AntiForgery.FieldName}" value="{c.AntiForgeryToken}">
            {Field(c, entry, ReopenFunctions.DaysField, daysId, c.T("Días", "Days"),
                c.T($"El resto de hoy y este número de días más (1 a {PeriodLockService.MaxDays}), hasta la medianoche en la hora de {unit.Name.In(c.Language)} ({unit.Zone.Name(now, c.Language)}).", $"The rest of today and this many more days (1 to {PeriodLockService.MaxDays}), until midnight {unit.Name.In(c.Language)} time ({unit.Zone.Name(now, c.Language)})."),
                Html.Of($"""<input class="input-short" id="{daysId}" name="{ReopenFunctions.DaysField}" type="text" inputmode="numeric" pattern="[0-9]*" value="{entry?.Days ?? "7"}" {Described(entry, ReopenFunctions.DaysField, daysId)}>"""))}
            {Field(c, entry, ReopenFunctions.ReasonField, reasonId, c.T("Motivo", "Reason"),
                c.T($"Se registra y se muestra a la unidad. Hasta {PeriodLockService.MaxReasonChars} caracteres.", $"It is recorded and shown to the unit. Up to {PeriodLockService.MaxReasonChars} characters."),
                Html.Of($"""<textarea class="textarea" id="{reasonId}" name="{ReopenFunctions.ReasonField}" rows="3" maxlength="{PeriodLockService.MaxReasonChars}" {Described(entry, ReopenFunctions.ReasonField, reasonId)}>{entry?.Reason ?? ""}</textarea>"""))}
            <button class="button" type="submit">{(reopened ? c.T($"Reabrir de nuevo para {unit.Code}", $"Reopen again for {unit.Code}") : c.T($"Reabrir para {unit.Code}", $"Reopen for {unit.Code}"))}</button>
            </form>
            """);
    }

    private static Html LockFields(PortalContext c, ReportingPeriod period, ReportingUnit unit, Entry? entry)
    {
        var reasonId = FieldId(unit.Code, Action.Lock, ReopenFunctions.ReasonField);
        return Html.Of($"""
            <form method="post" action="{Routes.Lock(period, unit.Code)}" novalidate>
            <input type="hidden" name="{AntiForgery.FieldName}" value="{c.AntiForgeryToken}">
            {Field(c, entry, ReopenFunctions.ReasonField, reasonId, c.T("Motivo del cierre (opcional)", "Reason for locking (optional)"),
                c.T("Termina la reapertura ahora, antes de su último día.", "Ends the reopening now, before its last day."),
                Html.Of($"""<textarea class="textarea" id="{reasonId}" name="{ReopenFunctions.ReasonField}" rows="2" maxlength="{PeriodLockService.MaxReasonChars}" {Described(entry, ReopenFunctions.ReasonField, reasonId)}>{entry?.Reason ?? ""}</textarea>"""))}
            <button class="button button--secondary" type="submit">{c.T($"Cerrar ahora para {unit.Code}", $"Lock now for {unit.Code}")}</button>
            </form>
            """);
    }

    private static Html Field(PortalContext c, Entry? entry, string field, string id, string label, string hint, Html control)
    {
        var error = entry?.Errors.FirstOrDefault(e => e.Field == field);
        return Html.Of($"""
            <div class="form-group{(error is null ? "" : " form-group--error")}">
            <label class="label" for="{id}">{label}</label>
            <p class="hint" id="{id}-hint">{hint}</p>
            {(error is null ? Html.Empty : Html.Of($"""<p class="error-message" id="{id}-error"><span class="visually-hidden">{c.T("Error:", "Error:")}</span> {c.T(error.Message)}</p>"""))}
            {control}
            </div>
            """);
    }

    private static Html Described(Entry? entry, string field, string id) =>
        entry?.Errors.Any(e => e.Field == field) == true
            ? Html.Of($"""aria-describedby="{id}-hint {id}-error" aria-invalid="true" """)
            : Html.Of($"""aria-describedby="{id}-hint" """);
}
