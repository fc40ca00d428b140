using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary>
/// The template's <i>Cómo enviarlo</i> / <i>How to send it</i>, read from a generated workbook with ClosedXML: the
/// portal's page of the unit's quarter first (linked), then the other ways (the upload folder, <c>/api/validate</c>),
/// then the deadline; without a portal, the other ways alone.
/// </summary>
public sealed class TemplateHowToSendTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    private static TemplateWriter Writer(string portal) => new(TestPlan.Plans, Options.Create(new ReportingOptions()),
        new PortalLinks(portal));

    /// <summary>The paragraphs under the heading, up to the next blank row.</summary>
    private static List<IXLCell> Section(IXLWorksheet ws, string heading)
    {
        var start = ws.Column(1).CellsUsed().Single(c => c.GetString() == heading).Address.RowNumber;
        var cells = new List<IXLCell>();
        for (var row = start + 1; !ws.Cell(row, 1).IsEmpty(); row++) cells.Add(ws.Cell(row, 1));
        return cells;
    }

    [Fact]
    public void The_portals_page_of_the_quarter_comes_first_linked_then_the_other_ways()
    {
        using var wb = new XLWorkbook(new MemoryStream(Writer("https://plan.coalicion.example/").Write(TestPlan.Guatemala, Q3, Language.Es)));

        var section = Section(wb.Worksheet(InstructionsSheetEs), "Cómo enviarlo");

        Assert.Equal(
            "Envíelo en el portal, en la página de Guatemala del 3.er trimestre de 2021: https://plan.coalicion.example/units/GT/2021-Q3. " +
            "Inicie sesión, elija el archivo guardado y envíelo: la página dice en segundos si fue aceptado, y el resultado le llega también por correo.",
            section[0].GetString());
        Assert.Equal("https://plan.coalicion.example/units/GT/2021-Q3", section[0].GetHyperlink().ExternalAddress.ToString());
        Assert.Equal("Otras formas de enviarlo, para quien las use:", section[1].GetString());
        Assert.StartsWith("Suba el archivo guardado a uploads/GT/2021-Q3/plantilla-GT-2021-Q3.xlsx", section[2].GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/validate", section[3].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Último día para enviar: 30 de octubre de 2021", section[4].GetString(), StringComparison.Ordinal);
        Assert.Equal("Instrucciones — Guatemala, 3.er trimestre de 2021", wb.Worksheet(InstructionsSheetEs).Cell(1, 1).GetString());
    }

    [Fact]
    public void Belize_reads_it_in_english()
    {
        using var wb = new XLWorkbook(new MemoryStream(Writer("https://plan.coalicion.example/portal").Write(TestPlan.Belize, Q3, Language.En)));

        var section = Section(wb.Worksheet(InstructionsSheetEn), "How to send it");

        Assert.StartsWith("Send it in the portal, on the page of Belize for the 3rd quarter of 2021: https://plan.coalicion.example/portal/units/BZ/2021-Q3.",
            section[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Other ways to send it, for those who use them:", section[1].GetString());
        Assert.StartsWith("Upload the saved file to uploads/BZ/2021-Q3/", section[2].GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/validate", section[3].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_portal_the_upload_folder_comes_first()
    {
        using var wb = new XLWorkbook(new MemoryStream(Writer("").Write(TestPlan.Guatemala, Q3, Language.Es)));

        var section = Section(wb.Worksheet(InstructionsSheetEs), "Cómo enviarlo");

        Assert.StartsWith("Suba el archivo guardado a uploads/GT/2021-Q3/", section[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/validate", section[1].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(section, c => c.GetString().Contains("portal", StringComparison.Ordinal));
        Assert.Equal(3, section.Count);
    }
}
