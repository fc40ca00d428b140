using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// One column of an open-data table: a stable English name (never renamed within a major <see cref="OpenDataSchema.Version"/>),
/// its type, whether every row has a value, its label in both languages and what it means. Values are written as
/// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/> or <see cref="DateTimeOffset"/>.
/// </summary>
/// <param name="Enum">The only values the column takes, when it is an enumeration.</param>
public sealed record DatasetField(
    string Name,
    DatasetFieldType Type,
    bool Required,
    LocalizedText Title,
    string Description,
    IReadOnlyList<string>? Enum = null)
{
    /// <summary>The Table Schema type name: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>datetime</c>.</summary>
    public string TypeName => Type switch
    {
        DatasetFieldType.Integer => "integer",
        DatasetFieldType.Number => "number",
        DatasetFieldType.Boolean => "boolean",
        DatasetFieldType.DateTime => "datetime",
        _ => "string",
    };
}
