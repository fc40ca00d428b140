using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the unit pages' status tags: a quarter's state (<see cref="QuarterStateTags"/>) and a sheet's status in the quarter's history (<see cref="SubmissionStatusTag"/>).</summary>
public static class TagTexts
{
    public static readonly LocalizedText NotOpen = new("Todavía no abre", "Not open yet");
    public static readonly LocalizedText NotStarted = new("No iniciado", "Not started");
    public static readonly LocalizedText Processing = new("En proceso", "Processing");
    public static readonly LocalizedText Rejected = new("Rechazado", "Rejected");
    public static readonly LocalizedText AcceptedOnTime = new("Aceptado a tiempo", "Accepted on time");
    public static readonly LocalizedText AcceptedLate = new("Aceptado tarde", "Accepted late");
    public static readonly LocalizedText Current = new("Vigente", "Current");
    public static readonly LocalizedText Superseded = new("Reemplazado", "Superseded");
}
