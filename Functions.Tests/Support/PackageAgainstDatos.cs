using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.Reports.MergedWorkbook;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The package's <c>progress</c> table against the merged workbook's <i>Datos</i> sheets of the same instant, every
/// column the sheet has: the same rows (quarter × unit × activity, nothing more, nothing less), and in each the same
/// year, quarter, axis, programado, ejecutado, status code, quantity, observations, evidence, submission and arrival.
/// The workbook is read back with ClosedXML by header name; the package as its files are (CSV text, its injection
/// escape undone).
/// </summary>
internal static class PackageAgainstDatos
{
    public static void AssertSame(XLWorkbook workbook, DataPackageCheck.Table progress)
    {
        var datos = Rows(workbook);
        var package = progress.Records.ToDictionary(r => (r["period"]!, r["unit_code"]!, r["activity_code"]!));
        Assert.Equal(datos.Count, package.Count);
        foreach (var row in datos)
        {
            var key = (row["Periodo"].GetString(), row["Unidad"].GetString(), row["Actividad"].GetString());
            Assert.True(package.TryGetValue(key, out var p), $"{key} is in Datos, not in the package");
            var where = $"{key}";
            Assert.Equal(Number(row["Año"]), Number(p!["year"]));
            Assert.Equal(Number(row["Trimestre"]), Number(p["quarter"]));
            Assert.Equal(Text(row["Eje"]), p["axis_code"]);
            Assert.Equal(Number(row["Programado (%)"]), Number(p["programado"]));
            Assert.Equal(Number(row["Ejecutado (%)"]), Number(p["ejecutado_recorded"]));
            Assert.Equal(Number(row["Cantidad"]), Number(p["quantity"]));
            var status = Text(row["Código de estado"]);
            Assert.True((status is null or DataSheetWriter.NoSubmissionCode ? null : status) == p["status"], $"{where}: status {status} / {p["status"]}");
            Assert.True(Text(row["Observaciones"]) == Cleaned(p["observations"]), $"{where}: observations");
            Assert.True(Text(row["Evidencia"]) == Cleaned(p["evidence"]), $"{where}: evidence");
            Assert.Equal(Text(row["Id del envío"]), p["submission_id"]);
            var arrived = row["Subido (UTC)"];
            if (arrived.IsEmpty())
            {
                Assert.Null(p["received_at"]);
            }
            else
            {
                var package_ = DateTimeOffset.Parse(p["received_at"]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
                // The sheet keeps an instant as an OLE date (a double of days): equal to its precision, a millisecond.
                var sheet = arrived.DataType == XLDataType.DateTime ? arrived.GetDateTime() : DateTime.FromOADate(arrived.GetDouble());
                Assert.True(Math.Abs((sheet - package_).TotalMilliseconds) < 1, $"{where}: received_at {sheet:o} / {package_:o}");
            }
        }
    }

    /// <summary>Every data sheet's rows ("Datos", "Datos 2", …) as cells by header.</summary>
    private static List<Dictionary<string, IXLCell>> Rows(XLWorkbook workbook)
    {
        var rows = new List<Dictionary<string, IXLCell>>();
        foreach (var ws in workbook.Worksheets.Where(w => w.Name == "Datos" || w.Name.StartsWith("Datos ", StringComparison.Ordinal)))
        {
            var columns = ws.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
            Assert.Equal(DataSheetWriter.Headers.Order(StringComparer.Ordinal), columns.Keys.Order(StringComparer.Ordinal));
            foreach (var row in ws.RowsUsed().Skip(1))
                rows.Add(columns.ToDictionary(c => c.Key, c => row.Cell(c.Value)));
        }

        return rows;
    }

    private static double? Number(IXLCell cell)
    {
        if (cell.IsEmpty()) return null;
        Assert.Equal(XLDataType.Number, cell.DataType);
        return cell.GetDouble();
    }

    private static double? Number(string? text) => text is null ? null : double.Parse(text, CultureInfo.InvariantCulture);

    private static string? Text(IXLCell cell) => cell.IsEmpty() ? null : cell.DataType == XLDataType.Number
        ? cell.GetDouble().ToString(CultureInfo.InvariantCulture)
        : cell.GetString();

    /// <summary>The package's text as the sheet keeps it: the CSV injection escape undone, then what XML cannot carry dropped.</summary>
    private static string? Cleaned(string? csv)
    {
        var text = csv is ['\'', '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? csv[1..] : csv;
        return SheetCells.Clean(text) is { Length: > 0 } clean ? clean : null;
    }
}
