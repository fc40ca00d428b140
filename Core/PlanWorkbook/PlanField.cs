using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>The plan's own fields, written as label / value pairs on the instructions sheet (or above the header row).</summary>
public enum PlanField
{
    Id,
    TitleEs,
    TitleEn,
    FirstYear,
    LastYear,
}

/// <summary>The labels of <see cref="PlanField"/>: the export's (bilingual) and those recognised in either language.</summary>
public static class PlanFields
{
    public static readonly IReadOnlyList<PlanField> All = [PlanField.Id, PlanField.TitleEs, PlanField.TitleEn, PlanField.FirstYear, PlanField.LastYear];

    public static LocalizedText Label(PlanField field) => field switch
    {
        PlanField.Id => new("Código del plan", "Plan id"),
        PlanField.TitleEs => new("Título (español)", "Title (Spanish)"),
        PlanField.TitleEn => new("Título (inglés)", "Title (English)"),
        PlanField.FirstYear => new("Primer año", "First year"),
        PlanField.LastYear => new("Último año", "Last year"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The label the export writes: «Código del plan / Plan id».</summary>
    public static string ExportLabel(PlanField field) => $"{Label(field).Es} / {Label(field).En}";

    public static string Describe(PlanField field) => $"«{Label(field).Es}» / «{Label(field).En}»";

    public static PlanField? Recognise(string? label)
    {
        foreach (var alternative in MatrixText.Alternatives(label))
            if (Synonyms.TryGetValue(alternative, out var field)) return field;
        return null;
    }

    private static readonly Dictionary<string, PlanField> Synonyms = new(StringComparer.Ordinal)
    {
        ["codigo del plan"] = PlanField.Id, ["plan (codigo)"] = PlanField.Id, ["id del plan"] = PlanField.Id,
        ["plan id"] = PlanField.Id, ["plan code"] = PlanField.Id, ["plan"] = PlanField.Id,
        ["titulo (espanol)"] = PlanField.TitleEs, ["titulo"] = PlanField.TitleEs, ["titulo en espanol"] = PlanField.TitleEs,
        ["title (spanish)"] = PlanField.TitleEs, ["spanish title"] = PlanField.TitleEs,
        ["titulo (ingles)"] = PlanField.TitleEn, ["titulo en ingles"] = PlanField.TitleEn,
        ["title (english)"] = PlanField.TitleEn, ["title"] = PlanField.TitleEn, ["english title"] = PlanField.TitleEn,
        ["primer ano"] = PlanField.FirstYear, ["ano inicial"] = PlanField.FirstYear, ["first year"] = PlanField.FirstYear,
        ["start year"] = PlanField.FirstYear,
        ["ultimo ano"] = PlanField.LastYear, ["ano final"] = PlanField.LastYear, ["last year"] = PlanField.LastYear,
        ["end year"] = PlanField.LastYear,
    };
}
