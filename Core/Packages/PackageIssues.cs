using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// Everything the package guard can tell a focal point, before any spreadsheet library opens the file. Each message
/// says what to do, then what was found; Spanish first.
/// </summary>
public static class PackageIssues
{
    public static readonly IssueType FileEmpty = new(
        "FILE_EMPTY", IssueSeverity.Error,
        "Guarde de nuevo la planilla en Excel y vuelva a subirla: el archivo está vacío (0 bytes).",
        "Save the sheet again in Excel and upload it again: the file is empty (0 bytes).");

    /// <summary>{0}: the limit in MB.</summary>
    public static readonly IssueType FileTooLarge = new(
        "FILE_TOO_LARGE", IssueSeverity.Error,
        "Quite hojas, imágenes o datos que no pertenezcan a la planilla, guárdela y vuelva a subirla: el archivo supera el tamaño máximo permitido de {0} MB.",
        "Remove sheets, images or data that do not belong to the template, save it and upload it again: the file exceeds the maximum allowed size of {0} MB.");

    /// <summary>{0}: what the content looks like (see <see cref="ContentHints"/>).</summary>
    public static readonly IssueType NotAWorkbook = new(
        "NOT_A_WORKBOOK", IssueSeverity.Error,
        "Abra el archivo en Excel, guárdelo como «Libro de Excel (.xlsx)» y vuelva a subirlo: no es un libro de Excel (.xlsx), {0}.",
        "Open the file in Excel, save it as \"Excel Workbook (.xlsx)\" and upload it again: it is not an Excel workbook (.xlsx), {0}.");

    public static readonly IssueType LegacyXls = new(
        "LEGACY_XLS", IssueSeverity.Error,
        "Abra el archivo en Excel, use Archivo › Guardar como › «Libro de Excel (.xlsx)» y vuelva a subirlo: está en el formato antiguo de Excel 97-2003 (.xls).",
        "Open the file in Excel, use File › Save As › \"Excel Workbook (.xlsx)\" and upload it again: it is in the old Excel 97-2003 format (.xls).");

    public static readonly IssueType PasswordProtected = new(
        "PASSWORD_PROTECTED", IssueSeverity.Error,
        "Quite la contraseña en Excel (Archivo › Información › Proteger libro) y vuelva a subir el archivo: está protegido con contraseña.",
        "Remove the password in Excel (File › Info › Protect Workbook) and upload the file again: it is password-protected.");

    public static readonly IssueType TruncatedPackage = new(
        "TRUNCATED_PACKAGE", IssueSeverity.Error,
        "Abra el archivo en Excel para comprobar que se ve bien, guárdelo de nuevo y vuelva a subirlo: está dañado o incompleto (pudo cortarse al copiarlo o descargarlo).",
        "Open the file in Excel to check that it looks right, save it again and upload it again: it is damaged or incomplete (it may have been cut off while copying or downloading it).");

    public static readonly IssueType MacroEnabled = new(
        "MACRO_ENABLED", IssueSeverity.Error,
        "Guarde el archivo en Excel como «Libro de Excel (.xlsx)», lo que quita las macros, y vuelva a subirlo: contiene macros (formato .xlsm o proyecto VBA), que por seguridad no se aceptan.",
        "Save the file in Excel as \"Excel Workbook (.xlsx)\", which removes the macros, and upload it again: it contains macros (.xlsm format or a VBA project), which are not accepted for security reasons.");

    /// <summary>{0}: parts found; {1}: the limit.</summary>
    public static readonly IssueType TooManyEntries = new(
        "TOO_MANY_ENTRIES", IssueSeverity.Error,
        "Copie sus datos en la plantilla oficial, guárdela y vuelva a subirla: el archivo contiene demasiadas partes internas ({0}; el máximo es {1}), muchas más que una planilla normal.",
        "Copy your data into the official template, save it and upload it again: the file contains too many internal parts ({0}; the maximum is {1}), far more than a normal sheet.");

    /// <summary>{0}: the limit in MB.</summary>
    public static readonly IssueType UncompressedTooLarge = new(
        "UNCOMPRESSED_TOO_LARGE", IssueSeverity.Error,
        "Quite hojas, imágenes o datos ajenos a la plantilla y vuelva a subirla (si no generó usted este archivo, no lo suba): al descomprimirse, su contenido supera el límite de seguridad de {0} MB, mucho más que una planilla normal.",
        "Remove sheets, images or data foreign to the template and upload it again (if you did not create this file, do not upload it): once decompressed, its content exceeds the safety limit of {0} MB, far more than a normal sheet.");

