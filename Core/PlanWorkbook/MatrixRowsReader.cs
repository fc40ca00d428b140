using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.PlanWorkbook.MatrixColumn;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// Turns the data rows into the plan's tree. One row per activity; blank rows and a repeated header row (the export's
/// English one) are skipped. The activity code decides where an activity belongs (1.2.3.4 is under 1.2.3, 1.2 and 1):
/// the parents' code columns are optional and, when filled, must agree. The parents' texts may be repeated on every
/// row or written once on the first (as merged cells leave them); a row with only parents' columns and their codes
/// describes those parents.
/// </summary>
internal sealed class MatrixRowsReader(MatrixDataSheet sheet, MatrixColumnMap map, PlanFieldValues plan, MatrixProblems problems)
{
    private static readonly MatrixColumn[][] ParentTexts =
    [
        [AxisName, AxisNameEn],
        [StrategicLabel, StrategicText, StrategicTextEn],
        [OperationalLabel, OperationalText, OperationalTextEn],
    ];

    private static readonly MatrixColumn[] ParentCodes = [AxisCode, StrategicCode, OperationalCode];

    private static readonly MatrixColumn[] ActivityColumns =
        [ActivityLabel, ActivityText, Meta, Indicador, Responsable, Level, IsCount, ActivityTextEn, MetaEn, IndicadorEn, ResponsableEn];

    private readonly MatrixCellReader _cells = new(problems, sheet.Name);
    private readonly MatrixNode _root = new(0, "", 0);
    private readonly Dictionary<string, string> _activityCells = new(StringComparer.Ordinal);

    /// <summary>The axes, in order of first appearance.</summary>
    public IReadOnlyList<MatrixNode> Read()
    {
        if (sheet.RowsBeyondLimit)
            problems.Add(PlanIssues.TooManyRows, sheet.Name, null, null, PlanMatrixLayout.MaxRows);
        foreach (var row in sheet.Rows)
        {
            if (row.Cells.Count == 0 || MatrixWorkbookReader.IsHeaderRow(row)) continue;
            if (_activityCells.Count == PlanMatrixLayout.MaxActivities)
            {
                problems.Add(PlanIssues.TooManyActivities, sheet.Name, null, null, PlanMatrixLayout.MaxActivities);
                break;
            }
            ReadRow(row);
        }
        if (_activityCells.Count == 0) problems.Add(PlanIssues.NoActivities, sheet.Name, null, null);
        CheckParents(_root);
        return _root.Children;
    }

    private SheetCell? Cell(MatrixRow row, MatrixColumn column) => map[column] is { } c ? row.At(c) : null;

    private string? Text(MatrixRow row, MatrixColumn column, string? activity) => _cells.Text(Cell(row, column), activity);

    private void ReadRow(MatrixRow row)
    {
        var codeCell = Cell(row, ActivityCode);
        var code = _cells.Text(codeCell, null);
        if (code is null)
        {
            ReadParentsOnlyRow(row);
            return;
        }
        if (!PlanRules.IsValidCode(code, 4))
        {
            problems.Add(PlanIssues.CodeMalformed, sheet.Name, codeCell!.Address, null, code, MatrixLevels.Shape(4).In(problems.Language));
            return;
        }
        if (!_activityCells.TryAdd(code, codeCell!.Address))
        {
            problems.Add(PlanIssues.CodeDuplicate, sheet.Name, codeCell.Address, code, code, _activityCells[code]);
            return;
        }

        var node = _root;
        for (var level = 1; level <= 3; level++)
        {
            var parentCode = MatrixLevels.Prefix(code, level);
            CheckParentCode(row, level, parentCode, code);
            node = node.Child(parentCode, row.Number);
            TakeParentTexts(row, node, code);
        }
        node.Activities.Add(ReadActivity(row, code));
    }

    private void CheckParentCode(MatrixRow row, int level, string expected, string activity)
    {
        var cell = Cell(row, ParentCodes[level - 1]);
        var written = _cells.Text(cell, activity);
        if (written is not null && written != expected)
        {
            problems.Add(PlanIssues.ParentCodeMismatch, sheet.Name, cell!.Address, activity, written,
                MatrixLevels.Name(level).In(problems.Language), activity, $"{MatrixLevels.Name(level).In(problems.Language)} {expected}");
        }
    }

    private void TakeParentTexts(MatrixRow row, MatrixNode node, string? activity)
    {
        foreach (var column in ParentTexts[node.Level - 1])
            node.Take(column, Text(row, column, activity), Cell(row, column), _cells, problems, activity ?? node.Code);
    }

    /// <summary>
    /// A row without an activity code: blank for the activity's own columns, it may describe parents that carry
    /// their codes (a heading row); otherwise the code is missing.
    /// </summary>
    private void ReadParentsOnlyRow(MatrixRow row)
    {
        var hasActivityData = ActivityColumns.Any(c => Cell(row, c) is not null)
            || map.Programado.Values.Concat(map.Ejecutado.Values).Any(c => row.At(c) is not null);
        var codes = ParentCodes.Select(c => _cells.Text(Cell(row, c), null)).ToArray();
        var deepest = Array.FindLastIndex(codes, c => c is not null);
        if (hasActivityData || deepest < 0)
        {
            problems.AddAt(PlanIssues.CodeMissing, sheet.Name, row.Number, map[ActivityCode] ?? 1, null, MatrixHeaders.Describe(ActivityCode));
            return;
        }
        var node = _root;
        for (var level = 1; level <= deepest + 1; level++)
        {
            var code = codes[level - 1] ?? MatrixLevels.Prefix(codes[deepest]!, level);
            if (!PlanRules.IsValidCode(code, level) || (level > 1 && !code.StartsWith(node.Code + ".", StringComparison.Ordinal)))
            {
                var cell = Cell(row, ParentCodes[level - 1]) ?? Cell(row, ParentCodes[deepest]);
                problems.Add(PlanIssues.CodeMalformed, sheet.Name, cell?.Address, null, code, MatrixLevels.Shape(level).In(problems.Language));
                return;
            }
            node = node.Child(code, row.Number);
            TakeParentTexts(row, node, null);
        }
    }

