using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// Where everything lives in the quarterly template. THE contract shared by the writer, the reader, the validator,
/// the annotator and the merged workbook: change it only together with <see cref="CurrentVersion"/>.
/// </summary>
/// <remarks>
/// Sheet names: the report and instructions sheets are named in the unit's language (<c>Informe</c>/<c>Report</c>,
/// <c>Instrucciones</c>/<c>Instructions</c>) because focal points see them; readers must accept either name
/// (<see cref="ReportSheetNames"/>, <see cref="IsReportSheet"/>). The hidden metadata sheet has one fixed name.
/// Rows and columns are 1-based, as in ClosedXML. The report and instructions sheets are protected without a password:
/// protection guards against accidental edits only, and only input cells are unlocked.
/// </remarks>
public static class TemplateLayout
{
    /// <summary>Layout version written to the metadata sheet; bump it when any address below changes.</summary>
    public const string CurrentVersion = "1";

    // ---- Sheets -------------------------------------------------------------------------------------------------

    public const string ReportSheetEs = "Informe";
    public const string ReportSheetEn = "Report";
    public const string InstructionsSheetEs = "Instrucciones";
    public const string InstructionsSheetEn = "Instructions";

    /// <summary>The very hidden key/value sheet holding <see cref="TemplateMetadata"/>; same name in every language.</summary>
    public const string MetadataSheet = "_metadata";

    /// <summary>Every name a report sheet may have, Spanish first.</summary>
    public static readonly IReadOnlyList<string> ReportSheetNames = [ReportSheetEs, ReportSheetEn];

    public static string ReportSheet(Language language) => language == Language.En ? ReportSheetEn : ReportSheetEs;

    public static string InstructionsSheet(Language language) =>
        language == Language.En ? InstructionsSheetEn : InstructionsSheetEs;

    /// <summary>True for either language's report sheet name (case-insensitive, trimmed: people rename tabs).</summary>
    public static bool IsReportSheet(string? name) =>
        name is not null && ReportSheetNames.Any(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));

    // ---- Header block (report sheet) ------------------------------------------------------------------------------
    // Labels sit in column A (merged A:B); values in column C; a human-readable companion in column D.

    /// <summary>The sheet heading: "Informe trimestral — {plan title}". Display only.</summary>
    public const string TitleCell = "A1";

    /// <summary>The plan id exactly as in the catalog (e.g. <c>2020-2022</c>).</summary>
    public const string PlanCell = "C2";

    /// <summary>The plan title in the sheet's language. Display only.</summary>
    public const string PlanTitleCell = "D2";

    /// <summary>The reporting unit's code exactly (e.g. <c>GT</c>, <c>ST</c>).</summary>
    public const string UnitCell = "C3";

    /// <summary>The unit's name in the sheet's language. Display only.</summary>
    public const string UnitNameCell = "D3";

    /// <summary>The period as <c>YYYY-Qn</c>.</summary>
    public const string PeriodCell = "C4";

    /// <summary>Input: the focal point's name (text, at most <see cref="MaxFocalNameLength"/> characters).</summary>
    public const string FocalNameCell = "C5";

    /// <summary>Input: the focal point's e-mail (text, at most <see cref="MaxFocalEmailLength"/> characters).</summary>
    public const string FocalEmailCell = "C6";

    /// <summary>The row of column headings of the activity table.</summary>
    public const int HeaderRow = 8;

    /// <summary>The first activity row; activities follow one per row, in plan order, without gaps.</summary>
    public const int FirstDataRow = HeaderRow + 1;

    // ---- Activity table columns -------------------------------------------------------------------------------

    /// <summary>The activity code (<see cref="Plan.PlanActivity.Code"/>): the row's key.</summary>
    public const int CodeColumn = 1;
    public const int AxisColumn = 2;
    public const int ActivityColumn = 3;
    public const int MetaColumn = 4;
    public const int IndicadorColumn = 5;
    public const int ResponsableColumn = 6;

    /// <summary>The period year's programado, percent 0–100 (blank when the plan programs nothing that year).</summary>
    public const int ProgramadoColumn = 7;

    /// <summary>Input: the year's ejecutado to date, percent 0–100 typed as a number (see <see cref="PercentageReading"/>).</summary>
    public const int EjecutadoColumn = 8;

    /// <summary>Input: one of the localized <see cref="ActivityStatusLabels"/>.</summary>
    public const int StatusColumn = 9;

    /// <summary>Input: a number ≥ 0, only for activities whose indicador counts something.</summary>
    public const int QuantityColumn = 10;

    /// <summary>Input: free text, at most <see cref="MaxObservationsLength"/> characters.</summary>
    public const int ObservationsColumn = 11;

    /// <summary>Input: a link (or path) to evidence, at most <see cref="MaxEvidenceLength"/> characters.</summary>
    public const int EvidenceColumn = 12;

    public const int LastColumn = EvidenceColumn;

    public const string CodeColumnLetter = "A";
    public const string AxisColumnLetter = "B";
    public const string ActivityColumnLetter = "C";
    public const string MetaColumnLetter = "D";
    public const string IndicadorColumnLetter = "E";
    public const string ResponsableColumnLetter = "F";
    public const string ProgramadoColumnLetter = "G";
    public const string EjecutadoColumnLetter = "H";
    public const string StatusColumnLetter = "I";
    public const string QuantityColumnLetter = "J";
    public const string ObservationsColumnLetter = "K";
    public const string EvidenceColumnLetter = "L";

    /// <summary>The columns a focal point fills in, left to right.</summary>
    public static readonly IReadOnlyList<int> InputColumns =
        [EjecutadoColumn, StatusColumn, QuantityColumn, ObservationsColumn, EvidenceColumn];

    // ---- Input limits (also enforced by the template's data validation) ------------------------------------------

    public const decimal MinPercent = 0m;
    public const decimal MaxPercent = 100m;
    public const int MaxObservationsLength = 2000;
    public const int MaxEvidenceLength = 500;
    public const int MaxFocalNameLength = 200;
    public const int MaxFocalEmailLength = 254;

    /// <summary>
    /// Number format of programado/ejecutado cells: the cell holds 0–100 and shows "50 %". Not an Excel percent
    /// format (no bare <c>%</c>), so typing 50 stores 50, never 0.5.
    /// </summary>
    public const string PercentDisplayFormat = "0.##\" %\"";

    // ---- Metadata sheet: column A key, column B value, one row per key from row 1 --------------------------------

    public const int MetadataKeyColumn = 1;
    public const int MetadataValueColumn = 2;

    public const string MetaTemplateVersion = "TemplateVersion";
    public const string MetaPlanId = "PlanId";
    public const string MetaUnitCode = "UnitCode";
    public const string MetaPeriod = "Period";
    public const string MetaLanguage = "Language";
    public const string MetaActivityFingerprint = "ActivityFingerprint";

    /// <summary>Metadata keys in the order they are written.</summary>
    public static readonly IReadOnlyList<string> MetadataKeys =
        [MetaTemplateVersion, MetaPlanId, MetaUnitCode, MetaPeriod, MetaLanguage, MetaActivityFingerprint];
}
