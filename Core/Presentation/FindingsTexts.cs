using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Presentation;

/// <summary>The words of the table of findings (the verdict page and the verdict mail).</summary>
public static class FindingsTexts
{
    public static readonly LocalizedText Caption = new("Problemas encontrados", "Problems found");
    public static readonly LocalizedText Type = new("Tipo", "Type");
    public static readonly LocalizedText Sheet = new("Hoja", "Sheet");
    public static readonly LocalizedText Cell = new("Celda", "Cell");
    public static readonly LocalizedText Activity = new("Actividad", "Activity");
    public static readonly LocalizedText WhatToDo = new("Qué hacer", "What to do");
    public static readonly LocalizedText Error = new("Error", "Error");
    public static readonly LocalizedText Warning = new("Advertencia", "Warning");
    public static readonly LocalizedText Warnings = new("Advertencias", "Warnings");
    public static readonly LocalizedText WarningsCaption = new("Advertencias encontradas", "Warnings found");
    public static readonly LocalizedText WarningsDoNotStop = new(
        "Las advertencias no impiden que el informe se registre. Revíselas: si algo está mal, corríjalo y envíe el informe otra vez.",
        "Warnings do not stop the report from being registered. Check them: if something is wrong, fix it and send the report again.");
    public static readonly LocalizedText CodeTitle = new("Código del problema", "Problem code");

    public static LocalizedText More(int count) => new($"… y {count} más.", $"… and {count} more.");
}
