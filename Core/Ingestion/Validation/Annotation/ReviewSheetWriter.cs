using System.Globalization;
using System.Xml;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>
/// The review sheet (<i>Revisión</i> / <i>Review</i>) the annotated copy opens on: the verdict, then one row per
/// finding — severity, code, sheet, cell (a link to it), activity, message — filled with the severity's colour. Every
/// value is an inline string, so nothing a country typed (and a message quotes) can ever be read as a formula.
/// </summary>
internal static class ReviewSheetWriter
{
    public static string Name(Language language) => language == Language.En ? "Review" : "Revisión";

    private static readonly double[] Widths = [14, 30, 14, 10, 12, 110];

    /// <param name="reportSheet">The report sheet's name as the workbook spells it, for the links; null when it has none.</param>
    public static void Write(XmlWriter writer, ValidationReport report, Language language, AnnotationStyles styles, string mainNamespace,
        string? reportSheet)
    {
        var en = language == Language.En;
        var relationships = Ooxml.RelationshipsFor(mainNamespace);
        writer.WriteStartElement("worksheet", mainNamespace);
        writer.WriteAttributeString("xmlns", "r", null, relationships);

        writer.WriteStartElement("sheetViews", mainNamespace);
        writer.WriteStartElement("sheetView", mainNamespace);
        writer.WriteAttributeString("tabSelected", "1");
        writer.WriteAttributeString("workbookViewId", "0");
        Element(writer, mainNamespace, "pane", ("ySplit", "3"), ("topLeftCell", "A4"), ("activePane", "bottomLeft"), ("state", "frozen"));
        Element(writer, mainNamespace, "selection", ("pane", "bottomLeft"), ("activeCell", "A4"), ("sqref", "A4"));
        writer.WriteEndElement();
        writer.WriteEndElement();
        Element(writer, mainNamespace, "sheetFormatPr", ("defaultRowHeight", "15"));
        writer.WriteStartElement("cols", mainNamespace);
        for (var c = 0; c < Widths.Length; c++)
        {
            var column = (c + 1).ToString(CultureInfo.InvariantCulture);
            Element(writer, mainNamespace, "col", ("min", column), ("max", column),
                ("width", Widths[c].ToString(CultureInfo.InvariantCulture)), ("customWidth", "1"));
        }
        writer.WriteEndElement();

        writer.WriteStartElement("sheetData", mainNamespace);
        Row(writer, mainNamespace, 1, [(Verdict(report, en), styles.Review(ReviewStyle.Title))]);
        string[] headers = en
            ? ["Severity", "Code", "Sheet", "Cell", "Activity", "Message"]
            : ["Gravedad", "Código", "Hoja", "Celda", "Actividad", "Mensaje"];
        Row(writer, mainNamespace, 3, headers.Select(h => (h, styles.Review(ReviewStyle.Header))).ToArray());

        var links = new List<(string Cell, string Location, string Display)>();
        var row = 4;
        foreach (var issue in report.Errors.Concat(report.Warnings))
        {
            var error = issue.Severity == IssueSeverity.Error;
            var text = styles.Review(error ? ReviewStyle.ErrorText : ReviewStyle.WarningText);
            var linkable = reportSheet is not null && issue.Cell is { } cell && CellReferences.ColumnOf(cell) is not null;
            Row(writer, mainNamespace, row,
            [
                (error ? "Error" : en ? "Warning" : "Advertencia", text),
                (issue.Code, text),
                (issue.Sheet ?? "", text),
                (issue.Cell ?? "", linkable ? styles.Review(error ? ReviewStyle.ErrorLink : ReviewStyle.WarningLink) : text),
                (issue.Activity ?? "", text),
                (issue.Message, styles.Review(error ? ReviewStyle.ErrorWrap : ReviewStyle.WarningWrap)),
            ]);
            if (linkable) links.Add(($"D{row.ToString(CultureInfo.InvariantCulture)}", $"{Quoted(reportSheet!)}!{issue.Cell}", issue.Cell!));
            row++;
        }
        writer.WriteEndElement();

        if (links.Count > 0)
        {
            // Internal links name a place in the workbook (location): no relationship, nothing outside the file.
            writer.WriteStartElement("hyperlinks", mainNamespace);
            foreach (var (cell, location, display) in links)
                Element(writer, mainNamespace, "hyperlink", ("ref", cell), ("location", location), ("display", display));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static string Verdict(ValidationReport report, bool en) => (en, report.Accepted) switch
    {
        (true, true) => "Accepted with warnings",
        (true, false) => "Rejected: fix the cells marked in red and upload again",
        (false, true) => "Aceptado con advertencias",
        (false, false) => "Rechazado: corrija las celdas marcadas en rojo y vuelva a subirlo",
    };

    private static void Row(XmlWriter writer, string ns, int number, (string Text, int Style)[] cells)
    {
        writer.WriteStartElement("row", ns);
        var r = number.ToString(CultureInfo.InvariantCulture);
        writer.WriteAttributeString("r", r);
        for (var c = 0; c < cells.Length; c++)
        {
            writer.WriteStartElement("c", ns);
            writer.WriteAttributeString("r", CellReferences.ColumnLetters(c + 1) + r);
            writer.WriteAttributeString("s", cells[c].Style.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("t", "inlineStr");
            writer.WriteStartElement("is", ns);
            writer.WriteStartElement("t", ns);
            writer.WriteAttributeString("xml", "space", null, "preserve");
            writer.WriteString(IssueText.Printable(cells[c].Text));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>A sheet name as a formula reference writes it: in single quotes, inner quotes doubled.</summary>
    private static string Quoted(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Element(XmlWriter writer, string ns, string name, params (string Name, string Value)[] attributes)
    {
        writer.WriteStartElement(name, ns);
        foreach (var (attribute, value) in attributes) writer.WriteAttributeString(attribute, value);
        writer.WriteEndElement();
    }
}
