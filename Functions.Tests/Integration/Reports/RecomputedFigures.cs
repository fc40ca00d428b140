using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>
/// Checks every figure the merged workbook and the digest show against <see cref="DatosOracle"/>, the recomputation
/// from the workbook's data sheet alone: coverage, lower bounds, like-for-like changes and the ranking included.
/// </summary>
internal static class RecomputedFigures
{
    private const int Precision = 9;
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    public static void InWorkbook(XLWorkbook workbook, DatosOracle o)
    {
        Summary(workbook.Worksheet("Resumen"), o);
        Grid(workbook.Worksheet("Unidades × actividades"), o);
        Matrix(workbook.Worksheet("Matriz"), workbook.Worksheet("Unidades × actividades"), o);
    }

    private static void Summary(IXLWorksheet ws, DatosOracle o)
    {
        var column1 = ws.Column(1).CellsUsed().ToList();
        int RowOf(string text) => column1.Single(c => c.GetString() == text).Address.RowNumber;
        var figures = RowOf("Cifra / Figure");
        IXLRow Figure(string label) => column1.Single(c => c.Address.RowNumber > figures && c.GetString().StartsWith(label, StringComparison.Ordinal)).WorksheetRow();

        var f = o.Overall;
        Near(f.Execution, Figure("Ejecución (% de lo programado del año), sobre lo informado").Cell(3));
        Counts((f.ActivitiesReported, f.ActivitiesPlanned), Figure("Ejecución (% de lo programado del año), sobre lo informado"));
        Near(f.LowerBoundExecution, Figure("Ejecución: cota inferior").Cell(3));
        Counts((f.ValuesReported, f.ValuesExpected), Figure("Ejecución: cota inferior"));
        Near(f.MeanEjecutado, Figure("Ejecutado regional medio").Cell(3));
        Near(f.MeanProgramado, Figure("Programado medio (%), mismas actividades").Cell(3));
        Near(f.LowerBoundEjecutado, Figure("Ejecutado medio, cota inferior").Cell(3));
        Near(f.PlannedMeanProgramado, Figure("Programado medio (%), todas las programadas").Cell(3));
        Counts((o.Reported.Count, o.Units.Count), Figure("Unidades que informaron"));

        // Completeness first: the reporters and the missing by name, before any figure.
        var sentences = string.Join("\n", column1.Where(c => c.Address.RowNumber < RowOf("Cifras principales / Headline figures")).Select(c => c.GetString()));
        Assert.Contains($"Informaron {o.Reported.Count} de {o.Units.Count} unidades", sentences);
        Assert.All(o.Reported, u => Assert.Contains(u.Name, sentences));
        Assert.All(o.Missing, u => Assert.Contains(u.Name, sentences));

        var axisHeader = RowOf("Eje / Axis");
        foreach (var (axis, a) in o.Axes.Append(new(0, o.Overall)))
        {
            var row = axis == 0
                ? ws.Row(RowOf("Total"))
                : ws.Row(Enumerable.Range(axisHeader + 1, o.Axes.Count).Single(r => ws.Cell(r, 1).GetString() == axis.ToString(CultureInfo.InvariantCulture)));
            if (axis != 0) Assert.Equal(XLDataType.Number, row.Cell(1).DataType);
            Near(a.Execution, row.Cell(3));
            Near(a.LowerBoundExecution, row.Cell(4));
            Near(a.MeanEjecutado, row.Cell(5));
            Near(a.MeanProgramado, row.Cell(6));
            Assert.Equal([a.ActivitiesReported, a.ActivitiesPlanned, a.UnitsReporting, a.UnitsExpected, a.ValuesReported, a.ValuesExpected],
                Enumerable.Range(7, 6).Select(c => (int)row.Cell(c).GetDouble()));
        }

        var unitHeader = RowOf("Unidad / Unit");
        foreach (var u in o.Units)
        {
            var row = ws.Row(Enumerable.Range(unitHeader + 1, o.Units.Count).Single(r => ws.Cell(r, 1).GetString() == u.Code));
            Assert.Equal((u.ActivitiesReported, u.ActivitiesExpected, u.NotApplicable),
                ((int)row.Cell(7).GetDouble(), (int)row.Cell(8).GetDouble(), (int)row.Cell(9).GetDouble()));
        }

        var ranked = o.Ranking.Take(5).ToList();
        if (ranked.Count == 0) return;
        var rankHeader = RowOf("Puesto / Rank");
        for (var i = 0; i < ranked.Count; i++)
        {
            var row = ws.Row(rankHeader + 1 + i);
            var activity = o.Activities.Single(a => a.Code == ranked[i].Code);
            Assert.Equal((ranked[i].Rank, ranked[i].Code), ((int)row.Cell(1).GetDouble(), row.Cell(2).GetString()));
            Near(ranked[i].Relative * 100, row.Cell(6));
            Assert.Equal((activity.Reporting, activity.Expected), ((int)row.Cell(7).GetDouble(), (int)row.Cell(8).GetDouble()));
            Near(activity.LowerBound, row.Cell(9));
            Assert.Equal(ranked[i].Tied, row.Cell(10).GetString().Length > 0);
        }
    }

