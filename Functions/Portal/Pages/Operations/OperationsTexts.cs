using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Operations;

namespace ServerlessPlan.Functions.Portal.Pages.Operations;

/// <summary>The words of the ST's operations page (<c>/coalition/operations</c>).</summary>
public static class OperationsTexts
{
    public static readonly LocalizedText Title = new("Operación del sistema", "System operations");
    public static readonly LocalizedText Caption = new("Coalición Regional · Secretaría Técnica", "Regional Coalition · Technical Secretariat");
    public static readonly LocalizedText ForScripts = new(
        "Lo mismo, para guiones: serverlessplan status --json (sale con 5 cuando algo requiere atención). Qué hacer con cada aviso: docs/operations.md.",
        "The same, for scripts: serverlessplan status --json (exits 5 when something needs attention). What to do about each alert: docs/operations.md.");

    public static readonly LocalizedText ProcessedAgain = new("Procesado de nuevo", "Processed again");
    public static readonly LocalizedText NothingToProcess = new("No había nada que procesar de nuevo.", "There was nothing to process again.");
    public static readonly LocalizedText AllIsWell = new("Todo en orden", "All is well");
    public static readonly LocalizedText Checked = new("Revisado", "Checked");
    public static readonly LocalizedText None = new("Nada.", "None.");
    public static readonly LocalizedText Yes = new("sí", "yes");
    public static readonly LocalizedText No = new("no", "no");
    public static readonly LocalizedText ProcessAgain = new("Procesar de nuevo", "Process again");
    public static readonly LocalizedText SendNow = new("Enviar ahora", "Send now");
    public static readonly LocalizedText WaitForLapse = new("esperar al vencimiento", "wait for it to lapse");

    public static readonly LocalizedText Digests = new("Resúmenes para la Presidencia", "Presidency digests");
    public static readonly LocalizedText DigestsMeaning = new(
        "Cada hora programada queda registrada con su resultado. Faltante: el temporizador no corrió; Falló: el proveedor lo rechazó (el siguiente lo reemplaza); Reemplazado: otro salió en su lugar. Para enviarlo ahora: serverlessplan digest --send.",
        "Every slot is recorded with its outcome. Missing: the timer did not run; Failed: the provider refused it (the next one stands in); Superseded: another went in its place. To send it now: serverlessplan digest --send.");
    public static readonly LocalizedText DigestsCaption = new("Últimas horas programadas (UTC)", "Last slots (UTC)");
    public static readonly LocalizedText Slot = new("Hora", "Slot");
    public static readonly LocalizedText Quarter = new("Trimestre", "Quarter");
    public static readonly LocalizedText State = new("Estado", "State");
    public static readonly LocalizedText Sent = new("Enviado", "Sent");
    public static readonly LocalizedText Error = new("Error", "Error");

    public static readonly LocalizedText Reminders = new("Recordatorios", "Reminders");
    public static readonly LocalizedText RemindersMeaning = new(
        "Una fila por ejecución del temporizador diario. Incompleta: quedaron correos sin enviar (el proveedor falló u otra ejecución los tenía); el reintento o la ejecución siguiente los envía.",
        "One row per run of the daily timer. Incomplete: mails were left unsent (the provider failed or another run held them); the retry or the next run sends them.");
    public static readonly LocalizedText RemindersCaption = new("Últimas ejecuciones (UTC)", "Last runs (UTC)");
    public static readonly LocalizedText RanAt = new("Ejecución", "Ran at");
    public static readonly LocalizedText Decided = new("Decididos", "Decided");
    public static readonly LocalizedText Complete = new("Completa", "Complete");

    public static readonly LocalizedText Stuck = new("Planillas sin veredicto", "Sheets without a verdict");
    public static readonly LocalizedText StuckMeaning = new(
        "Subidas hace más de 15 minutos sin veredicto registrado: la función no terminó con ellas. Procesarlas de nuevo pasa por la misma ingesta; una ya incorporada queda como duplicado y nada cambia.",
        "Uploaded over 15 minutes ago with no verdict recorded: the function did not finish them. Processing them again goes through the same ingestion; one already merged ends a duplicate and nothing changes.");
    public static readonly LocalizedText Sheet = new("Planilla", "Sheet");
    public static readonly LocalizedText SinceUtc = new("Desde (UTC)", "Since (UTC)");
    public static readonly LocalizedText Reason = new("Motivo", "Reason");
    public static readonly LocalizedText Action = new("Acción", "Action");

