using System.Text.Json;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// What a sent digest reported, recorded with it in the <c>Digests</c> table so that the next digest can say what
/// changed: each unit's current submission and each activity's regional value.
/// </summary>
public sealed record DigestState(
    ReportingPeriod Period,
    DateTimeOffset SentAt,
    IReadOnlyDictionary<string, string> Submissions,
    IReadOnlyDictionary<string, double?> Regional)
{
    public static DigestState Of(RegionalProgress progress, DateTimeOffset sentAt) => new(
        progress.Period,
        sentAt,
        progress.Units.Where(u => u.CurrentSubmissionId is not null).ToDictionary(u => u.Unit.Code, u => u.CurrentSubmissionId!, StringComparer.Ordinal),
        progress.Activities.ToDictionary(a => a.Activity.Code, a => a.RegionalEjecutado, StringComparer.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(new Stored(Submissions, Regional));

    public static DigestState FromJson(ReportingPeriod period, DateTimeOffset sentAt, string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json) ?? throw new JsonException("Empty digest state.");
        return new DigestState(period, sentAt,
            stored.Submissions ?? new Dictionary<string, string>(StringComparer.Ordinal),
            stored.Regional ?? new Dictionary<string, double?>(StringComparer.Ordinal));
    }

    private sealed record Stored(IReadOnlyDictionary<string, string>? Submissions, IReadOnlyDictionary<string, double?>? Regional);
}
