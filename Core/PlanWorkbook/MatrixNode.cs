using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// An axis or objective as the rows describe it: its code, the texts of its columns (the first row that fills a
/// column gives the value; a different value on a later row is a conflict), its children in order of appearance.
/// </summary>
internal sealed class MatrixNode(int level, string code, int firstRow)
{
    private readonly Dictionary<MatrixColumn, (string Value, string Cell)> _texts = [];
    private readonly List<MatrixNode> _children = [];
    private readonly Dictionary<string, MatrixNode> _byCode = new(StringComparer.Ordinal);

    /// <summary>1 axis, 2 strategic objective, 3 operational objective.</summary>
    public int Level { get; } = level;

    public string Code { get; } = code;

    /// <summary>The first row that mentions the node: where a missing text is reported.</summary>
    public int FirstRow { get; } = firstRow;

    public IReadOnlyList<MatrixNode> Children => _children;

    /// <summary>Filled for operational objectives.</summary>
    public List<ActivityDocument> Activities { get; } = [];

    public string? Text(MatrixColumn column) => _texts.TryGetValue(column, out var t) ? t.Value : null;

    /// <summary>The cell the text of <paramref name="column"/> was taken from.</summary>
    public string? CellOf(MatrixColumn column) => _texts.TryGetValue(column, out var t) ? t.Cell : null;

    public MatrixNode Child(string code, int row)
    {
        if (_byCode.TryGetValue(code, out var child)) return child;
        child = new MatrixNode(Level + 1, code, row);
        _byCode[code] = child;
        _children.Add(child);
        return child;
    }

    /// <summary>Takes a text from a row, reporting a conflict with the one already known.</summary>
    public void Take(MatrixColumn column, string? value, SheetCell? cell, MatrixCellReader reader, MatrixProblems problems, string activity)
    {
        if (value is null || cell is null) return;
        if (!_texts.TryGetValue(column, out var known))
        {
            _texts[column] = (value, cell.Address);
            return;
        }
        if (!string.Equals(known.Value, value, StringComparison.Ordinal))
        {
            problems.Add(PlanIssues.ParentTextConflict, reader.Sheet, cell.Address, activity, Describe(problems.Language),
                MatrixHeaders.Describe(column), known.Cell);
        }
    }

    /// <summary>"eje 2", "objetivo operativo 2.1.3" — in the reader's language, for messages.</summary>
    public string Describe(Language language) => $"{MatrixLevels.Name(Level).In(language)} {Code}";
}

/// <summary>The words for the levels of the plan's tree, and what their codes look like.</summary>
internal static class MatrixLevels
{
    public static LocalizedText Name(int level) => level switch
    {
        1 => new("eje", "axis"),
        2 => new("objetivo estratégico", "strategic objective"),
        3 => new("objetivo operativo", "operational objective"),
        _ => new("actividad", "activity"),
    };

    public static LocalizedText Shape(int level) => level switch
    {
        1 => new("un número, como 3", "a number, such as 3"),
        2 => new("dos números separados por un punto, como 3.2", "two numbers separated by a dot, such as 3.2"),
        3 => new("tres números separados por puntos, como 3.2.1", "three numbers separated by dots, such as 3.2.1"),
        _ => new("cuatro números separados por puntos, como 3.2.1.2", "four numbers separated by dots, such as 3.2.1.2"),
    };

    /// <summary>The first <paramref name="level"/> parts of a code: the ancestor at that level.</summary>
    public static string Prefix(string code, int level) => string.Join('.', code.Split('.').Take(level));
}