    public static readonly LocalizedText Returned = new("Devueltos por la plataforma", "Returned by the platform");
    public static readonly LocalizedText ReturnedMeaning = new(
        "La cola de descartes de la función (webjobs-blobtrigger-poison: cinco intentos fallidos) y los eventos que Event Grid no pudo entregar (contenedor eventgrid-deadletter). Procesarlos de nuevo pasa por la misma ingesta; el aviso se borra o se marca solo si llegó a su veredicto.",
        "The function's poison queue (webjobs-blobtrigger-poison: five failed attempts) and the events Event Grid could not deliver (container eventgrid-deadletter). Processing them again goes through the same ingestion; the message is deleted, or the dead-letter marked, only once the sheet reached its verdict.");
    public static readonly LocalizedText PoisonCaption = new("Mensajes en la cola de descartes", "Messages in the poison queue");
    public static readonly LocalizedText DeadLettersCaption = new("Eventos no entregados por Event Grid", "Events Event Grid could not deliver");
    public static readonly LocalizedText Attempts = new("Intentos", "Attempts");
    public static readonly LocalizedText ReplayedUtc = new("Reprocesado (UTC)", "Replayed (UTC)");
    public static readonly LocalizedText ReplayAll = new("Procesar de nuevo todo lo devuelto", "Process everything returned again");

    public static readonly LocalizedText Mails = new("Correos de resultado pendientes", "Result mails owed");
    public static readonly LocalizedText MailsMeaning = new(
        "Una ejecución reclamó el correo del resultado y no terminó (se cortó a mitad). Nadie más lo envía hasta que el reclamo vence; después, el barrido de cada cinco minutos lo envía una sola vez.",
        "A run claimed the result mail and did not finish (it was cut off mid-way). Nobody else sends it until the claim lapses; after that, the five-minute sweep sends it, once.");
    public static readonly LocalizedText MailsCaption = new("Correos pendientes", "Mails owed");
    public static readonly LocalizedText Unit = new("Unidad", "Unit");
    public static readonly LocalizedText LapsesUtc = new("Vence (UTC)", "Lapses (UTC)");

    public static LocalizedText NeedsAttention(int count) => new($"Requiere atención ({count})", $"Needs attention ({count})");

    /// <summary>What the replay just did, the count written for its number.</summary>
    public static LocalizedText ProcessedCount(int done, int failed) => new(
        $"{(done == 1 ? "Se procesó de nuevo 1 planilla" : $"Se procesaron de nuevo {done} planillas")}; " +
        $"{(failed == 1 ? "1 volvió a fallar y sigue en la lista" : $"{failed} volvieron a fallar y siguen en la lista")}.",
        $"{(done == 1 ? "1 sheet processed again" : $"{done} sheets processed again")}; " +
        $"{(failed == 1 ? "1 failed again and stays listed" : $"{failed} failed again and stay listed")}.");

    /// <summary>
    /// A digest slot's state in words (<see cref="Core.Storage.DigestSendState"/> and <see cref="DigestSlotStates"/>); the
    /// page puts the state's code beside a Spanish word, as <c>status --json</c> and the logs write it.
    /// </summary>
    public static LocalizedText SlotState(string state) => state switch
    {
        nameof(Core.Storage.DigestSendState.Claimed) => new("En curso", "Claimed"),
        nameof(Core.Storage.DigestSendState.Sent) => new("Enviado", "Sent"),
        nameof(Core.Storage.DigestSendState.Failed) => new("Falló", "Failed"),
        nameof(Core.Storage.DigestSendState.Skipped) => new("Sin datos que enviar", "Skipped"),
        nameof(Core.Storage.DigestSendState.Superseded) => new("Reemplazado", "Superseded"),
        DigestSlotStates.Missing => new("Faltante", "Missing"),
        DigestSlotStates.Died => new("Interrumpido", "Died"),
        _ => new(state, state),
    };

    /// <summary>What each attention code means, in a sentence (the runbook has the rest).</summary>
    public static LocalizedText Meaning(string code) => code switch
    {
        AttentionCodes.DigestMissed => new("ningún envío del resumen quedó registrado dos horas después de su hora: el temporizador no corrió.", "no digest run was recorded two hours after its slot: the timer did not run."),
        AttentionCodes.DigestFailed => new("el resumen no salió (el proveedor lo rechazó o la ejecución murió); el próximo envío lo reemplaza.", "the digest did not go out (the provider refused it or the run died); the next one stands in for it."),
        AttentionCodes.RemindersMissed => new("el temporizador de recordatorios no corrió después de su última hora.", "the reminder timer did not run after its last firing."),
        AttentionCodes.RemindersIncomplete => new("la última ejecución de recordatorios dejó correos sin enviar.", "the last reminder run left mails unsent."),
        AttentionCodes.UploadWithoutVerdict => new("una planilla subida hace más de 15 minutos no tiene veredicto.", "a sheet uploaded over 15 minutes ago has no verdict."),
        AttentionCodes.PoisonMessage => new("la función falló cinco veces con esta planilla y la dejó de lado.", "the function failed five times on this sheet and set it aside."),
        AttentionCodes.DeadLetter => new("Event Grid no pudo entregar el aviso de esta planilla a la función.", "Event Grid could not deliver this sheet's event to the function."),
        AttentionCodes.MailOwed => new("el correo del resultado quedó pendiente: la ejecución que lo reclamó no terminó.", "the result mail is owed: the run that claimed it did not finish."),
        _ => new("consulte docs/operations.md.", "see docs/operations.md."),
    };
}
