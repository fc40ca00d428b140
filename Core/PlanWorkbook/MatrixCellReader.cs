using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Reads the values of matrix cells as people type them, reporting what it cannot take: text within
/// <see cref="PlanMatrixLayout.MaxTextLength"/>, percentages as the quarterly sheets read them
/// (<see cref="PercentageReading"/>: 60, "60 %", "0,5", a percent-formatted 0.6), years, yes/no. A formula
/// contributes its saved value, with a warning.
/// </summary>
internal sealed class MatrixCellReader(MatrixProblems problems, string sheet)
{
    public string Sheet { get; } = sheet;

    /// <summary>The trimmed text, or null when blank.</summary>
    public string? Text(SheetCell? cell, string? activity)
    {
        if (cell is null || cell.IsEmpty) return null;
        Formula(cell, activity);
        var text = cell.Text.Trim();
        if (text.Length == 0) return null;
        // The reader keeps a bounded prefix of a long cell: its length in the file is FoundLength.
        var found = Math.Max(text.Length, cell.FoundLength - (cell.Text.Length - text.Length));
        if (found <= PlanMatrixLayout.MaxTextLength) return text;
        problems.Add(PlanIssues.TextTooLong, Sheet, cell.Address, activity, found, PlanMatrixLayout.MaxTextLength);
        return text.Length <= PlanMatrixLayout.MaxTextLength ? text : text[..PlanMatrixLayout.MaxTextLength];
    }

    /// <summary>A percentage 0–100, or null when blank or not usable (then reported).</summary>
    public decimal? Percent(SheetCell? cell, string? activity, MatrixColumn column, int year)
    {
        if (cell is null || cell.IsEmpty) return null;
        Formula(cell, activity);
        var reading = PercentageReading.FromCell(cell);
        var header = MatrixHeaders.Describe(column, year);
        if (!reading.IsReadable || reading.Value is not { } value)
        {
            problems.Add(PlanIssues.PercentNotANumber, Sheet, cell.Address, activity, header, reading.Raw ?? cell.Text);
            return null;
        }
        if (value is < 0m or > 100m)
        {
            problems.Add(PlanIssues.PercentOutOfRange, Sheet, cell.Address, activity, header, IssueLocation.Number(value, problems.Language));
            return null;
        }
        if (reading.MaybeFraction)
            problems.Add(PlanIssues.PercentLooksLikeFraction, Sheet, cell.Address, activity, header, IssueLocation.Number(value, problems.Language));
        return value;
    }

    /// <summary>A whole year typed as a number or as text; null when blank or not a plausible year (then reported).</summary>
    public int? Year(SheetCell? cell, PlanField field)
    {
        if (cell is null || cell.IsEmpty) return null;
        Formula(cell, null);
        var number = SheetNumbers.Read(cell);
        if (number is { } n && n == Math.Truncate(n) && n >= PlanRules.MinYear && n <= PlanRules.MaxYear) return (int)n;
        problems.Add(PlanIssues.YearInvalid, Sheet, cell.Address, null, PlanFields.Describe(field), cell.Text, PlanRules.MinYear, PlanRules.MaxYear);
        return null;
    }

    /// <summary>Yes / no in either language (sí, si, yes, x, verdadero, true, 1 — no, falso, false, 0) or a boolean cell.</summary>
    public bool? YesNo(SheetCell? cell, string? activity)
    {
        if (cell is null || cell.IsEmpty) return null;
        Formula(cell, activity);
        if (cell is { Kind: SheetValueKind.Boolean, Value: bool flag }) return flag;
        switch (MatrixText.Normalize(cell.Text))
        {
            case "si" or "s" or "yes" or "y" or "x" or "verdadero" or "true" or "1": return true;
            case "no" or "n" or "falso" or "false" or "0": return false;
            default:
                problems.Add(PlanIssues.CountUnreadable, Sheet, cell.Address, activity, cell.Text);
                return null;
        }
    }

    private void Formula(SheetCell cell, string? activity)
    {
        if (cell.IsFormula) problems.Add(PlanIssues.CellFormula, Sheet, cell.Address, activity, cell.Text);
    }
}
