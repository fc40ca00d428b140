using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Turns a deserialized plan file into a <see cref="PlanCatalog"/>, collecting every problem on the way.
/// Errors name the offending code (or the JSON path when the code itself is missing).
/// </summary>
internal sealed class PlanDocumentReader
{
    private readonly List<string> _errors = [];
    private readonly HashSet<string> _axisCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _objectiveCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _activityCodes = new(StringComparer.Ordinal);
    private int _firstYear;
    private int _lastYear;
    private bool _yearsKnown;

    public static PlanCatalog Read(PlanDocument document, string source)
    {
        var reader = new PlanDocumentReader();
        var catalog = reader.ReadPlan(document);
        if (reader._errors.Count > 0) throw new PlanFormatException(source, reader._errors);
        return catalog;
    }

    private PlanCatalog ReadPlan(PlanDocument doc)
    {
        var id = Required(doc.Id, "plan", "id");
        if (!string.IsNullOrWhiteSpace(doc.Id) && !PlanRules.IsValidId(doc.Id))
            _errors.Add($"plan: id '{doc.Id}' is not {PlanRules.IdDescription}");
        var title = Text(doc.Title, "plan", "title");
        _firstYear = Required(doc.FirstYear, "plan", "firstYear");
        _lastYear = Required(doc.LastYear, "plan", "lastYear");
        _yearsKnown = doc.FirstYear is not null && doc.LastYear is not null;
        _yearsKnown &= PlausibleYear(doc.FirstYear, "firstYear") & PlausibleYear(doc.LastYear, "lastYear");
        if (_yearsKnown && PlanRules.YearsProblem(_firstYear, _lastYear) is { } yearsProblem)
        {
            // Every activity's years would be "outside" a reversed or huge span: report the span once instead.
            _errors.Add($"plan: {yearsProblem}");
            _yearsKnown = false;
        }
        if (_yearsKnown && doc.Id is { } planId && PlanRules.IdContradictsYears(planId, _firstYear, _lastYear))
            _errors.Add($"plan: id '{planId}' names other years than firstYear {_firstYear} and lastYear {_lastYear}");

        var axes = List(doc.Axes, "plan", "axes", "axes", ReadAxis);
        if (doc.Axes is { Count: 0 }) _errors.Add("plan: 'axes' is empty");
        CheckResolutions(doc.Resolutions);
        return new PlanCatalog(id, title, _firstYear, _lastYear, axes);
    }

    private Axis ReadAxis(AxisDocument doc, string path)
    {
        var code = Code(doc.Code, path, "axis", _axisCodes, parent: null);
        var where = $"axis {code}";
        var name = Text(doc.Name, where, "name");
        var objectives = List(doc.StrategicObjectives, where, "strategicObjectives", $"{path}.strategicObjectives",
            (so, p) => ReadStrategicObjective(so, p, code));
        return new Axis(code, name, objectives);
    }

    private StrategicObjective ReadStrategicObjective(StrategicObjectiveDocument doc, string path, string axisCode)
    {
        var code = Code(doc.Code, path, "objective", _objectiveCodes, axisCode);
        var where = $"strategic objective {code}";
        var objectives = List(doc.OperationalObjectives, where, "operationalObjectives", $"{path}.operationalObjectives",
            (oo, p) => ReadOperationalObjective(oo, p, code, axisCode));
        return new StrategicObjective(code, Label(doc.Label, where), Required(doc.Text, where, "text"), objectives)
        {
            EnglishText = Required(doc.En?.Text, where, "en.text"),
        };
    }

    private OperationalObjective ReadOperationalObjective(OperationalObjectiveDocument doc, string path, string parentCode, string axisCode)
    {
        var code = Code(doc.Code, path, "objective", _objectiveCodes, parentCode);
        var where = $"operational objective {code}";
        var activities = List(doc.Activities, where, "activities", $"{path}.activities",
            (a, p) => ReadActivity(a, p, code, axisCode));
        if (doc.Activities is { Count: 0 }) _errors.Add($"{where}: 'activities' is empty");
        return new OperationalObjective(code, Label(doc.Label, where), Required(doc.Text, where, "text"), activities)
        {
            EnglishText = Required(doc.En?.Text, where, "en.text"),
        };
    }

    private PlanActivity ReadActivity(ActivityDocument doc, string path, string objectiveCode, string axisCode)
    {
        var code = Code(doc.Code, path, "activity", _activityCodes, objectiveCode);
        var where = $"activity {code}";
        var label = Required(doc.Label, where, "label");
        var reporting = Reporting(doc.Reporting, where);
        var years = List(doc.Years, where, "years", $"{path}.years", (y, p) => ReadYear(y, p, where));
        foreach (var dup in years.GroupBy(y => y.Year).Where(g => g.Count() > 1))
            _errors.Add($"{where}: year {dup.Key} appears {dup.Count()} times");

        return new PlanActivity(code, label, Required(doc.Text, where, "text"), Required(doc.Meta, where, "meta"),
            Required(doc.Indicador, where, "indicador"), Required(doc.Responsable, where, "responsable"), reporting,
            Required(doc.IndicatorIsCount, where, "indicatorIsCount"), years)
        {
            AxisCode = axisCode,
            OperationalObjectiveCode = objectiveCode,
            English = new ActivityTexts(Required(doc.En?.Text, where, "en.text"), Required(doc.En?.Meta, where, "en.meta"),
                Required(doc.En?.Indicador, where, "en.indicador"), Required(doc.En?.Responsable, where, "en.responsable")),
        };
    }

