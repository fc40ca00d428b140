namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// A column's type, as Frictionless Table Schema names it (<see cref="DatasetField.TypeName"/>) and as the writers store
/// it: text, 64-bit integers, doubles, booleans and UTC instants (ISO 8601 in CSV, timestamps in Parquet).
/// </summary>
public enum DatasetFieldType
{
    String,
    Integer,
    Number,
    Boolean,
    DateTime,
}
