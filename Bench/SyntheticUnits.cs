using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Bench;

/// <summary>Reporting units of any number: countries <c>U001</c>… (one in four writing in English) and the Secretaría Técnica.</summary>
public static class SyntheticUnits
{
    public const string Secretariat = "ST";

    public static ReportingUnits Build(int count)
    {
        var countries = Enumerable.Range(1, Math.Max(1, count - 1)).Select(i => new ReportingUnit(
            $"U{i:000}",
            new LocalizedText($"Unidad {i:000}", $"Unit {i:000}"),
            i % 4 == 0 ? Language.En : Language.Es,
            ReportingUnitKind.Country));
        var secretariat = new ReportingUnit(Secretariat, new LocalizedText("Secretaría Técnica", "Technical Secretariat"), Language.Es,
            ReportingUnitKind.Secretariat);
        return new ReportingUnits([.. countries, secretariat]);
    }
}
