using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>What a submission's history entry says to the person who sent it, and whether it is the last word.</summary>
public static class SubmissionStateText
{
    public static (LocalizedText Message, bool Final) Of(SubmissionEntity? entry, CurrentPointerEntity? pointer) =>
        entry?.StatusValue switch
        {
            SubmissionStatus.Current when pointer?.SubmissionId == entry.RowKey => (SubmissionStateTexts.Current, true),
            SubmissionStatus.Current or SubmissionStatus.Superseded => (SubmissionStateTexts.Superseded, true),
            SubmissionStatus.Rejected => (SubmissionStateTexts.Rejected, true),
            _ => (SubmissionStateTexts.Processing, false),
        };

    public static string State(SubmissionEntity? entry, CurrentPointerEntity? pointer) => entry?.StatusValue switch
    {
        SubmissionStatus.Current when pointer?.SubmissionId == entry.RowKey => "current",
        SubmissionStatus.Current or SubmissionStatus.Superseded => "superseded",
        SubmissionStatus.Rejected => "rejected",
        _ => "processing",
    };
}

/// <summary>The words of a submission's state, on the quarter page and in the answer its script polls.</summary>
public static class SubmissionStateTexts
{
    public static readonly LocalizedText Current = new("Registrado como su informe vigente.", "Registered as your current report.");
    public static readonly LocalizedText Superseded = new("Registrado, pero otro envío posterior es el informe vigente.", "Registered, but a later upload is the current report.");
    public static readonly LocalizedText Rejected = new("El registro lo rechazó: vea el historial de envíos.", "Recording rejected it: see the upload history.");
    public static readonly LocalizedText Processing = new("Se está registrando…", "Being recorded…");
}
