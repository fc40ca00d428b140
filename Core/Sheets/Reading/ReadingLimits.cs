namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// What reading an upload may cost, set by the template rather than by the file: every number here bounds what one
/// upload can make the reader hold or stream, whatever the file contains. The reasons and the tests that exercise each
/// limit are listed in <c>docs/ingestion.md</c>; change them there too.
/// </summary>
public static class ReadingLimits
{
    /// <summary>
    /// Most inflated bytes streamed from any one part the reader (or the annotated copy) parses: the report and
    /// metadata sheets, the shared strings, the styles, the workbook and its relationships. The report sheet of a
    /// 500-activity template is under 1 MiB; 16 MiB also bounds the largest single token (an attribute or a name) an
    /// <see cref="System.Xml.XmlReader"/> must buffer whole.
    /// </summary>
    public const long MaxPartBytes = 16L * 1024 * 1024;

    /// <summary>
    /// Deepest element nesting accepted in a parsed part. Excel's spreadsheet parts nest about ten levels; an
    /// <see cref="System.Xml.XmlReader"/> keeps a record per open level, so without a bound a few kilobytes of
    /// <c>&lt;a&gt;&lt;a&gt;…</c> cost memory in proportion to the nesting.
    /// </summary>
    public const int MaxXmlDepth = 64;

    /// <summary>
    /// Most characters kept of any one cell value or shared string: twice the longest text the template accepts
    /// (<see cref="TemplateLayout.MaxObservationsLength"/>), so "too long" is still detected and measured exactly (the
    /// full length is counted while the rest is streamed past).
    /// </summary>
    public const int MaxCellTextChars = 2 * TemplateLayout.MaxObservationsLength;

    /// <summary>Most characters kept of a formula (only whether a cell holds one matters to the rules).</summary>
    public const int MaxFormulaChars = 1024;

    /// <summary>
    /// Rows accepted below the template's activity table before reading stops with <c>TOO_MANY_ROWS</c>: room for a
    /// few rows typed by mistake, which the rules then report one by one.
    /// </summary>
    public const int RowMargin = 20;

    /// <summary>The activity rows assumed when the caller does not say which template the upload should be.</summary>
    public const int DefaultTemplateRows = 1000;

    /// <summary>Used rows read from the hidden metadata sheet (the template writes six).</summary>
    public const int MaxMetadataRows = 100;

    /// <summary>Cell styles (<c>cellXfs</c>) read; Excel itself refuses more than 64,000.</summary>
    public const int MaxCellStyles = 65_536;

    /// <summary>Custom number formats kept, and the longest format code kept (Excel allows 255 characters).</summary>
    public const int MaxNumberFormats = 4096;

    public const int MaxNumberFormatChars = 1024;

    /// <summary>Column style ranges (<c>&lt;col&gt;</c>) kept from a worksheet; a sheet has at most 16,384 columns.</summary>
    public const int MaxColumnRanges = 1024;

    /// <summary>Sheets of one name kind (report, metadata, review) remembered from the workbook's sheet list.</summary>
    public const int MaxSheetCandidates = 16;
}
