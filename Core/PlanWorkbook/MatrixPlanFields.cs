using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>The plan's own fields as found in the workbook (null where missing or unusable).</summary>
internal sealed record PlanFieldValues(string? Id, string? TitleEs, string? TitleEn, int? FirstYear, int? LastYear);

/// <summary>
/// Finds the plan's fields: a label (<see cref="PlanFields"/>, either language) in a cell, its value in the first
/// non-empty cell to its right on the same row. Looked for in the head of every sheet read except the data sheet's
/// rows from its header down, so the export's instructions block and a hand-written block above the header row both
/// work. A field given twice with different values is a problem; checks the id and years.
/// </summary>
internal static class MatrixPlanFields
{
    /// <summary>How far right of its label a value may be (a merged label spans a few columns).</summary>
    private const int MaxValueDistance = 4;

    public static PlanFieldValues Read(MatrixWorkbook workbook, MatrixProblems problems)
    {
        var found = new Dictionary<PlanField, (SheetCell Cell, string Sheet, string Value)>();
        var conflicting = new HashSet<PlanField>();
        foreach (var head in workbook.Heads)
        {
            var below = workbook.Data is { } data && data.Name == head.Name ? data.HeaderRow.Number : int.MaxValue;
            foreach (var row in head.Rows.TakeWhile(r => r.Number < below))
            {
                foreach (var (column, cell) in row.Cells.OrderBy(c => c.Key))
                {
                    if (PlanFields.Recognise(cell.Text) is not { } field) continue;
                    var value = row.Cells.Where(c => c.Key > column && c.Key <= column + MaxValueDistance).OrderBy(c => c.Key)
                        .Select(c => c.Value).FirstOrDefault();
                    // A label without a value next to it is an empty field of the block, not a second definition.
                    if (value is null || PlanFields.Recognise(value.Text) is not null) continue;
                    var text = value.Text.Trim();
                    if (found.TryGetValue(field, out var first))
                    {
                        if (!string.Equals(first.Value, text, StringComparison.Ordinal) && conflicting.Add(field))
                        {
                            problems.Add(PlanIssues.PlanFieldConflict, head.Name, value.Address, null,
                                PlanFields.Describe(field), first.Value, $"{first.Sheet}!{first.Cell.Address}", text);
                        }

                        continue;
                    }
                    found[field] = (value, head.Name, text);
                }
            }
        }

        foreach (var field in PlanFields.All.Where(f => !found.ContainsKey(f)))
            problems.Add(PlanIssues.PlanFieldMissing, PlanMatrixLayout.InstructionsSheet, null, null, PlanFields.Describe(field));
        // Which of two values was meant is unknown: neither is used, so nothing is checked against a guess.
        foreach (var field in conflicting) found.Remove(field);

        string? Text(PlanField field) => found.TryGetValue(field, out var f) ? f.Value : null;
        int? Year(PlanField field) =>
            found.TryGetValue(field, out var f) ? new MatrixCellReader(problems, f.Sheet).Year(f.Cell, field) : null;

        var id = Text(PlanField.Id);
        if (id is not null && !PlanRules.IsValidId(id))
        {
            var at = found[PlanField.Id];
            problems.Add(PlanIssues.IdMalformed, at.Sheet, at.Cell.Address, null, id);
            id = null;
        }
        var values = new PlanFieldValues(id, Text(PlanField.TitleEs), Text(PlanField.TitleEn), Year(PlanField.FirstYear), Year(PlanField.LastYear));
        if (values is { FirstYear: { } firstYear, LastYear: { } lastYear })
        {
            var at = found[PlanField.LastYear];
            if (PlanRules.YearsProblem(firstYear, lastYear) is not null)
            {
                problems.Add(PlanIssues.YearsInconsistent, at.Sheet, at.Cell.Address, null, firstYear, lastYear, PlanRules.MaxYears);
                return values with { FirstYear = null, LastYear = null };
            }
            if (values.Id is { } planId && PlanRules.IdContradictsYears(planId, firstYear, lastYear))
            {
                var idAt = found[PlanField.Id];
                problems.Add(PlanIssues.IdContradictsYears, idAt.Sheet, idAt.Cell.Address, null, planId, firstYear, lastYear);
            }
        }
        return values;
    }
}
