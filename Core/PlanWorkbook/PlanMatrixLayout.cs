namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>
/// The plan workbook's contract: which sheets, where the export puts things, and the bounds the importer reads within.
/// The importer does not depend on the export's positions (it finds the header row and the plan fields by their
/// words); the positions are here for the export and for the documentation (docs/plan-catalog.md).
/// </summary>
public static class PlanMatrixLayout
{
    /// <summary>The data sheet, one row per activity. A workbook written by hand may name it anything.</summary>
    public const string DataSheet = "Matriz";

    /// <summary>The instructions sheet; its top block holds the plan's own fields (<see cref="PlanField"/>).</summary>
    public const string InstructionsSheet = "Instrucciones";

    /// <summary>Data sheet: title (Spanish, English), a hint, then the header row in Spanish and again in English.</summary>
    public const int TitleRow = 1;
    public const int EnglishTitleRow = 2;
    public const int HintRow = 3;
    public const int HeaderRow = 5;
    public const int EnglishHeaderRow = 6;
    public const int FirstDataRow = 7;

    /// <summary>Instructions sheet: the plan fields, label in column A and value in column B, from this row down.</summary>
    public const int FirstPlanFieldRow = 3;
    public const int PlanFieldValueColumn = 2;

    /// <summary>Rows the export prepares (validation, unlocked input) below the plan's activities, for new ones.</summary>
    public const int SpareRows = 200;

    /// <summary>Sheets looked at, in tab order; a plan workbook has two.</summary>
    public const int MaxSheets = 10;

    /// <summary>Rows of a sheet searched for the header row and the plan fields.</summary>
    public const int MaxHeadSearchRows = 40;

    /// <summary>Rows read from the data sheet (row numbers); anything below is a problem, not read.</summary>
    public const int MaxRows = 2_000;

    /// <summary>Columns read from any sheet (A to BH); cells further right are not read.</summary>
    public const int MaxColumns = 60;

    /// <summary>Activities in one plan.</summary>
    public const int MaxActivities = 1_000;

    /// <summary>Characters in one cell's text; a longer text is a problem (the text is cut in the report).</summary>
    public const int MaxTextLength = 4_000;

    /// <summary>Problems listed; beyond this one more problem says how many more there were.</summary>
    public const int MaxProblems = 200;

    /// <summary>The package guard's limits for a plan workbook (tighter than an upload's: a plan is a few hundred KB).</summary>
    public const long MaxFileBytes = 5L * 1024 * 1024;
    public const int MaxZipEntries = 500;
    public const long MaxUncompressedBytes = 25L * 1024 * 1024;
}
