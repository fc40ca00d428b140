using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.OpenData;

/// <summary>A reference from some columns of a table to the primary key of another.</summary>
public sealed record DatasetForeignKey(IReadOnlyList<string> Fields, string Resource, IReadOnlyList<string> ReferenceFields);

/// <summary>One table of the open-data package: its file name stem, labels, columns and keys.</summary>
public sealed record DatasetTable(
    string Name,
    LocalizedText Title,
    string Description,
    IReadOnlyList<DatasetField> Fields,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<DatasetForeignKey> ForeignKeys)
{
    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == field) return i;
        throw new ArgumentException($"Table {Name} has no field {field}.", nameof(field));
    }
}