    private static void Grid(IXLWorksheet ws, DatosOracle o)
    {
        var headers = ws.Row(1).CellsUsed().ToDictionary(c => c.Address.ColumnNumber, c => c.GetString());
        var regional = headers.Single(h => h.Value.StartsWith("Regional (%)", StringComparison.Ordinal)).Key;
        var seen = 0;
        foreach (var row in ws.RowsUsed().Skip(1).Where(r => o.Activities.Any(a => a.Code == r.Cell(2).GetString())))
        {
            var a = o.Activities.Single(x => x.Code == row.Cell(2).GetString());
            seen++;
            var value = row.Cell(regional);
            if (a.Regional is { } expected) Near(expected, value);
            else Assert.Equal(XLDataType.Text, value.DataType);
            if (a.Expected == 0 && a.NotApplicable > 0) Assert.Equal($"no aplica ({a.NotApplicable} de {a.NotApplicable})", value.GetString());
            Assert.Equal([a.Reporting, a.Expected, a.NotApplicable], Enumerable.Range(regional + 1, 3).Select(c => (int)row.Cell(c).GetDouble()));
            Near(a.LowerBound, row.Cell(regional + 4));
            Near(a.Relative * 100, row.Cell(regional + 5));
            Near(a.ChangePoints, row.Cell(regional + 6));
            if (a.ChangeUnits is { } units) Assert.Equal(units, (int)row.Cell(regional + 7).GetDouble());
            else Assert.True(row.Cell(regional + 7).IsEmpty());
        }

        Assert.Equal(o.Activities.Count, seen);
    }

    private static void Matrix(IXLWorksheet matrix, IXLWorksheet grid, DatosOracle o)
    {
        var computed = matrix.Row(3).CellsUsed().Single(c => c.GetString().Contains($"regional al {o.Period.Label(Core.Localization.Language.Es)}, calculado", StringComparison.Ordinal)).Address.ColumnNumber;
        var codes = o.Activities.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var byTitle = grid.RowsUsed().Skip(1).Where(r => codes.Contains(r.Cell(2).GetString()))
            .ToDictionary(r => $"{r.Cell(3).GetString()} {r.Cell(4).GetString()}".Trim(), r => r.Cell(2).GetString());
        var seen = 0;
        foreach (var row in matrix.RowsUsed().Where(r => r.RowNumber() > 3 && byTitle.ContainsKey(r.Cell(2).GetString())))
        {
            var a = o.Activities.Single(x => x.Code == byTitle[row.Cell(2).GetString()]);
            seen++;
            Near(a.Regional, row.Cell(computed));
            Assert.Equal((a.Reporting, a.Expected), ((int)row.Cell(computed + 1).GetDouble(), (int)row.Cell(computed + 2).GetDouble()));
        }

        Assert.Equal(o.Activities.Count, seen);
    }

