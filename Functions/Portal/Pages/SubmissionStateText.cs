using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>What a submission's history entry says to the person who sent it, and whether it is the last word.</summary>
public static class SubmissionStateText
{
    public static (string Message, bool Final) Of(PortalContext c, SubmissionEntity? entry, CurrentPointerEntity? pointer) =>
        entry?.StatusValue switch
        {
            SubmissionStatus.Current when pointer?.SubmissionId == entry.RowKey =>
                (c.T("Registrado como su informe vigente.", "Registered as your current report."), true),
            SubmissionStatus.Current or SubmissionStatus.Superseded =>
                (c.T("Registrado, pero otro envío posterior es el informe vigente.", "Registered, but a later upload is the current report."), true),
            SubmissionStatus.Rejected =>
                (c.T("El registro lo rechazó: vea el historial de envíos.", "Recording rejected it: see the upload history."), true),
            _ => (c.T("Se está registrando…", "Being recorded…"), false),
        };

    public static string State(SubmissionEntity? entry, CurrentPointerEntity? pointer) => entry?.StatusValue switch
    {
        SubmissionStatus.Current when pointer?.SubmissionId == entry.RowKey => "current",
        SubmissionStatus.Current or SubmissionStatus.Superseded => "superseded",
        SubmissionStatus.Rejected => "rejected",
        _ => "processing",
    };
}
