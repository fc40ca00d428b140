using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// The header of every <see cref="MatrixColumn"/>: the words the export writes (a Spanish row, then an English row)
/// and the recognition of what a person may have written instead — either language, with or without accents, and a
/// few common synonyms ("Código" alone is the activity code, "Target" the meta, "P2024" the programado of 2024).
/// The full list of accepted headers is in docs/plan-catalog.md.
/// </summary>
public static partial class MatrixHeaders
{
    /// <summary>The header the export writes, in the export's order; year columns take the year.</summary>
    public static LocalizedText For(MatrixColumn column, int? year = null) => column switch
    {
        MatrixColumn.AxisCode => new("Eje (código)", "Axis (code)"),
        MatrixColumn.AxisName => new("Eje", "Axis"),
        MatrixColumn.AxisNameEn => new("Eje (inglés)", "Axis (English)"),
        MatrixColumn.StrategicCode => new("Objetivo estratégico (código)", "Strategic objective (code)"),
        MatrixColumn.StrategicLabel => new("Objetivo estratégico (número impreso)", "Strategic objective (printed number)"),
        MatrixColumn.StrategicText => new("Objetivo estratégico", "Strategic objective"),
        MatrixColumn.StrategicTextEn => new("Objetivo estratégico (inglés)", "Strategic objective (English)"),
        MatrixColumn.OperationalCode => new("Objetivo operativo (código)", "Operational objective (code)"),
        MatrixColumn.OperationalLabel => new("Objetivo operativo (número impreso)", "Operational objective (printed number)"),
        MatrixColumn.OperationalText => new("Objetivo operativo", "Operational objective"),
        MatrixColumn.OperationalTextEn => new("Objetivo operativo (inglés)", "Operational objective (English)"),
        MatrixColumn.ActivityCode => new("Actividad (código)", "Activity (code)"),
        MatrixColumn.ActivityLabel => new("Actividad (número impreso)", "Activity (printed number)"),
        MatrixColumn.ActivityText => new("Actividad", "Activity"),
        MatrixColumn.Meta => new("Meta", "Target (meta)"),
        MatrixColumn.Indicador => new("Indicador", "Indicator (indicador)"),
        MatrixColumn.Responsable => new("Responsable", "Responsible (responsable)"),
        MatrixColumn.Level => new("Nivel de reporte", "Reporting level"),
        MatrixColumn.IsCount => new("¿El indicador cuenta?", "Is the indicator a count?"),
        MatrixColumn.Programado => Year(new("Programado {0} (%)", "Programmed {0} (%)"), year),
        MatrixColumn.Ejecutado => Year(new("Ejecutado {0} (%)", "Achieved {0} (%)"), year),
        MatrixColumn.ActivityTextEn => new("Actividad (inglés)", "Activity (English)"),
        MatrixColumn.MetaEn => new("Meta (inglés)", "Target (English)"),
        MatrixColumn.IndicadorEn => new("Indicador (inglés)", "Indicator (English)"),
        MatrixColumn.ResponsableEn => new("Responsable (inglés)", "Responsible (English)"),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    /// <summary>Both headers in one line, for messages: «Meta» / «Target (meta)».</summary>
    public static string Describe(MatrixColumn column, int? year = null)
    {
        var text = For(column, year);
        return $"«{text.Es}» / «{text.En}»";
    }

    /// <summary>What a header cell names; null for anything else (a column the importer ignores).</summary>
    public static MatrixHeader? Recognise(string? header)
    {
        foreach (var alternative in MatrixText.Alternatives(header))
            if (RecogniseOne(alternative) is { } found) return found;
        return null;
    }

    private static LocalizedText Year(LocalizedText text, int? year)
    {
        var y = year?.ToString(CultureInfo.InvariantCulture);
        return new(string.Format(CultureInfo.InvariantCulture, text.Es, y ?? "AAAA"), string.Format(CultureInfo.InvariantCulture, text.En, y ?? "YYYY"));
    }

    private enum Noun { Axis, Strategic, Operational, Activity, Meta, Indicador, Responsable, Level, IsCount, Code, Label }

    private enum Modifier { None, Code, Label, English }

    private static MatrixHeader? RecogniseOne(string text)
    {
        text = text.Replace("(%)", "").Replace("%", "").Trim();
        if (YearPattern().Match(text) is { Success: true } m)
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            return m.Groups["kind"].Value is "programado" or "programmed" or "planned" or "p"
                ? new MatrixHeader(MatrixColumn.Programado, year)
                : new MatrixHeader(MatrixColumn.Ejecutado, year);
        }

        var modifier = Modifier.None;
        foreach (var (suffix, meaning) in Suffixes)
        {
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
            {
                modifier = meaning;
                text = text[..^suffix.Length].Trim();
                break;
            }
        }

        foreach (var prefix in CodePrefixes)
        {
            if (modifier == Modifier.None && text.StartsWith(prefix, StringComparison.Ordinal))
            {
                modifier = Modifier.Code;
                text = text[prefix.Length..].Trim();
            }
        }

        if (!Nouns.TryGetValue(text, out var noun)) return null;
        MatrixColumn? column = (noun, modifier) switch
        {
            (Noun.Axis, Modifier.None) => MatrixColumn.AxisName,
            (Noun.Axis, Modifier.Code) => MatrixColumn.AxisCode,
            (Noun.Axis, Modifier.English) => MatrixColumn.AxisNameEn,
            (Noun.Strategic, Modifier.None) => MatrixColumn.StrategicText,
            (Noun.Strategic, Modifier.Code) => MatrixColumn.StrategicCode,
            (Noun.Strategic, Modifier.Label) => MatrixColumn.StrategicLabel,
            (Noun.Strategic, Modifier.English) => MatrixColumn.StrategicTextEn,
            (Noun.Operational, Modifier.None) => MatrixColumn.OperationalText,
            (Noun.Operational, Modifier.Code) => MatrixColumn.OperationalCode,
            (Noun.Operational, Modifier.Label) => MatrixColumn.OperationalLabel,
            (Noun.Operational, Modifier.English) => MatrixColumn.OperationalTextEn,
            (Noun.Activity, Modifier.None) => MatrixColumn.ActivityText,
            (Noun.Activity, Modifier.Code) or (Noun.Code, Modifier.None) => MatrixColumn.ActivityCode,
            (Noun.Activity, Modifier.Label) or (Noun.Label, Modifier.None) => MatrixColumn.ActivityLabel,
            (Noun.Activity, Modifier.English) => MatrixColumn.ActivityTextEn,
            (Noun.Meta, Modifier.None) => MatrixColumn.Meta,
            (Noun.Meta, Modifier.English) => MatrixColumn.MetaEn,
            (Noun.Indicador, Modifier.None) => MatrixColumn.Indicador,
            (Noun.Indicador, Modifier.English) => MatrixColumn.IndicadorEn,
            (Noun.Responsable, Modifier.None) => MatrixColumn.Responsable,
            (Noun.Responsable, Modifier.English) => MatrixColumn.ResponsableEn,
            (Noun.Level, Modifier.None) => MatrixColumn.Level,
            (Noun.IsCount, Modifier.None) => MatrixColumn.IsCount,
            _ => null,
        };
        return column is { } c ? new MatrixHeader(c) : null;
    }

