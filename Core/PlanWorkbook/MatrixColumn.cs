namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// The columns of the plan workbook's data sheet (<i>Matriz</i>), in the order the export writes them: the seed's
/// columns (axis, objectives, activity, meta, indicador, responsable), the reporting level and count flag, the
/// programado / ejecutado pair of every year (<see cref="Programado"/>, <see cref="Ejecutado"/>, one column per year),
/// then the English texts. A workbook written by hand may hold them in any order: they are found by header text.
/// </summary>
public enum MatrixColumn
{
    AxisCode,
    AxisName,
    AxisNameEn,
    StrategicCode,
    StrategicLabel,
    StrategicText,
    StrategicTextEn,
    OperationalCode,
    OperationalLabel,
    OperationalText,
    OperationalTextEn,
    ActivityCode,
    ActivityLabel,
    ActivityText,
    Meta,
    Indicador,
    Responsable,
    Level,
    IsCount,
    Programado,
    Ejecutado,
    ActivityTextEn,
    MetaEn,
    IndicadorEn,
    ResponsableEn,
}

/// <summary>A recognised header: its column kind and, for <see cref="MatrixColumn.Programado"/>/<see cref="MatrixColumn.Ejecutado"/>, the year.</summary>
public readonly record struct MatrixHeader(MatrixColumn Column, int? Year = null);
