using System.Text.RegularExpressions;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Loads the member countries and the Secretaría Técnica from JSON. The member list is configuration
/// (<c>Plan__UnitsFile</c>), not code: public sources disagree on it, and it changes over time (a unit's optional
/// <c>from</c> / <c>until</c> quarters). Throws <see cref="PlanFormatException"/>.
/// </summary>
public static partial class ReportingUnitsLoader
{
    private const string EmbeddedFile = "units.json";

    // Codes end up in blob paths, table keys and sheet names: keep them short, upper-case and plain.
    [GeneratedRegex("^[A-Z][A-Z0-9]{1,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static ReportingUnits Load(Stream json) => Load(json, "reporting-units file");

    public static ReportingUnits LoadEmbedded()
    {
        using var stream = PlanJson.OpenEmbedded(EmbeddedFile)
            ?? throw new InvalidOperationException($"Core was built without its embedded {EmbeddedFile}.");
        return Load(stream, $"embedded {EmbeddedFile}");
    }

    public static ReportingUnits LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, $"reporting-units file '{path}'");
    }

    internal static ReportingUnits Load(Stream json, string source)
    {
        var doc = PlanJson.Deserialize<ReportingUnitsDocument>(json, source);
        var errors = new List<string>();
        if (doc.Units is null)
        {
            throw new PlanFormatException(source, ["missing field 'units'"]);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var units = new List<ReportingUnit>();
        for (var i = 0; i < doc.Units.Count; i++)
        {
            if (doc.Units[i] is not { } u)
            {
                errors.Add($"units[{i}] is null");
                continue;
            }
            var where = string.IsNullOrWhiteSpace(u.Code) ? $"units[{i}]" : $"unit {u.Code}";
            if (string.IsNullOrWhiteSpace(u.Code)) errors.Add($"{where}: missing field 'code'");
            else if (!CodePattern().IsMatch(u.Code)) errors.Add($"{where}: code must be 2–10 upper-case letters or digits, starting with a letter");
            else if (!seen.Add(u.Code)) errors.Add($"duplicate unit code {u.Code}");

            if (string.IsNullOrWhiteSpace(u.Name?.Es) || string.IsNullOrWhiteSpace(u.Name?.En))
                errors.Add($"{where}: missing field 'name.es' or 'name.en'");
            // Exact codes only: LanguageCodes.TryParse is lenient about case and spaces, a config file should not be.
            if (u.Language is not ("es" or "en") || !LanguageCodes.TryParse(u.Language, out var language))
            {
                errors.Add($"{where}: language '{u.Language}' is not es or en");
                language = Language.Es;
            }
            ReportingUnitKind kind;
            switch (u.Kind)
            {
                case "country": kind = ReportingUnitKind.Country; break;
                case "secretariat": kind = ReportingUnitKind.Secretariat; break;
                default:
                    errors.Add($"{where}: kind '{u.Kind}' is not country or secretariat");
                    kind = ReportingUnitKind.Country;
                    break;
            }
            var from = Quarter(u.From, "from", where, errors);
            var until = Quarter(u.Until, "until", where, errors);
            if (from > until) errors.Add($"{where}: 'from' {from} is after 'until' {until}");
            var name = new LocalizedText(u.Name?.Es ?? "", u.Name?.En ?? "");
            // A country's clock is named after the country; the ST's after the country whose clock it shares (below).
            var zone = ReportingZone.Utc;
            if (string.IsNullOrWhiteSpace(u.TimeZone))
                errors.Add($"{where}: missing field 'timeZone' (an IANA time zone such as America/Guatemala: its days end at midnight there)");
            else if (!ReportingZone.TryFind(u.TimeZone.Trim(), kind == ReportingUnitKind.Country ? name : ReportingZone.PlaceOf(u.TimeZone.Trim()), out zone))
                errors.Add($"{where}: timeZone '{u.TimeZone}' is not an IANA time zone known here (e.g. America/Guatemala, America/Santo_Domingo)");
            units.Add(new ReportingUnit(u.Code ?? "", name, language, kind) { From = from, Until = until, Zone = zone });
        }
        units = units.Select(u => u.Kind == ReportingUnitKind.Country ? u
            : units.FirstOrDefault(c => c.Kind == ReportingUnitKind.Country && c.Zone.Id == u.Zone.Id) is { } sharing
                ? u with { Zone = u.Zone.NamedAfter(sharing.Name) }
                : u).ToList();

        if (!units.Any(u => u.Kind == ReportingUnitKind.Country)) errors.Add("there is no unit of kind country");
        if (!units.Any(u => u.Kind == ReportingUnitKind.Secretariat)) errors.Add("there is no unit of kind secretariat (the ST reports regional activities)");
        if (errors.Count > 0) throw new PlanFormatException(source, errors);
        return new ReportingUnits(units);
    }

    /// <summary>A membership date: a quarter exactly as periods are written everywhere (<c>2024-Q1</c>), or absent.</summary>
    private static ReportingPeriod? Quarter(string? text, string field, string where, List<string> errors)
    {
        if (text is null) return null;
        if (ReportingPeriod.TryParse(text, out var period) && period.ToString() == text.Trim()) return period;
        errors.Add($"{where}: '{field}' must be a quarter written YYYY-Qn (e.g. 2024-Q1), not '{text}'");
        return null;
    }
}