    private YearTarget ReadYear(YearDocument doc, string path, string where)
    {
        var year = Required(doc.Year, $"{where} ({path})", "year");
        // Without both bounds every year would be "outside"; the missing bound is already reported.
        if (doc.Year is not null && _yearsKnown && (year < _firstYear || year > _lastYear))
            _errors.Add($"{where}: year {year} is outside the plan's years {_firstYear}–{_lastYear}");
        Percent(doc.Programado, where, "programado", year);
        Percent(doc.Ejecutado, where, "ejecutado", year);
        return new YearTarget(year, doc.Programado, doc.Ejecutado);
    }

    private bool PlausibleYear(int? year, string field)
    {
        if (year is not { } y || PlanRules.IsPlausibleYear(y)) return true;
        _errors.Add($"plan: {field} {y} is not a year between {PlanRules.MinYear} and {PlanRules.MaxYear}");
        return false;
    }

    private void Percent(decimal? value, string where, string field, int year)
    {
        if (value is < 0 or > 100)
            _errors.Add($"{where}: {field} {year} is {value}, outside 0–100 (percent)");
    }

    /// <summary>Codes are unique per level and nest: a child's code starts with its parent's code and a dot.</summary>
    private string Code(string? code, string path, string kind, HashSet<string> seen, string? parent)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            _errors.Add($"{path}: missing field 'code'");
            return path;
        }
        if (!seen.Add(code)) _errors.Add($"duplicate {kind} code {code}");
        var level = parent is null ? 1 : parent.Count(c => c == '.') + 2;
        if (!PlanRules.IsValidCode(code, level))
            _errors.Add($"{kind} code '{code}' is malformed: expected {PlanRules.CodeShape(level)}");
        if (parent is not null && !(code.StartsWith(parent + ".", StringComparison.Ordinal) && code.Length > parent.Length + 1))
            _errors.Add($"{kind} {code} is not under its parent {parent}: its code must start with '{parent}.'");
        return code;
    }

    private ReportingLevel Reporting(string? value, string where)
    {
        if (value is null) _errors.Add($"{where}: missing field 'reporting'");
        else if (!ReportingLevels.TryParseCode(value, out var level)) _errors.Add($"{where}: reporting '{value}' is not national, regional or both");
        else return level;
        return default;
    }

    private void CheckResolutions(List<ResolutionDocument?>? resolutions)
    {
        // Resolutions are documentation, but a code they cite must exist or the documentation has drifted.
        foreach (var (r, i) in (resolutions ?? []).Select((r, i) => (r, i)))
        {
            if (r?.Item is null || string.IsNullOrWhiteSpace(r.Resolution))
            {
                _errors.Add($"resolutions[{i}]: needs 'item' and 'resolution'");
                continue;
            }
            foreach (var code in r.Codes ?? [])
            {
                if (code is null || !(_axisCodes.Contains(code) || _objectiveCodes.Contains(code) || _activityCodes.Contains(code)))
                    _errors.Add($"resolution of item {r.Item} cites unknown code '{code}'");
            }
        }
    }

    private LocalizedText Text(LocalizedTextDocument? text, string where, string field)
    {
        if (text is null)
        {
            _errors.Add($"{where}: missing field '{field}'");
            return new LocalizedText("", "");
        }
        return new LocalizedText(Required(text.Es, where, field + ".es"), Required(text.En, where, field + ".en"));
    }

    /// <summary>Labels are what was printed; an objective printed without a number has an explicit empty label.</summary>
    private string Label(string? label, string where)
    {
        if (label is null) _errors.Add($"{where}: missing field 'label' (use \"\" when nothing was printed)");
        return label ?? "";
    }

    private string Required(string? value, string where, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors.Add($"{where}: missing field '{field}'");
        return value ?? "";
    }

    private T Required<T>(T? value, string where, string field) where T : struct
    {
        if (value is null) _errors.Add($"{where}: missing field '{field}'");
        return value ?? default;
    }

    private List<TOut> List<TIn, TOut>(List<TIn?>? items, string where, string field, string path, Func<TIn, string, TOut> read)
        where TIn : class
    {
        if (items is null)
        {
            _errors.Add($"{where}: missing field '{field}'");
            return [];
        }
        var result = new List<TOut>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i] is { } item) result.Add(read(item, itemPath));
            else _errors.Add($"{where}: {itemPath} is null");
        }
        return result;
    }
}
