using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion.Packages;

/// <summary>
/// Everything the package guard can tell a focal point, before any spreadsheet library opens the file. Each message
/// says what was found and what to do; Spanish first.
/// </summary>
public static class PackageIssues
{
    public static readonly IssueType FileEmpty = new(
        "FILE_EMPTY", IssueSeverity.Error,
        "El archivo está vacío (0 bytes). Guarde de nuevo la planilla en Excel y vuelva a subirla.",
        "The file is empty (0 bytes). Save the sheet again in Excel and upload it again.");

    /// <summary>{0}: the limit in MB.</summary>
    public static readonly IssueType FileTooLarge = new(
        "FILE_TOO_LARGE", IssueSeverity.Error,
        "El archivo supera el tamaño máximo permitido de {0} MB. Quite hojas, imágenes o datos que no pertenezcan a la planilla, guárdela y vuelva a subirla.",
        "The file exceeds the maximum allowed size of {0} MB. Remove sheets, images or data that do not belong to the template, save it and upload it again.");

    /// <summary>{0}: what the content looks like (see <see cref="ContentHints"/>).</summary>
    public static readonly IssueType NotAWorkbook = new(
        "NOT_A_WORKBOOK", IssueSeverity.Error,
        "El archivo no es un libro de Excel (.xlsx): {0}. Ábralo en Excel, guárdelo como «Libro de Excel (.xlsx)» y vuelva a subirlo.",
        "The file is not an Excel workbook (.xlsx): {0}. Open it in Excel, save it as \"Excel Workbook (.xlsx)\" and upload it again.");

    public static readonly IssueType LegacyXls = new(
        "LEGACY_XLS", IssueSeverity.Error,
        "El archivo está en el formato antiguo de Excel 97-2003 (.xls). Ábralo en Excel, use Archivo › Guardar como › «Libro de Excel (.xlsx)» y vuelva a subirlo.",
        "The file is in the old Excel 97-2003 format (.xls). Open it in Excel, use File › Save As › \"Excel Workbook (.xlsx)\" and upload it again.");

    public static readonly IssueType PasswordProtected = new(
        "PASSWORD_PROTECTED", IssueSeverity.Error,
        "El archivo está protegido con contraseña. Quite la contraseña en Excel (Archivo › Información › Proteger libro) y vuelva a subirlo.",
        "The file is password-protected. Remove the password in Excel (File › Info › Protect Workbook) and upload it again.");

    public static readonly IssueType TruncatedPackage = new(
        "TRUNCATED_PACKAGE", IssueSeverity.Error,
        "El archivo está dañado o incompleto (pudo cortarse al copiarlo o descargarlo). Ábralo en Excel para comprobar que se ve bien, guárdelo de nuevo y vuelva a subirlo.",
        "The file is damaged or incomplete (it may have been cut off while copying or downloading it). Open it in Excel to check that it looks right, save it again and upload it again.");

    public static readonly IssueType MacroEnabled = new(
        "MACRO_ENABLED", IssueSeverity.Error,
        "El archivo contiene macros (formato .xlsm o proyecto VBA) y por seguridad no se acepta. Guárdelo en Excel como «Libro de Excel (.xlsx)», lo que quita las macros, y vuelva a subirlo.",
        "The file contains macros (.xlsm format or a VBA project) and is not accepted for security reasons. Save it in Excel as \"Excel Workbook (.xlsx)\", which removes the macros, and upload it again.");

    /// <summary>{0}: parts found; {1}: the limit.</summary>
    public static readonly IssueType TooManyEntries = new(
        "TOO_MANY_ENTRIES", IssueSeverity.Error,
        "El archivo contiene demasiadas partes internas ({0}; el máximo es {1}). Una planilla normal tiene muchas menos: cópiela de nuevo en la plantilla oficial, guárdela y vuelva a subirla.",
        "The file contains too many internal parts ({0}; the maximum is {1}). A normal sheet has far fewer: copy it again into the official template, save it and upload it again.");

    /// <summary>{0}: the limit in MB.</summary>
    public static readonly IssueType UncompressedTooLarge = new(
        "UNCOMPRESSED_TOO_LARGE", IssueSeverity.Error,
        "Al descomprimirse, el contenido del archivo supera el límite de seguridad de {0} MB. Una planilla normal ocupa mucho menos: quite hojas, imágenes o datos ajenos a la plantilla y vuelva a subirla. Si no generó usted este archivo, no lo suba.",
        "Once decompressed, the file's content exceeds the safety limit of {0} MB. A normal sheet takes far less: remove sheets, images or data foreign to the template and upload it again. If you did not create this file, do not upload it.");

