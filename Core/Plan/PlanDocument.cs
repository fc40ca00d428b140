namespace ServerlessPlan.Core.Plan;

// The JSON shape of a plan file, every member nullable so the reader can report all missing fields at once
// instead of stopping at the first. Documentation-only members (source, heading, note, printedText, resolutions)
// are declared so that unknown members can be rejected: a misspelt "programdo" must fail, not read as blank.

internal sealed class PlanDocument
{
    public string? Id { get; set; }
    public LocalizedTextDocument? Title { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
    public string? Source { get; set; }
    public List<ResolutionDocument?>? Resolutions { get; set; }
    public List<AxisDocument?>? Axes { get; set; }
}

internal sealed class LocalizedTextDocument
{
    public string? Es { get; set; }
    public string? En { get; set; }
}

/// <summary>How one flaw of the source document was resolved (seed NOTES item number).</summary>
internal sealed class ResolutionDocument
{
    public int? Item { get; set; }
    public List<string?>? Codes { get; set; }
    public string? Resolution { get; set; }
}

internal sealed class AxisDocument
{
    public string? Code { get; set; }
    public string? Heading { get; set; }
    public LocalizedTextDocument? Name { get; set; }
    public List<StrategicObjectiveDocument?>? StrategicObjectives { get; set; }
}

internal sealed class StrategicObjectiveDocument
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public string? Text { get; set; }
    public ObjectiveTextsDocument? En { get; set; }
    public string? PrintedText { get; set; }
    public string? Note { get; set; }
    public List<OperationalObjectiveDocument?>? OperationalObjectives { get; set; }
}

internal sealed class OperationalObjectiveDocument
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public string? Text { get; set; }
    public ObjectiveTextsDocument? En { get; set; }
    public string? Note { get; set; }
    public List<ActivityDocument?>? Activities { get; set; }
}

internal sealed class ActivityDocument
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public string? Text { get; set; }
    public string? Meta { get; set; }
    public string? Indicador { get; set; }
    public string? Responsable { get; set; }
    public ActivityTextsDocument? En { get; set; }
    public string? Reporting { get; set; }
    public bool? IndicatorIsCount { get; set; }
    public List<YearDocument?>? Years { get; set; }
    public string? Note { get; set; }
}

/// <summary>An objective's text in English (<c>"en": { "text": … }</c>).</summary>
internal sealed class ObjectiveTextsDocument
{
    public string? Text { get; set; }
}

/// <summary>An activity's texts in English (<c>"en": { "text", "meta", "indicador", "responsable" }</c>).</summary>
internal sealed class ActivityTextsDocument
{
    public string? Text { get; set; }
    public string? Meta { get; set; }
    public string? Indicador { get; set; }
    public string? Responsable { get; set; }
}

internal sealed class YearDocument
{
    public int? Year { get; set; }
    public decimal? Programado { get; set; }
    public decimal? Ejecutado { get; set; }
}
