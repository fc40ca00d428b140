using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the completeness board.</summary>
public static class BoardTexts
{
    public static LocalizedText Title(LocalizedText quarter) => new($"Cumplimiento del {quarter.Es}", $"Completeness, {quarter.En}");

    public static readonly LocalizedText ErrorPrefix = new("Error:", "Error:");
    public static readonly LocalizedText OnTime = new("a tiempo", "on time");
    public static readonly LocalizedText Late = new("tarde", "late");
    public static readonly LocalizedText NoAcceptedReport = new("sin informe aceptado", "without an accepted report");

    /// <summary>"1 con solo envíos rechazados" / "1 with rejected uploads only": the part of the missing card the headline also names.</summary>
    public static LocalizedText OfWhichRejectedOnly(int count) => new($"{count} con solo envíos rechazados", $"{count} with rejected uploads only");

    public static readonly LocalizedText Reopen = new("Reabrir", "Reopen");
    public static readonly LocalizedText LockNow = new("Cerrar ahora", "Lock now");

    public static LocalizedText OfTotal(int total) => new($"de {total}", $"of {total}");

    public static readonly LocalizedText Processing = new("En proceso", "Processing");

    public static LocalizedText NotOpenYet(LocalizedText firstDay) => new(
        $"Este trimestre todavía no abre: los informes se envían desde el {firstDay.Es}.",
        $"This quarter has not opened yet: reports are sent from {firstDay.En}.");


    public static LocalizedText TimesNote(LocalizedText zone) => new(
        $"Las horas de esta página están en la hora de la Coalición ({zone.Es}); cada unidad tiene hasta la medianoche de su propio país.",
        $"Times on this page are the Coalition's ({zone.En}); each unit has until midnight in its own country.");

    public static readonly LocalizedText Caption = new("Unidades esperadas este trimestre", "Units expected this quarter");
    public static readonly LocalizedText Unit = new("Unidad", "Unit");
    public static readonly LocalizedText Status = new("Estado", "Status");
    public static readonly LocalizedText LastUpload = new("Último envío", "Last upload");
    public static readonly LocalizedText Uploads = new("Envíos (rechazados)", "Uploads (rejected)");
    public static readonly LocalizedText CurrentReport = new("Informe vigente", "Current report");
    public static readonly LocalizedText Lock = new("Cierre", "Lock");
    public static readonly LocalizedText History = new("historial", "history");
    public static readonly LocalizedText Legend = new(
        "A tiempo: la primera planilla aceptada llegó a más tardar el último día para enviar. Solo rechazadas: hubo envíos, ninguno aceptado. Las cifras regionales cuentan solo las unidades con informe vigente.",
        "On time: the first accepted sheet arrived by the last day to send. Rejected only: there were uploads, none accepted. The regional figures count only the units with a current report.");

    public static readonly LocalizedText NeverLocks = new(
        "Los trimestres no se cierran: se aceptan informes tardíos en cualquier momento.",
        "Quarters never lock: late reports are accepted at any time.");

    public static LocalizedText LocksOn(LocalizedText day) => new(
        $"Se cierra el {day.Es}, a las 00:00 en la hora de cada unidad: hasta entonces se aceptan informes tardíos; después, solo de las unidades a las que la Secretaría Técnica lo reabra.",
        $"Locks on {day.En}, at 00:00 on each unit's own clock: late reports are accepted until then; after that, only from units the Technical Secretariat reopens it for.");

    public static LocalizedText LockedSince(LocalizedText day) => new(
        $"Cerrado desde el {day.Es}, a las 00:00 en la hora de cada unidad: solo se aceptan informes de las unidades a las que la Secretaría Técnica lo reabrió.",
        $"Locked since {day.En}, at 00:00 on each unit's own clock: only units the Technical Secretariat reopened it for can send reports.");

    public static readonly LocalizedText ChangeRecorded = new("Cambio registrado", "Change recorded");
    public static readonly LocalizedText Done = new("Hecho", "Done");
    public static readonly LocalizedText NoChange = new("Sin cambios: ya estaba así", "No change: it already was");

    public static LocalizedText AcceptsUntil(LocalizedText endOfDay) => new($"acepta informes hasta el {endOfDay.Es}.", $"it accepts reports until {endOfDay.En}.");

    public static LocalizedText LockedNoMore(LocalizedText since) => new(
        $"cerrado desde el {since.Es}; no acepta más informes.", $"locked since {since.En}; it accepts no more reports.");
}
