using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Which sheet column holds which <see cref="MatrixColumn"/>, from the header row: any order, either language.
/// Reports duplicates, headers it does not know (a warning: the column is not read), required columns that are
/// missing, year columns outside the plan and plan years without a programado column.
/// </summary>
internal sealed class MatrixColumnMap
{
    /// <summary>Without these a plan cannot be built; the parents' codes, the labels, the count flag and ejecutado are optional.</summary>
    public static readonly IReadOnlyList<MatrixColumn> Required =
    [
        MatrixColumn.AxisName, MatrixColumn.AxisNameEn, MatrixColumn.StrategicText, MatrixColumn.StrategicTextEn,
        MatrixColumn.OperationalText, MatrixColumn.OperationalTextEn, MatrixColumn.ActivityCode, MatrixColumn.ActivityText,
        MatrixColumn.Meta, MatrixColumn.Indicador, MatrixColumn.Responsable, MatrixColumn.Level,
        MatrixColumn.ActivityTextEn, MatrixColumn.MetaEn, MatrixColumn.IndicadorEn, MatrixColumn.ResponsableEn,
    ];

    private readonly Dictionary<MatrixColumn, int> _columns = [];
    private readonly SortedDictionary<int, int> _programado = [];
    private readonly SortedDictionary<int, int> _ejecutado = [];

    public int? this[MatrixColumn column] => _columns.TryGetValue(column, out var c) ? c : null;

    public bool Has(MatrixColumn column) => _columns.ContainsKey(column);

    /// <summary>Year → sheet column of its programado / ejecutado.</summary>
    public IReadOnlyDictionary<int, int> Programado => _programado;

    public IReadOnlyDictionary<int, int> Ejecutado => _ejecutado;

    /// <summary>The years the columns name, plan or not.</summary>
    public IEnumerable<int> Years => _programado.Keys.Union(_ejecutado.Keys).Order();

    public static MatrixColumnMap Read(MatrixDataSheet sheet, PlanFieldValues plan, MatrixProblems problems)
    {
        var map = new MatrixColumnMap();
        var header = sheet.HeaderRow;
        foreach (var (column, cell) in header.Cells.OrderBy(c => c.Key))
        {
            if (MatrixHeaders.Recognise(cell.Text) is not { } found)
            {
                problems.Add(PlanIssues.ColumnIgnored, sheet.Name, cell.Address, null, cell.Text.Trim());
                continue;
            }
            var taken = found.Year is { } y
                ? (found.Column == MatrixColumn.Programado ? map._programado : map._ejecutado).TryAdd(y, column)
                : map._columns.TryAdd(found.Column, column);
            if (!taken)
            {
                var first = found.Year is { } year
                    ? (found.Column == MatrixColumn.Programado ? map._programado : map._ejecutado)[year]
                    : map._columns[found.Column];
                problems.Add(PlanIssues.ColumnDuplicate, sheet.Name, cell.Address, null,
                    MatrixHeaders.Describe(found.Column, found.Year), header.At(first)!.Address);
                continue;
            }
            if (found.Year is { } columnYear && plan is { FirstYear: { } firstYear, LastYear: { } lastYear }
                && (columnYear < firstYear || columnYear > lastYear))
            {
                problems.Add(PlanIssues.YearOutsidePlan, sheet.Name, cell.Address, null, columnYear, firstYear, lastYear);
            }
        }

        foreach (var missing in Required.Where(c => !map.Has(c)))
            problems.Add(PlanIssues.ColumnMissing, sheet.Name, null, null, MatrixHeaders.Describe(missing));
        if (plan is { FirstYear: { } planFirst, LastYear: { } planLast })
        {
            for (var year = planFirst; year <= planLast; year++)
            {
                if (!map._programado.ContainsKey(year))
                    problems.Add(PlanIssues.YearColumnMissing, sheet.Name, null, null, MatrixHeaders.Describe(MatrixColumn.Programado, year));
            }
        }

        return map;
    }
}
