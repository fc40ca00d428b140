using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Requests;

/// <summary>
/// The words people and scripts type to name a unit, a quarter and a language (CLI flags, HTTP routes and query
/// strings), read in one place with one message per mistake in both languages: the CLI prints the English, the HTTP
/// functions answer in the caller's language.
/// </summary>
public static class RequestWords
{
    /// <summary>A reporting unit by its code, case-insensitively.</summary>
    public static bool TryUnit(ReportingUnits units, string? text, [NotNullWhen(true)] out ReportingUnit? unit,
        [NotNullWhen(false)] out LocalizedText? error)
    {
        ArgumentNullException.ThrowIfNull(units);
        unit = units.Find(text);
        var codes = string.Join(", ", units.All.Select(u => u.Code));
        error = unit is null
            ? new($"Unidad desconocida '{text}'. Unidades válidas: {codes}.", $"Unknown unit '{text}'. Valid units: {codes}.")
            : null;
        return unit is not null;
    }

    /// <summary>A quarter written <c>YYYY-Qn</c> (case and surrounding spaces ignored).</summary>
    public static bool TryPeriod(string? text, out ReportingPeriod period, [NotNullWhen(false)] out LocalizedText? error)
    {
        error = ReportingPeriod.TryParse(text, out period)
            ? null
            : new($"Trimestre no válido '{text}': use la forma AAAA-Qn, p. ej. 2021-Q3.",
                $"Invalid period '{text}': use the form YYYY-Qn, e.g. 2021-Q3.");
        return error is null;
    }

    /// <summary><c>es</c> or <c>en</c>.</summary>
    public static bool TryLanguage(string? text, out Language language, [NotNullWhen(false)] out LocalizedText? error)
    {
        error = LanguageCodes.TryParse(text, out language)
            ? null
            : new($"Idioma no válido '{text}': use es o en.", $"Invalid language '{text}': use es or en.");
        return error is null;
    }

    /// <summary>
    /// The instant of a record "as of" (<c>workbook --as-of</c>, the portal's download with a date): ISO 8601, UTC when
    /// it carries no offset (<c>2021-11-15T00:00Z</c>, <c>2021-11-15T00:00</c> as a date-and-time field sends it), not
    /// after <paramref name="now"/> — what is current later is not known yet.
    /// </summary>
    public static bool TryInstant(string? text, DateTimeOffset now, out DateTimeOffset at, [NotNullWhen(false)] out LocalizedText? error)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at))
        {
            var shown = text is { Length: > 80 } ? text[..80] + "…" : text;
            error = new($"'{shown}' no es un instante ISO 8601 (p. ej. 2021-11-15T00:00Z).",
                $"'{shown}' is not an ISO 8601 instant (e.g. 2021-11-15T00:00Z).");
            return false;
        }

        error = at > now
            ? new($"{Instant(at)} está en el futuro: la situación a un instante existe cuando ese instante ha pasado.",
                $"{Instant(at)} is in the future: the record as of an instant exists once it has passed.")
            : null;
        return error is null;
    }

    /// <summary><c>2021-11-15T00:00:00Z</c>: an instant as the CLI and the error messages write it.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Why <paramref name="period"/> cannot be asked for: no plan in force covers its year; null when one does.</summary>
    public static LocalizedText? OutsidePlan(PlanRegistry plans, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return plans.Find(period) is null ? plans.OutsidePlans(period) : null;
    }

    /// <summary>Why <paramref name="unit"/> cannot report <paramref name="period"/>: it is not a member then; null when it is.</summary>
    public static LocalizedText? NotMember(ReportingUnit unit, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.IsMemberIn(period)
            ? null
            : new($"La unidad {unit.Code} ({unit.Name.Es}) no es miembro de la Coalición Regional en el {period.Label(Language.Es)} ({unit.Membership(Language.Es)}).",
                $"Unit {unit.Code} ({unit.Name.En}) is not a member of the Coalición Regional in the {period.Label(Language.En)} ({unit.Membership(Language.En)}).");
    }
}
