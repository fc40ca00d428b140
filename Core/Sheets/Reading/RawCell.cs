namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>A cell's <c>t</c> attribute.</summary>
internal enum RawCellType
{
    /// <summary>No <c>t</c>, or <c>t="n"</c>.</summary>
    Number,
    SharedString,
    InlineString,

    /// <summary><c>t="str"</c>: a formula's text result.</summary>
    FormulaString,
    Boolean,
    Error,

    /// <summary><c>t="d"</c>: an ISO 8601 date (Strict OOXML and some scripts; Excel never writes it).</summary>
    Date,
}

/// <summary>
/// A cell exactly as the worksheet XML holds it, before any interpretation. Only the cells the reader needs are
/// materialised.
/// </summary>
internal sealed class RawCell
{
    public int Row { get; init; }
    public int Column { get; init; }
    public RawCellType Type { get; set; }

    /// <summary>The unknown <c>t</c> value, kept for the unreadable-value message; null when recognised.</summary>
    public string? UnknownType { get; set; }

    public int Style { get; set; }

    /// <summary>The <c>&lt;v&gt;</c> text (at most <see cref="ReadingLimits.MaxCellTextChars"/>); null when the cell has none.</summary>
    public string? Value { get; set; }

    /// <summary>How long the <c>&lt;v&gt;</c> text was in the file (more than <see cref="Value"/> holds when cut).</summary>
    public long ValueLength { get; set; }

    /// <summary>The <c>&lt;is&gt;</c> text of an inline string (bounded like <see cref="Value"/>); null when the cell has none.</summary>
    public string? InlineText { get; set; }

    public long InlineLength { get; set; }

    /// <summary>The formula text (without '='), null when the cell holds no formula.</summary>
    public string? Formula { get; set; }

    /// <summary>The shared-formula group a formula-less <c>&lt;f t="shared" si="n"/&gt;</c> follows.</summary>
    public int? SharedFormulaIndex { get; set; }

    /// <summary>True when the cell holds a value, inline text or a formula (not merely a style).</summary>
    public bool HasContent => !string.IsNullOrEmpty(Value) || !string.IsNullOrEmpty(InlineText) || Formula is not null || SharedFormulaIndex is not null;
}
