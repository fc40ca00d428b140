using System.Security;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.PlanWorkbooks;

namespace ServerlessPlan.Tests.Unit.Plan.Matrix;

/// <summary>
/// A plan written from scratch, as a person or a script does it in Excel, LibreOffice or code: one sheet with its own
/// name, the plan's fields above the table, English headers in another order, optional columns left out, blank rows,
/// parents written once, numbers as numbers, as text ("60 %", "0,5") and percent-formatted, shared and inline strings,
/// cells without addresses.
/// </summary>
public sealed class HandWrittenPlanWorkbookTests
{
    private static string Inline(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>";

    private static string Row(int number, params string[] cells) => $"<row r=\"{number}\">{string.Concat(cells)}</row>";

    private static readonly string[] Header =
    [
        "Code", "Activity", "Activity (English)", "Target", "Target (English)", "Indicator", "Indicator (English)", "Responsible",
        "Responsible (English)", "Reporting level", "P2026", "P2027", "Axis", "Axis (English)", "Strategic objective",
        "Strategic objective (English)", "Operational objective", "Operational objective (English)", "Notes",
    ];

    private static string Letter(int index) => ((char)('A' + index)).ToString();

    private static string Cells(int row, params string?[] values) =>
        string.Concat(values.Select((v, i) => v is null ? "" : Inline($"{Letter(i)}{row}", v)));

    public static HandWrittenWorkbook Workbook() => new HandWrittenWorkbook
    {
        SharedStrings = ["<t>Capacitar a operadores de atención a víctimas</t>", "<r><t>Train victim </t></r><r><rPr><b/></rPr><t>care staff</t></r>"],
        Styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\" applyNumberFormat=\"1\"/></cellXfs>",
    }.Add("Hoja1", string.Concat(
        Row(1, Inline("A1", "Plan"), Inline("B1", "piloto-2026")),
        Row(2, Inline("A2", "Título:"), Inline("B2", "Plan piloto de la Coalición")),
        Row(3, Inline("A3", "Title (English)"), Inline("B3", "Coalition pilot plan")),
        Row(4, Inline("A4", "Primer año"), "<c r=\"B4\"><v>2026</v></c>"),
        Row(5, Inline("A5", "Último año"), Inline("B5", "2027")),
        Row(7, Cells(7, Header)),
        Row(8, Cells(8, "1.1.1.1", "Campañas nacionales", "National campaigns", "Campañas realizadas", "Campaigns held",
            "Número de campañas", "Number of campaigns", "Países miembros", "Member countries", "National", "60 %", null,
            "Prevención", "Prevention", "Prevenir la trata", "Prevent trafficking", "Sensibilizar", "Raise awareness", "ver acta"),
            "<c r=\"L8\"><v>40</v></c>"),
        "<row r=\"9\"/>",
        Row(10, Cells(10, "1.1.1.2", "Protocolo regional", "Regional protocol", "Protocolo aprobado", "Protocol approved",
            "Documento aprobado", "Approved document", "Secretaría Técnica", "Technical Secretariat", "ambos", "0,5"),
            "<c r=\"L10\" s=\"1\"><v>0.4</v></c>"),
        // No addresses at all, as some scripts write: positions follow the order (every column present, blanks as <c/>).
        "<row>" + string.Concat(new[]
        {
            "<c t=\"inlineStr\"><is><t>2.1.1.1</t></is></c>", "<c t=\"s\"><v>0</v></c>", "<c t=\"s\"><v>1</v></c>",
            "<c t=\"inlineStr\"><is><t>Operadores capacitados</t></is></c>", "<c t=\"inlineStr\"><is><t>Staff trained</t></is></c>",
            "<c t=\"inlineStr\"><is><t>Número de operadores</t></is></c>", "<c t=\"inlineStr\"><is><t>Number of staff</t></is></c>",
            "<c t=\"inlineStr\"><is><t>Países miembros</t></is></c>", "<c t=\"inlineStr\"><is><t>Member countries</t></is></c>",
            "<c t=\"inlineStr\"><is><t>regional</t></is></c>", "<c/>", "<c><v>100</v></c>",
            "<c t=\"inlineStr\"><is><t>Atención</t></is></c>", "<c t=\"inlineStr\"><is><t>Care</t></is></c>",
            "<c t=\"inlineStr\"><is><t>Atender a las víctimas</t></is></c>", "<c t=\"inlineStr\"><is><t>Assist victims</t></is></c>",
            "<c t=\"inlineStr\"><is><t>Capacitar</t></is></c>", "<c t=\"inlineStr\"><is><t>Train</t></is></c>",
        }) + "</row>"));

    [Fact]
    public void A_plan_written_by_hand_in_another_layout_imports()
    {
        var result = Import(Workbook().Build());

        Assert.True(result.Valid, Describe(result.Issues));
        var plan = result.Catalog!;
        Assert.Equal(("piloto-2026", 2026, 2027), (plan.Id, plan.FirstYear, plan.LastYear));
        Assert.Equal(("Plan piloto de la Coalición", "Coalition pilot plan"), (plan.Title.Es, plan.Title.En));
        Assert.Equal(["1", "2"], plan.Axes.Select(a => a.Code));
        Assert.Equal(["1.1.1.1", "1.1.1.2", "2.1.1.1"], plan.Activities.Select(a => a.Code));

        var first = plan.FindActivity("1.1.1.1")!;
        Assert.Equal(("1.1.1.1", ReportingLevel.National, false), (first.Label, first.Reporting, first.IndicatorIsCount));
        Assert.Equal([new YearTarget(2026, 60, null), new YearTarget(2027, 40, null)], first.Years);
        var second = plan.FindActivity("1.1.1.2")!;
        Assert.Equal(ReportingLevel.Both, second.Reporting);
        Assert.Equal([new YearTarget(2026, 0.5m, null), new YearTarget(2027, 40, null)], second.Years);
        Assert.Equal("1.1.1", second.OperationalObjectiveCode);
        Assert.Equal("Raise awareness", plan.Axes[0].StrategicObjectives[0].OperationalObjectives[0].EnglishText);
        var third = plan.FindActivity("2.1.1.1")!;
        Assert.Equal(("Capacitar a operadores de atención a víctimas", "Train victim care staff"), (third.Text, third.English!.Text));
        Assert.Equal([new YearTarget(2026, null, null), new YearTarget(2027, 100, null)], third.Years);

        Assert.Equal(
            [("PLAN_COLUMN_IGNORED", "S7"), ("PLAN_PERCENT_LOOKS_LIKE_FRACTION", "K10")],
            result.Warnings.Select(w => (w.Code, w.Cell)).OrderBy(w => w.Code).ToList());
        Assert.Contains("«Notes»", result.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_messages_come_in_english_when_asked()
    {
        var result = Import(Workbook().Build(), Core.Localization.Language.En);
        Assert.StartsWith("Sheet \"Hoja1\", cell S7: If header \"Notes\" should be a column of the matrix", result.Warnings.Single(w => w.Code == "PLAN_COLUMN_IGNORED").Message, StringComparison.Ordinal);
    }
}