    /// <summary>{0}: the part (path inside the package).</summary>
    public static readonly IssueType XmlDtdForbidden = new(
        "XML_DTD_FORBIDDEN", IssueSeverity.Error,
        "Guarde el libro de nuevo desde Excel como «Libro de Excel (.xlsx)» y vuelva a subirlo: la parte interna «{0}» contiene una declaración DOCTYPE (DTD), que Excel nunca genera y que por seguridad no se acepta.",
        "Save the workbook again from Excel as \"Excel Workbook (.xlsx)\" and upload it again: the internal part \"{0}\" contains a DOCTYPE declaration (DTD), which Excel never writes and which is not accepted for security reasons.");

    /// <summary>{0}: the part (path inside the package); {1}: the limit in MB. Raised by the reader, which streams the part.</summary>
    public static readonly IssueType PartTooLarge = new(
        "PART_TOO_LARGE", IssueSeverity.Error,
        "Copie sus datos en una plantilla recién descargada, guárdela y vuelva a subirla: la parte interna «{0}» del libro supera los {1} MB sin comprimir, mucho más de lo que ocupa una planilla hecha con la plantilla, y no se leyó.",
        "Copy your data into a freshly downloaded template, save it and upload it again: the workbook's internal part \"{0}\" exceeds {1} MB uncompressed, far more than a sheet made from the template takes, and was not read.");

    /// <summary>{0}: the part (path inside the package); {1}: the deepest nesting accepted.</summary>
    public static readonly IssueType XmlTooDeep = new(
        "XML_TOO_DEEP", IssueSeverity.Error,
        "Guarde el libro de nuevo desde Excel como «Libro de Excel (.xlsx)» y vuelva a subirlo (si no generó usted este archivo, no lo suba): la parte interna «{0}» anida elementos a más de {1} niveles, algo que Excel nunca genera, y no se leyó.",
        "Save the workbook again from Excel as \"Excel Workbook (.xlsx)\" and upload it again (if you did not create this file, do not upload it): the internal part \"{0}\" nests elements more than {1} levels deep, which Excel never does, and was not read.");

    public static readonly IssueType NotASpreadsheet = new(
        "NOT_A_SPREADSHEET", IssueSeverity.Error,
        "Suba la planilla trimestral guardada como «Libro de Excel (.xlsx)»: este archivo es un paquete comprimido (.zip) sin libro de Excel (por ejemplo, un documento de Word o un .zip renombrado).",
        "Upload the quarterly sheet saved as \"Excel Workbook (.xlsx)\": this file is a compressed package (.zip) with no Excel workbook in it (for example, a Word document or a renamed .zip).");

    /// <summary>
    /// Links to other files (<c>xl/externalLinks/</c> parts, DDE links among them) are never followed here, but the
    /// original and its reviewed copy are offered to every reader, whose Excel would offer to follow them.
    /// </summary>
    public static readonly IssueType ExternalLinksRefused = new(
        "EXTERNAL_LINKS_REFUSED", IssueSeverity.Error,
        "Rompa los vínculos en Excel (Datos › Editar vínculos › Romper vínculo), guarde el libro y vuelva a subirlo: contiene vínculos a otros archivos, que quienes lo descarguen podrían abrir sin saberlo, y por seguridad no se acepta.",
        "Break the links in Excel (Data › Edit Links › Break Link), save the workbook and upload it again: it contains links to other files, which whoever downloads it could open without knowing, and it is not accepted for security reasons.");

    /// <summary>{0}: the part (path inside the package). A formula that starts another program (see <see cref="DdeFormulas"/>).</summary>
    public static readonly IssueType DdeFormulaRefused = new(
        "DDE_FORMULA_REFUSED", IssueSeverity.Error,
        "Escriba los valores en lugar de la fórmula que ejecuta otro programa (DDE, como «cmd|…») de la parte interna «{0}», guarde el libro y vuelva a subirlo (si no generó usted este archivo, no lo suba): por seguridad no se acepta.",
        "Type the values instead of the formula that runs another program (DDE, such as \"cmd|…\") in the internal part \"{0}\", save the workbook and upload it again (if you did not create this file, do not upload it): it is not accepted for security reasons.");
}