    /// <summary>{0}: the part (path inside the package).</summary>
    public static readonly IssueType XmlDtdForbidden = new(
        "XML_DTD_FORBIDDEN", IssueSeverity.Error,
        "La parte interna «{0}» contiene una declaración DOCTYPE (DTD), que no se acepta por seguridad y que Excel nunca genera. Guarde el libro de nuevo desde Excel como «Libro de Excel (.xlsx)» y vuelva a subirlo.",
        "The internal part \"{0}\" contains a DOCTYPE declaration (DTD), which is not accepted for security reasons and which Excel never writes. Save the workbook again from Excel as \"Excel Workbook (.xlsx)\" and upload it again.");

    /// <summary>{0}: the part (path inside the package); {1}: the limit in MB. Raised by the reader, which streams the part.</summary>
    public static readonly IssueType PartTooLarge = new(
        "PART_TOO_LARGE", IssueSeverity.Error,
        "La parte interna «{0}» del libro supera los {1} MB sin comprimir, mucho más de lo que ocupa una planilla hecha con la plantilla, y no se leyó. Copie sus datos en una plantilla recién descargada, guárdela y vuelva a subirla.",
        "The workbook's internal part \"{0}\" exceeds {1} MB uncompressed, far more than a sheet made from the template takes, and was not read. Copy your data into a freshly downloaded template, save it and upload it again.");

    /// <summary>{0}: the part (path inside the package); {1}: the deepest nesting accepted.</summary>
    public static readonly IssueType XmlTooDeep = new(
        "XML_TOO_DEEP", IssueSeverity.Error,
        "La parte interna «{0}» del libro anida elementos a más de {1} niveles, algo que Excel nunca genera, y no se leyó. Guarde el libro de nuevo desde Excel como «Libro de Excel (.xlsx)» y vuelva a subirlo. Si no generó usted este archivo, no lo suba.",
        "The workbook's internal part \"{0}\" nests elements more than {1} levels deep, which Excel never does, and was not read. Save the workbook again from Excel as \"Excel Workbook (.xlsx)\" and upload it again. If you did not create this file, do not upload it.");

    public static readonly IssueType NotASpreadsheet = new(
        "NOT_A_SPREADSHEET", IssueSeverity.Error,
        "El archivo es un paquete comprimido (.zip) pero no contiene un libro de Excel (por ejemplo, es un documento de Word o un .zip renombrado). Suba la planilla trimestral guardada como «Libro de Excel (.xlsx)».",
        "The file is a compressed package (.zip) but does not contain an Excel workbook (for example, it is a Word document or a renamed .zip). Upload the quarterly sheet saved as \"Excel Workbook (.xlsx)\".");

    /// <summary>
    /// Links to other files (<c>xl/externalLinks/</c> parts, DDE links among them) are never followed here, but the
    /// original and its reviewed copy are offered to every reader, whose Excel would offer to follow them.
    /// </summary>
    public static readonly IssueType ExternalLinksRefused = new(
        "EXTERNAL_LINKS_REFUSED", IssueSeverity.Error,
        "El libro contiene vínculos a otros archivos y por seguridad no se acepta: quienes lo descarguen podrían abrir esos archivos sin saberlo. Rompa los vínculos en Excel (Datos › Editar vínculos › Romper vínculo), guárdelo y vuelva a subirlo.",
        "The workbook contains links to other files and is not accepted for security reasons: whoever downloads it could open those files without knowing. Break the links in Excel (Data › Edit Links › Break Link), save it and upload it again.");

    /// <summary>{0}: the part (path inside the package). A formula that starts another program (see <see cref="DdeFormulas"/>).</summary>
    public static readonly IssueType DdeFormulaRefused = new(
        "DDE_FORMULA_REFUSED", IssueSeverity.Error,
        "La parte interna «{0}» contiene una fórmula que ejecuta otro programa (DDE, como «cmd|…») y por seguridad no se acepta. Escriba los valores en lugar de esa fórmula, guarde el libro y vuelva a subirlo. Si no generó usted este archivo, no lo suba.",
        "The internal part \"{0}\" contains a formula that runs another program (DDE, such as \"cmd|…\") and is not accepted for security reasons. Type the values instead of that formula, save the workbook and upload it again. If you did not create this file, do not upload it.");
}
