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

    public static LocalizedText More(int count) => new($"… y {count} más.", $"… and {count} more.");
}
