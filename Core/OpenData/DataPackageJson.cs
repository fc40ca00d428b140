using System.Text.Json;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// The package's Frictionless Data Package descriptor (<c>datapackage.json</c>, profile <c>tabular-data-package</c>):
/// every table as a resource with its Table Schema — types, required fields and enumerations as constraints, primary
/// and foreign keys, empty as the missing value — plus the column labels in both languages (<c>labels</c>), the
/// <c>schemaVersion</c>, the scope and the instant the record was taken at.
/// </summary>
public static class DataPackageJson
{
    public const string FileName = "datapackage.json";

    /// <param name="path">Where each table's file is: a relative file name in a package, a URL in the API's descriptor.</param>
    public static async Task WriteAsync(Stream output, DatasetFormat format, DatasetScope scope, DateTimeOffset? asOf, DateTimeOffset created,
        Func<DatasetTable, string> path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(path);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("profile", "tabular-data-package");
        json.WriteString("name", OpenDataSchema.PackageName);
        json.WriteString("title", "Avance del plan operativo de la Coalición Regional / Progress of the Coalición Regional's operational plan");
        json.WriteString("version", OpenDataSchema.Version);
        json.WriteString("schemaVersion", OpenDataSchema.Version);
        json.WriteString("created", DatasetValues.Instant(created));
        json.WriteString("scope", scope.ToString());
        if (asOf is { } at) json.WriteString("asOf", DatasetValues.Instant(at));
        else json.WriteNull("asOf");
        json.WriteStartArray("resources");
        foreach (var table in OpenDataSchema.Tables) Resource(json, table, format, path(table));
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void Resource(Utf8JsonWriter json, DatasetTable table, DatasetFormat format, string path)
    {
        json.WriteStartObject();
        json.WriteString("name", table.Name);
        json.WriteString("path", path);
        json.WriteString("profile", "tabular-data-resource");
        json.WriteString("format", format.Extension());
        json.WriteString("mediatype", format.MediaType());
        if (format == DatasetFormat.Csv)
        {
            json.WriteString("encoding", "utf-8");
            json.WriteStartObject("dialect");
            json.WriteString("delimiter", ",");
            json.WriteString("lineTerminator", "\r\n");
            json.WriteString("quoteChar", "\"");
            json.WriteBoolean("doubleQuote", true);
            json.WriteBoolean("header", true);
            json.WriteEndObject();
        }

        json.WriteString("title", $"{table.Title.Es} / {table.Title.En}");
        json.WriteString("description", table.Description);
        json.WriteStartObject("schema");
        json.WriteStartArray("fields");
        foreach (var field in table.Fields) Field(json, field);
        json.WriteEndArray();
        json.WriteStartArray("missingValues");
        json.WriteStringValue("");
        json.WriteEndArray();
        Names(json, "primaryKey", table.PrimaryKey);
        json.WriteStartArray("foreignKeys");
        foreach (var key in table.ForeignKeys)
        {
            json.WriteStartObject();
            Names(json, "fields", key.Fields);
            json.WriteStartObject("reference");
            json.WriteString("resource", key.Resource);
            Names(json, "fields", key.ReferenceFields);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, DatasetField field)
    {
        json.WriteStartObject();
        json.WriteString("name", field.Name);
        json.WriteString("type", field.TypeName);
        if (field.Type == DatasetFieldType.Boolean)
        {
            Names(json, "trueValues", ["true"]);
            Names(json, "falseValues", ["false"]);
        }

        json.WriteString("title", field.Title.En);
        json.WriteStartObject("labels");
        json.WriteString("es", field.Title.Es);
        json.WriteString("en", field.Title.En);
        json.WriteEndObject();
        json.WriteString("description", field.Description);
        json.WriteStartObject("constraints");
        json.WriteBoolean("required", field.Required);
        if (field.Enum is { } values) Names(json, "enum", values);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter json, string property, IEnumerable<string> names)
    {
        json.WriteStartArray(property);
        foreach (var name in names) json.WriteStringValue(name);
        json.WriteEndArray();
    }
}
