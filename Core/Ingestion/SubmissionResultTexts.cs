using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>The words of the mail a unit gets for each upload (<see cref="SubmissionResultMail"/>).</summary>
public static class SubmissionResultTexts
{
    public static readonly LocalizedText Warnings = new("Advertencias", "Warnings");
    public static readonly LocalizedText Errors = new("Errores", "Errors");
    public static readonly LocalizedText AnnotatedAttached = new(
        "La copia anotada de su archivo va adjunta: las celdas con observaciones están resaltadas y comentadas.",
        "The annotated copy of your file is attached: cells with findings are highlighted and commented.");
    public static readonly LocalizedText AskTheSecretariat = new(
        "Si necesita el informe completo de la revisión, pídalo a la Secretaría Técnica.",
        "If you need the full review report, ask the Technical Secretariat for it.");
    public static readonly LocalizedText ReviewFileWord = new("revision", "review");

    public static LocalizedText AcceptedSubject(string unit, ReportingPeriod period, int warnings) => new(
        $"[ServerlessPlan] {unit}, {period.Label(Language.Es)}: informe aceptado ({Counted.Of(warnings, "advertencia", "advertencias")})",
        $"[ServerlessPlan] {unit}, {period.Label(Language.En)}: report accepted ({Counted.Of(warnings, "warning", "warnings")})");

    public static LocalizedText RejectedSubject(string unit, ReportingPeriod period, int errors) => new(
        $"[ServerlessPlan] {unit}, {period.Label(Language.Es)}: informe rechazado ({Counted.Of(errors, "error", "errores")})",
        $"[ServerlessPlan] {unit}, {period.Label(Language.En)}: report rejected ({Counted.Of(errors, "error", "errors")})");

    public static LocalizedText LockedOnly(LocalizedText unit, ReportingPeriod period, string file) => new(
        $"El informe de {unit.Es} para el {period.Label(Language.Es)} («{file}») fue rechazado porque el trimestre está cerrado: no se consolidó nada.",
        $"The report of {unit.En} for the {period.Label(Language.En)} (\"{file}\") was rejected because the quarter is locked: nothing was merged.");

    public static LocalizedText Accepted(LocalizedText unit, ReportingPeriod period, string file) => new(
        $"El informe de {unit.Es} para el {period.Label(Language.Es)} («{file}») fue aceptado y consolidado.",
        $"The report of {unit.En} for the {period.Label(Language.En)} (\"{file}\") was accepted and merged.");

    public static LocalizedText Rejected(LocalizedText unit, ReportingPeriod period, string file) => new(
        $"El informe de {unit.Es} para el {period.Label(Language.Es)} («{file}») fue rechazado y no se consolidó. Haga lo que se indica y vuelva a subirlo.",
        $"The report of {unit.En} for the {period.Label(Language.En)} (\"{file}\") was rejected and nothing was merged. Do what is listed and upload it again.");

    public static LocalizedText InThePortal(string unit, ReportingPeriod period) => new(
        $"El resultado, la copia revisada y el historial de envíos de {unit} del {period.Label(Language.Es)} están en el portal: ",
        $"The result, the reviewed copy and the upload history of {unit} for the {period.Label(Language.En)} are in the portal: ");

    public static LocalizedText GoesToContacts(LocalizedText unit) => new(
        $"Este correo se envía a los contactos registrados de {unit.Es}.", $"This e-mail goes to the contacts registered for {unit.En}.");

    public static LocalizedText GoesToContactsAndSecretariat(LocalizedText unit) => new(
        $"Este correo se envía a los contactos registrados de {unit.Es}, con copia a la Secretaría Técnica.",
        $"This e-mail goes to the contacts registered for {unit.En}, with a copy to the Technical Secretariat.");

    public static LocalizedText NoContact(LocalizedText unit) => new(
        $"{unit.Es} no tiene contactos registrados: este correo se envía a la Secretaría Técnica.",
        $"{unit.En} has no registered contact: this e-mail goes to the Technical Secretariat.");
}
