using System.Globalization;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;
using Parquet;
using Parquet.Schema;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Reads an open-data package folder by its <c>datapackage.json</c> alone — CSV with .NET's own quoted-field parser,
/// Parquet with Parquet.Net's column reader, no code of the writers — and checks every file against the descriptor
/// as a Frictionless validator would: header = fields, each value of its type, required ones present, enumerations,
/// primary keys unique, foreign keys resolved.
/// </summary>
internal static class DataPackageCheck
{
    /// <summary>A table's rows as text: invariant numbers, <c>true</c>/<c>false</c>, ISO 8601 UTC instants, null when missing.</summary>
    internal sealed record Table(string Name, string[] Header, JsonElement Schema, List<string?[]> Rows)
    {
        public int Column(string name) => Array.IndexOf(Header, name) is >= 0 and var i ? i : throw new ArgumentException($"{Name} has no column {name}");

        public string? Value(string?[] row, string column) => row[Column(column)];

        public IEnumerable<Dictionary<string, string?>> Records =>
            Rows.Select(r => Header.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2));
    }

    public static JsonDocument Descriptor(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "datapackage.json")));

    public static async Task<Dictionary<string, Table>> ReadAsync(string dir)
    {
        using var descriptor = Descriptor(dir);
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var resource in descriptor.RootElement.GetProperty("resources").EnumerateArray())
        {
            var name = resource.GetProperty("name").GetString()!;
            var path = Path.Combine(dir, resource.GetProperty("path").GetString()!);
            var schema = resource.GetProperty("schema").Clone();
            var (header, rows) = resource.GetProperty("format").GetString() switch
            {
                "csv" => ReadCsv(path),
                "parquet" => await ReadParquetAsync(path),
                var other => throw new InvalidOperationException($"Unknown format {other}"),
            };
            tables[name] = new Table(name, header, schema, rows);
        }

        return tables;
    }

    public static (string[] Header, List<string?[]> Rows) ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var rows = new List<string?[]>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            rows.Add(fields.Select(f => f.Length == 0 ? null : f).ToArray<string?>());
        }

        return (header, rows);
    }

    public static async Task<(string[] Header, List<string?[]> Rows)> ReadParquetAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new List<string?[]>();
            foreach (var field in fields) columns.Add(await ReadColumnAsync(group, field, count));
            for (var r = 0; r < count; r++) rows.Add(columns.Select(c => c[r]).ToArray());
        }

        return (fields.Select(f => f.Name).ToArray(), rows);
    }

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }

        if (field.ClrType == typeof(long)) return await ReadAsync<long>(group, field, count, v => v.ToString(CultureInfo.InvariantCulture));
        if (field.ClrType == typeof(double)) return await ReadAsync<double>(group, field, count, v => v.ToString("R", CultureInfo.InvariantCulture));
        if (field.ClrType == typeof(bool)) return await ReadAsync<bool>(group, field, count, v => v ? "true" : "false");
        if (field.ClrType == typeof(DateTime))
        {
            return await ReadAsync<DateTime>(group, field, count,
                v => DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }

        throw new InvalidOperationException($"Column {field.Name} has an unexpected type {field.ClrType}");
    }

    private static async Task<string?[]> ReadAsync<T>(ParquetRowGroupReader group, DataField field, int count, Func<T, string> text) where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v is { } x ? text(x) : null).ToArray();
        }

        var required = new T[count];
        await group.ReadAsync(field, required.AsMemory());
        return required.Select(v => (string?)text(v)).ToArray();
    }

    /// <summary>Every way the tables break their descriptor; empty when they keep it.</summary>
    public static List<string> Problems(Dictionary<string, Table> tables)
    {
        var problems = new List<string>();
        foreach (var table in tables.Values)
        {
            var fields = table.Schema.GetProperty("fields").EnumerateArray().ToList();
            var names = fields.Select(f => f.GetProperty("name").GetString()!).ToArray();
            if (!names.SequenceEqual(table.Header)) problems.Add($"{table.Name}: header {string.Join(",", table.Header)} is not the fields {string.Join(",", names)}");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row.Length != names.Length) { problems.Add($"{table.Name} row {r + 1}: {row.Length} values for {names.Length} fields"); continue; }
                for (var c = 0; c < fields.Count; c++) problems.AddRange(FieldProblems(table.Name, r + 1, fields[c], row[c]));
            }

            var key = Names(table.Schema, "primaryKey");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                var value = string.Join("|", key.Select(k => table.Value(row, k)));
                if (!seen.Add(value)) problems.Add($"{table.Name}: primary key {value} repeats");
            }

            foreach (var fk in table.Schema.GetProperty("foreignKeys").EnumerateArray())
            {
                var own = Names(fk, "fields");
                var reference = fk.GetProperty("reference");
                var other = tables[reference.GetProperty("resource").GetString()!];
                var theirs = Names(reference, "fields");
                var targets = other.Rows.Select(row => string.Join("|", theirs.Select(k => other.Value(row, k)))).ToHashSet(StringComparer.Ordinal);
                foreach (var row in table.Rows)
                {
                    var values = own.Select(k => table.Value(row, k)).ToList();
                    if (values.All(v => v is null)) continue;
                    var value = string.Join("|", values);
                    if (!targets.Contains(value)) problems.Add($"{table.Name}: {string.Join(",", own)} = {value} has no row in {other.Name}");
                }
            }
        }

        return problems;
    }

    private static string[] Names(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static IEnumerable<string> FieldProblems(string table, int row, JsonElement field, string? value)
    {
        var name = field.GetProperty("name").GetString();
        var constraints = field.GetProperty("constraints");
        if (value is null)
        {
            if (constraints.GetProperty("required").GetBoolean()) yield return $"{table} row {row}: required {name} is missing";
            yield break;
        }

        var ok = field.GetProperty("type").GetString() switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            "datetime" => value.EndsWith('Z') && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) && t.Kind == DateTimeKind.Utc,
            "string" => true,
            var other => throw new InvalidOperationException($"unexpected type {other}"),
        };
        if (!ok) yield return $"{table} row {row}: {name} = '{value}' is not a {field.GetProperty("type").GetString()}";
        if (constraints.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value))
            yield return $"{table} row {row}: {name} = '{value}' is not one of its values";
    }
}