    private static readonly (string Suffix, Modifier Meaning)[] Suffixes =
    [
        ("(codigo)", Modifier.Code), ("(code)", Modifier.Code), ("codigo", Modifier.Code), ("code", Modifier.Code),
        ("(numero impreso)", Modifier.Label), ("(printed number)", Modifier.Label), ("(etiqueta)", Modifier.Label), ("(label)", Modifier.Label),
        ("(ingles)", Modifier.English), ("(english)", Modifier.English), ("(en)", Modifier.English), ("en ingles", Modifier.English),
        ("in english", Modifier.English),
        // English glosses of Spanish domain words ("Target (meta)") add nothing.
        ("(meta)", Modifier.None), ("(indicador)", Modifier.None), ("(responsable)", Modifier.None),
    ];

    private static readonly string[] CodePrefixes = ["codigo del", "codigo de la", "codigo de", "id de la", "id del"];

    private static readonly Dictionary<string, Noun> Nouns = new(StringComparer.Ordinal)
    {
        ["eje"] = Noun.Axis, ["nombre del eje"] = Noun.Axis, ["axis"] = Noun.Axis, ["axis name"] = Noun.Axis,
        ["objetivo estrategico"] = Noun.Strategic, ["strategic objective"] = Noun.Strategic,
        ["objetivo operativo"] = Noun.Operational, ["operational objective"] = Noun.Operational,
        ["actividad"] = Noun.Activity, ["activity"] = Noun.Activity,
        ["meta"] = Noun.Meta, ["target"] = Noun.Meta,
        ["indicador"] = Noun.Indicador, ["indicator"] = Noun.Indicador,
        ["responsable"] = Noun.Responsable, ["responsible"] = Noun.Responsable,
        ["nivel de reporte"] = Noun.Level, ["nivel"] = Noun.Level, ["quien reporta"] = Noun.Level,
        ["reporting level"] = Noun.Level, ["reporting"] = Noun.Level, ["who reports"] = Noun.Level, ["level"] = Noun.Level,
        ["el indicador cuenta"] = Noun.IsCount, ["indicador cuenta"] = Noun.IsCount, ["is the indicator a count"] = Noun.IsCount,
        ["indicator is a count"] = Noun.IsCount, ["count indicator"] = Noun.IsCount, ["indicatoriscount"] = Noun.IsCount,
        ["codigo"] = Noun.Code, ["code"] = Noun.Code,
        ["numero impreso"] = Noun.Label, ["printed number"] = Noun.Label, ["label"] = Noun.Label, ["etiqueta"] = Noun.Label,
    };

    [GeneratedRegex(@"^(?<kind>programado|programmed|planned|ejecutado|executed|achieved|p|e)\s*(?<year>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