    private ActivityDocument ReadActivity(MatrixRow row, string code)
    {
        string? Required(MatrixColumn column, IssueType missing)
        {
            var text = Text(row, column, code);
            if (text is null && map.Has(column))
                problems.AddAt(missing, sheet.Name, row.Number, map[column]!.Value, code, MatrixHeaders.Describe(column));
            return text;
        }

        var spanish = new[] { ActivityText, Meta, Indicador, Responsable }.Select(c => Required(c, PlanIssues.ActivityFieldMissing)).ToArray();
        var english = new[] { ActivityTextEn, MetaEn, IndicadorEn, ResponsableEn }.Select(c => Required(c, PlanIssues.EnglishMissing)).ToArray();
        WarnUntranslated(row, code, [(ActivityText, ActivityTextEn), (Meta, MetaEn), (Indicador, IndicadorEn), (Responsable, ResponsableEn)], spanish, english);

        return new ActivityDocument
        {
            Code = code,
            Label = Text(row, ActivityLabel, code) ?? code,
            Text = spanish[0], Meta = spanish[1], Indicador = spanish[2], Responsable = spanish[3],
            En = new ActivityTextsDocument { Text = english[0], Meta = english[1], Indicador = english[2], Responsable = english[3] },
            Reporting = ReadLevel(row, code),
            IndicatorIsCount = _cells.YesNo(Cell(row, IsCount), code) ?? false,
            Years = ReadYears(row, code),
        };
    }

    private void WarnUntranslated(MatrixRow row, string code, (MatrixColumn Es, MatrixColumn En)[] pairs, string?[] spanish, string?[] english)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            if (spanish[i] is { } es && english[i] is { } en && MatrixText.Normalize(es) == MatrixText.Normalize(en))
                problems.Add(PlanIssues.EnglishSameAsSpanish, sheet.Name, Cell(row, pairs[i].En)!.Address, code, MatrixHeaders.Describe(pairs[i].En));
        }
    }

    private string? ReadLevel(MatrixRow row, string code)
    {
        var cell = Cell(row, Level);
        var text = _cells.Text(cell, code);
        if (text is null)
        {
            if (map.Has(Level)) problems.AddAt(PlanIssues.LevelMissing, sheet.Name, row.Number, map[Level]!.Value, code);
            return null;
        }
        if (ReportingLevels.TryParseWord(MatrixText.Normalize(text), out var level)) return ReportingLevels.ToCode(level);
        problems.Add(PlanIssues.LevelUnknown, sheet.Name, cell!.Address, code, text);
        return null;
    }

    /// <summary>Every year of the plan (every year the columns name when the plan's years are unknown).</summary>
    private List<YearDocument?> ReadYears(MatrixRow row, string code)
    {
        var years = plan is { FirstYear: { } first, LastYear: { } last } ? Enumerable.Range(first, last - first + 1) : map.Years;
        return years.Select(year => (YearDocument?)new YearDocument
        {
            Year = year,
            Programado = map.Programado.TryGetValue(year, out var p) ? _cells.Percent(row.At(p), code, Programado, year) : null,
            Ejecutado = map.Ejecutado.TryGetValue(year, out var e) ? _cells.Percent(row.At(e), code, Ejecutado, year) : null,
        }).ToList();
    }

    /// <summary>Every axis and objective needs its texts in both languages (labels may stay blank).</summary>
    private void CheckParents(MatrixNode node)
    {
        foreach (var child in node.Children)
        {
            foreach (var column in ParentTexts[child.Level - 1].Where(c => c is not (StrategicLabel or OperationalLabel)))
            {
                if (child.Text(column) is null && map[column] is { } sheetColumn)
                {
                    problems.AddAt(PlanIssues.ParentTextMissing, sheet.Name, child.FirstRow, sheetColumn, null,
                        child.Describe(problems.Language), MatrixHeaders.Describe(column));
                }
            }

            if (child.Children.Count == 0 && child.Activities.Count == 0)
            {
                problems.AddAt(PlanIssues.ParentWithoutActivities, sheet.Name, child.FirstRow, map[ParentCodes[child.Level - 1]] ?? map[ActivityCode] ?? 1,
                    null, child.Describe(problems.Language));
            }

            var (es, en) = child.Level switch
            {
                1 => (AxisName, AxisNameEn),
                2 => (StrategicText, StrategicTextEn),
                _ => (OperationalText, OperationalTextEn),
            };
            if (child.Text(es) is { } spanish && child.Text(en) is { } english && MatrixText.Normalize(spanish) == MatrixText.Normalize(english))
                problems.Add(PlanIssues.EnglishSameAsSpanish, sheet.Name, child.CellOf(en), null, MatrixHeaders.Describe(en));
            if (child.Level < 3) CheckParents(child);
        }
    }
}
