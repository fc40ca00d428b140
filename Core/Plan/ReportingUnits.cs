namespace ServerlessPlan.Core.Plan;

/// <summary>The reporting units in force: the member countries and the Secretaría Técnica.</summary>
public sealed class ReportingUnits(IReadOnlyList<ReportingUnit> all)
{
    private readonly Dictionary<string, ReportingUnit> _byCode = all.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ReportingUnit> All { get; } = all;

    public IEnumerable<ReportingUnit> Countries => All.Where(u => u.Kind == ReportingUnitKind.Country);

    public ReportingUnit? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code.Trim());
}
