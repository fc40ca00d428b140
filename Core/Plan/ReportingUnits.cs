using System.Collections.Concurrent;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The reporting units: the member countries and the Secretaría Técnica, each with the quarters it is a member
/// (<see cref="ReportingUnit.From"/>, <see cref="ReportingUnit.Until"/>). <see cref="All"/> and <see cref="Find"/>
/// know every unit ever listed (names, languages, contacts); everything about one quarter — who reports, who is
/// expected, who counts in its figures — goes through <see cref="At"/>.
/// </summary>
public sealed class ReportingUnits(IReadOnlyList<ReportingUnit> all)
{
    private readonly Dictionary<string, ReportingUnit> _byCode = all.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<ReportingPeriod, ReportingUnits> _members = new();

    /// <summary>Every unit listed, members now or at any time, in the file's order.</summary>
    public IReadOnlyList<ReportingUnit> All { get; } = all;

    public IEnumerable<ReportingUnit> Countries => All.Where(u => u.Kind == ReportingUnitKind.Country);

    /// <summary>
    /// The coalition's clock: the Secretaría Técnica's zone (where the coalition's own pages, the ST's list and the
    /// digest's quarter are read); UTC for a list built in code without a secretariat.
    /// </summary>
    public ReportingZone Coalition => All.FirstOrDefault(u => u.Kind == ReportingUnitKind.Secretariat)?.Zone ?? ReportingZone.Utc;

    /// <summary>A unit by its code, whether or not it is a member in a given quarter (see <see cref="ReportingUnit.IsMemberIn"/>).</summary>
    public ReportingUnit? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code.Trim());

    /// <summary>The units that are members in <paramref name="period"/>, in the file's order: the ones that report it and count in its figures.</summary>
    public ReportingUnits At(ReportingPeriod period) =>
        All.All(u => u.IsMemberIn(period)) ? this : _members.GetOrAdd(period, p => new ReportingUnits(All.Where(u => u.IsMemberIn(p)).ToList()));
}
