using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>An activity of the operational plan, the unit every report row is about.</summary>
/// <param name="Code">Unique, stable code (e.g. <c>1.1.1.2</c>); used as a key in storage and sheets.</param>
/// <param name="Label">The number as printed in the source document (e.g. <c>1.1.</c>), kept for display.</param>
/// <param name="Text">The activity in Spanish, the coalition's working language (so are meta, indicador, responsable).</param>
/// <param name="IndicatorIsCount">True when the indicador counts something, so sheets ask for a quantity.</param>
public sealed record PlanActivity(
    string Code,
    string Label,
    string Text,
    string Meta,
    string Indicador,
    string Responsable,
    ReportingLevel Reporting,
    bool IndicatorIsCount,
    IReadOnlyList<YearTarget> Years)
{
    /// <summary>Filled in by the loader: the codes of the parents, so a flat list still knows its place.</summary>
    public string AxisCode { get; init; } = "";
    public string OperationalObjectiveCode { get; init; } = "";

    /// <summary>
    /// The English texts (for Belize's users). A plan file always has them (the loader refuses one without); only a
    /// catalog built in code may lack them, and then <see cref="TextsIn"/> refuses English rather than show Spanish.
    /// </summary>
    public ActivityTexts? English { get; init; }

    public ActivityTexts Spanish => new(Text, Meta, Indicador, Responsable);

    /// <exception cref="InvalidOperationException">English is asked of an activity that has no English texts.</exception>
    public ActivityTexts TextsIn(Language language) => language == Language.Es
        ? Spanish
        : English ?? throw new InvalidOperationException($"Activity {Code} has no English texts: the plan was built without them.");

    /// <summary>
    /// The activity's name as a page or a mail shows it: English when asked and present, else the Spanish (a catalog
    /// built in code may lack English; a reader still sees the activity rather than an error).
    /// </summary>
    public string NameIn(Language language) => language == Language.En && English is { } english ? english.Text : Text;

    public YearTarget? ForYear(int year) => Years.FirstOrDefault(y => y.Year == year);
}
