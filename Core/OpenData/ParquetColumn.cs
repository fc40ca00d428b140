using Parquet;
using Parquet.Schema;

namespace ServerlessPlan.Core.OpenData;

/// <summary>One column's values for the row group being built, in the typed array Parquet.Net writes.</summary>
internal abstract class ParquetColumn
{
    public abstract void Add(int index, object? value);

    public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken ct);

    public static ParquetColumn For(DatasetField field, int capacity) => (field.Type, field.Required) switch
    {
        (DatasetFieldType.Integer, true) => new Required<long>(capacity, v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
        (DatasetFieldType.Integer, false) => new Optional<long>(capacity, v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
        (DatasetFieldType.Number, true) => new Required<double>(capacity, v => (double)v),
        (DatasetFieldType.Number, false) => new Optional<double>(capacity, v => (double)v),
        (DatasetFieldType.Boolean, true) => new Required<bool>(capacity, v => (bool)v),
        (DatasetFieldType.Boolean, false) => new Optional<bool>(capacity, v => (bool)v),
        (DatasetFieldType.DateTime, true) => new Required<DateTime>(capacity, v => ((DateTimeOffset)v).UtcDateTime),
        (DatasetFieldType.DateTime, false) => new Optional<DateTime>(capacity, v => ((DateTimeOffset)v).UtcDateTime),
        _ => new Text(capacity),
    };

    private sealed class Required<T>(int capacity, Func<object, T> convert) : ParquetColumn where T : struct
    {
        private readonly T[] _values = new T[capacity];

        public override void Add(int index, object? value) =>
            _values[index] = convert(value ?? throw new InvalidOperationException("A required column has no value."));

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken ct) =>
            group.WriteAsync(field, new ReadOnlyMemory<T>(_values, 0, rows), cancellationToken: ct);
    }

    private sealed class Optional<T>(int capacity, Func<object, T> convert) : ParquetColumn where T : struct
    {
        private readonly T?[] _values = new T?[capacity];

        public override void Add(int index, object? value) => _values[index] = value is null ? null : convert(value);

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken ct) =>
            group.WriteAsync(field, new ReadOnlyMemory<T?>(_values, 0, rows), cancellationToken: ct);
    }

    private sealed class Text(int capacity) : ParquetColumn
    {
        private readonly string?[] _values = new string?[capacity];

        public override void Add(int index, object? value) => _values[index] = (string?)value;

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken ct) =>
            group.WriteAsync(field, new ArraySegment<string>(_values!, 0, rows));
    }
}