    /// <summary>The Spanish digest: completeness first, each figure with its coverage and bound, the axes, the ranking.</summary>
    public static void InDigest(DigestMessage message, DatosOracle o)
    {
        var text = message.TextBody;
        var f = o.Overall;
        var names = List(o.Reported.Select(u => u.Name).ToList());
        var reported = text.IndexOf($"Informaron {o.Reported.Count} de {o.Units.Count} unidades (", StringComparison.Ordinal);
        Assert.True(reported >= 0, text);
        Assert.Contains($"): {names}.", text);
        var execution = text.IndexOf($"Ejecución: {P(f.Execution)} de lo programado para el año (sobre lo informado: {o.Reported.Count} de {o.Units.Count} unidades; " +
            $"{f.ActivitiesReported} de {f.ActivitiesPlanned} actividades programadas con datos).", StringComparison.Ordinal);
        Assert.True(execution > reported, text);
        if (o.Missing.Count > 0)
        {
            var missing = text.IndexOf($"No {(o.Missing.Count == 1 ? "informó" : "informaron")} {o.Missing.Count}: ", StringComparison.Ordinal);
            Assert.True(missing > reported && missing < execution, text);
            Assert.All(o.Missing, u => Assert.Contains(u.Name, text[missing..execution]));
            Assert.Contains($"{(o.Missing.Count == 1 ? "falta" : "faltan")} {List(o.Missing.Select(u => u.Name).ToList())}", message.Subject);
        }

        if (f.ValuesReported < f.ValuesExpected)
        {
            var parts = new List<string>();
            if (o.Missing.Count > 0) parts.Add($"{o.Missing.Count} {(o.Missing.Count == 1 ? "unidad sin informe" : "unidades sin informe")}");
            if (o.BlankValues > 0) parts.Add($"{o.BlankValues} {(o.BlankValues == 1 ? "valor dejado en blanco" : "valores dejados en blanco")}");
            Assert.Contains($"Si lo que falta no hubiera avanzado ({List(parts)}, cada uno como ejecutado 0): {P(f.LowerBoundExecution)} (cota inferior).", text);
            Assert.Contains($"(cota inferior {P(f.LowerBoundExecution)})", message.Subject);
        }

        Assert.Contains($"al cierre del {o.Period.Label(Core.Localization.Language.Es)} han transcurrido {o.Period.Quarter} de 4 trimestres", text);
        Assert.Contains($"Ejecutado regional medio {P(f.MeanEjecutado)} frente a un programado medio de {P(f.MeanProgramado)}, sobre las mismas {f.ActivitiesReported} actividades.", text);

        foreach (var (axis, a) in o.Axes)
        {
            var bound = a.ValuesReported < a.ValuesExpected ? $"; cota inferior {P(a.LowerBoundExecution)}" : "";
            Assert.Contains($"{P(a.Execution)}  ({a.ActivitiesReported} de {a.ActivitiesPlanned} actividades; {a.UnitsReporting} de {a.UnitsExpected} unidades{bound}; " +
                $"ejecutado {P(a.MeanEjecutado)} / programado {P(a.MeanProgramado)})", text);
            Assert.Contains($"\n{axis}. ", text);
        }

        var positions = new List<int>();
        foreach (var r in o.Ranking.Take(DigestComposer.MostBehindCount))
        {
            var a = o.Activities.Single(x => x.Code == r.Code);
            var head = text.IndexOf($"\n{r.Rank}{(r.Tied ? "=" : "")}. {a.Label} ", StringComparison.Ordinal);
            Assert.True(head >= 0, $"{r.Code} ranked {r.Rank} is not in the digest\n{text}");
            positions.Add(head);
            var bound = a.Reporting < a.Expected ? $"; cota inferior {P(a.LowerBound)}" : "";
            var change = a.ChangeUnits is { } units ? $"{Signed(a.ChangePoints)} puntos ({units} unid.)" : "—";
            Assert.Contains($"{P(r.Relative * 100)} de lo programado: ejecutado regional {P(a.Regional)} de {P(a.Programado)} " +
                $"({a.Reporting} de {a.Expected} unidades{bound}); cambio comparable {change}", text[head..]);
        }
        Assert.Equal(positions.Order(), positions);
        if (o.Ranking.Count == 0) Assert.Contains("Ninguna actividad con datos está por debajo de lo programado.", text);
    }

    private static void Near(double? expected, IXLCell cell)
    {
        if (expected is { } e)
        {
            Assert.True(cell.DataType == XLDataType.Number, $"{cell.Address} should hold {e} as a number, holds «{cell.GetString()}»");
            Assert.Equal(e, cell.GetDouble(), Precision);
        }
        else
        {
            Assert.True(cell.IsEmpty() || cell.DataType == XLDataType.Text, $"{cell.Address} should hold no number, holds {cell.GetString()}");
        }
    }

    private static void Counts((int K, int N) expected, IXLRow row) =>
        Assert.Equal(expected, ((int)row.Cell(4).GetDouble(), (int)row.Cell(5).GetDouble()));

    private static string P(double? value) => value is { } v ? v.ToString("0.0", Spanish) + " %" : "—";

    private static string Signed(double? value) => value!.Value.ToString("+0.0;-0.0;0.0", Spanish);

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " y " + items[^1];
}
