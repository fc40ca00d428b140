using ServerlessPlan.Core.PlanWorkbook;

namespace ServerlessPlan.Tests.Unit.Plan.Matrix;

/// <summary>Headers are recognised in either language, with or without accents, and with a few common synonyms.</summary>
public sealed class MatrixHeadersTests
{
    [Theory]
    [InlineData("Actividad (código)", MatrixColumn.ActivityCode, null)]
    [InlineData("Código", MatrixColumn.ActivityCode, null)]
    [InlineData("activity code", MatrixColumn.ActivityCode, null)]
    [InlineData("Código de la actividad", MatrixColumn.ActivityCode, null)]
    [InlineData("ACTIVIDAD", MatrixColumn.ActivityText, null)]
    [InlineData("Activity (English)", MatrixColumn.ActivityTextEn, null)]
    [InlineData("actividad en ingles", MatrixColumn.ActivityTextEn, null)]
    [InlineData("Número impreso", MatrixColumn.ActivityLabel, null)]
    [InlineData("Eje", MatrixColumn.AxisName, null)]
    [InlineData("Código del eje", MatrixColumn.AxisCode, null)]
    [InlineData("Axis name (EN)", MatrixColumn.AxisNameEn, null)]
    [InlineData("Objetivo Estrategico", MatrixColumn.StrategicText, null)]
    [InlineData("strategic objective (printed number)", MatrixColumn.StrategicLabel, null)]
    [InlineData("Objetivo operativo (inglés)", MatrixColumn.OperationalTextEn, null)]
    [InlineData("Operational objective code", MatrixColumn.OperationalCode, null)]
    [InlineData("Target (meta)", MatrixColumn.Meta, null)]
    [InlineData("Meta (inglés)", MatrixColumn.MetaEn, null)]
    [InlineData("Indicator", MatrixColumn.Indicador, null)]
    [InlineData("Responsible (English)", MatrixColumn.ResponsableEn, null)]
    [InlineData("Nivel de reporte:", MatrixColumn.Level, null)]
    [InlineData("Who reports", MatrixColumn.Level, null)]
    [InlineData("¿El indicador cuenta?", MatrixColumn.IsCount, null)]
    [InlineData("Programado 2024 (%)", MatrixColumn.Programado, 2024)]
    [InlineData("P2024", MatrixColumn.Programado, 2024)]
    [InlineData("planned 2025 %", MatrixColumn.Programado, 2025)]
    [InlineData("Ejecutado 2023", MatrixColumn.Ejecutado, 2023)]
    [InlineData("Achieved 2023 (%)", MatrixColumn.Ejecutado, 2023)]
    [InlineData("Meta / Target (meta)", MatrixColumn.Meta, null)]
    [InlineData("Indicador\nIndicator", MatrixColumn.Indicador, null)]
    public void Recognises(string header, MatrixColumn column, int? year) =>
        Assert.Equal(new MatrixHeader(column, year), MatrixHeaders.Recognise(header));

    [Theory]
    [InlineData("Observaciones")]
    [InlineData("Meta (codigo)")]
    [InlineData("Programado")]
    [InlineData("Programado 20")]
    [InlineData("")]
    [InlineData("Matriz del Plan Operativo 2020-2022")]
    public void Ignores_what_is_not_a_matrix_column(string header) => Assert.Null(MatrixHeaders.Recognise(header));

    [Fact]
    public void Every_header_the_export_writes_is_recognised_as_its_own_column_in_both_languages()
    {
        foreach (var column in Enum.GetValues<MatrixColumn>())
        {
            int? year = column is MatrixColumn.Programado or MatrixColumn.Ejecutado ? 2031 : null;
            var text = MatrixHeaders.For(column, year);
            Assert.Equal(new MatrixHeader(column, year), MatrixHeaders.Recognise(text.Es));
            Assert.Equal(new MatrixHeader(column, year), MatrixHeaders.Recognise(text.En));
        }
    }

    [Theory]
    [InlineData("Código del plan / Plan id", PlanField.Id)]
    [InlineData("Plan:", PlanField.Id)]
    [InlineData("Título", PlanField.TitleEs)]
    [InlineData("Title (English)", PlanField.TitleEn)]
    [InlineData("PRIMER AÑO", PlanField.FirstYear)]
    [InlineData("Last year", PlanField.LastYear)]
    public void Recognises_the_plan_field_labels(string label, PlanField field) => Assert.Equal(field, PlanFields.Recognise(label));
}
