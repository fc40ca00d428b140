using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// How a submission's rows are stored: packed as JSON into a few <c>Progress</c> entities ("pages") rather than one
/// entity per activity. A submission's rows are written together and only ever read together (through the current
/// pointer), so one page per submission turns 500 entity writes into one write and a period's read into one
/// entity per unit; analysts get the rows as a tidy table from the merged workbook, not from the raw table.
/// </summary>
/// <remarks>
/// Page entity: partition <c>{period}|{unit}</c>, row key <c>{submissionId}|{page:000}</c>, properties
/// <c>SubmissionId, Unit, Period, Year, Page, PageCount, RowCount, Segments, Format</c> and <c>S0…S{Segments-1}</c>,
/// each a JSON array of rows (<see cref="StoredRow"/>). Limits respected: a string property holds 32 K UTF-16
/// characters, an entity 1 MiB (strings count two bytes a character), a transaction 4 MiB on the wire. One row is at
/// most a few thousand characters (validation caps observaciones at 2,000 and evidencia at 500), so it fits a segment.
/// </remarks>
public static class ProgressPages
{
    public const int Format = 1;

    /// <summary>Under the 32 K-character limit of one string property, with room to spare.</summary>
    internal const int SegmentChars = 30_000;

    /// <summary>≈ 800 KB counted as UTF-16, as Table Storage counts strings against its 1 MiB entity limit.</summary>
    internal const int PageChars = 400_000;

    /// <summary>
    /// The same page's bytes on the wire, as the emulator counts them against 1 MB: the SDK escapes every non-ASCII
    /// and HTML-sensitive character as <c>\uXXXX</c> (six bytes) and our JSON's quotes as <c>\"</c>.
    /// </summary>
    internal const int PageWireBytes = 900_000;

    /// <summary>Three pages of at most 900 KB on the wire stay under the 4 MiB transaction limit.</summary>
    public const int PagesPerTransaction = 3;

    private const string SegmentPrefix = "S";

    // Compact and readable (á stays á): the JSON lives in a table property, never in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Wire bytes per UTF-8 byte of our JSON once the SDK escapes it (see <see cref="PageWireBytes"/>).</summary>
    private static readonly byte[] WireCost = BuildWireCost();

    public static string RowKey(string submissionId, int page) =>
        $"{submissionId}|{page.ToString("D3", CultureInfo.InvariantCulture)}";

    /// <summary>The pages of one submission, deterministic for the same rows (so a rewrite replaces the same keys).</summary>
    public static IReadOnlyList<TableEntity> Pack(string partition, string submissionId, IReadOnlyList<ProgressRow> rows)
    {
        var pages = new List<(List<string> Segments, int Rows)>();
        var segments = new List<string>();
        var segment = new ArrayBufferWriter<byte>(SegmentChars);
        var row = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(row, WriterOptions);
        // UTF-8 bytes bound the characters from above, so they stand in for the character limits.
        int pageBytes = 0, pageWire = 0, segmentWire = 0, pageRows = 0;

        foreach (var r in rows)
        {
            row.ResetWrittenCount();
            writer.Reset(row);
            JsonSerializer.Serialize(writer, StoredRow.From(r), ProgressPagesJsonContext.Default.StoredRow);
            var json = row.WrittenSpan;
            var wire = WireBytes(json);
            if (json.Length + 2 > SegmentChars || wire + 2 > PageWireBytes)
                throw new InvalidOperationException($"Row {r.Activity} of submission {submissionId} is too long to store ({json.Length} bytes).");

            if (segment.WrittenCount + json.Length + 2 > SegmentChars) CloseSegment();
            if (pageBytes + segment.WrittenCount + json.Length + 2 > PageChars || pageWire + segmentWire + wire + 2 > PageWireBytes)
            {
                CloseSegment();
                ClosePage();
            }
            segment.Write(segment.WrittenCount == 0 ? "["u8 : ","u8);
            segment.Write(json);
            segmentWire += wire + 1;
            pageRows++;
        }
        CloseSegment();
        if (segments.Count > 0 || pages.Count == 0) ClosePage();

        void CloseSegment()
        {
            if (segment.WrittenCount == 0) return;
            segment.Write("]"u8);
            segments.Add(Encoding.UTF8.GetString(segment.WrittenSpan));
            (pageBytes, pageWire) = (pageBytes + segment.WrittenCount, pageWire + segmentWire + 1);
            segment.ResetWrittenCount();
            segmentWire = 0;
        }

        void ClosePage()
        {
            pages.Add((segments, pageRows));
            segments = [];
            (pageBytes, pageWire, pageRows) = (0, 0, 0);
        }

        var first = rows.Count > 0 ? rows[0] : null;
        return pages.Select((p, index) =>
        {
            var entity = new TableEntity(partition, RowKey(submissionId, index))
            {
                ["SubmissionId"] = submissionId,
                ["Unit"] = first?.Unit ?? "",
                ["Period"] = first?.Period ?? "",
                ["Year"] = first?.Year ?? 0,
                ["Page"] = index,
                ["PageCount"] = pages.Count,
                ["RowCount"] = p.Rows,
                ["Segments"] = p.Segments.Count,
                ["Format"] = Format,
            };
            for (var i = 0; i < p.Segments.Count; i++)
                entity[SegmentPrefix + i.ToString(CultureInfo.InvariantCulture)] = p.Segments[i];
            return entity;
        }).ToList();
    }

    /// <summary>An upper bound of the size of <paramref name="json"/> once the SDK has escaped it into the entity's JSON.</summary>
    internal static int WireBytes(ReadOnlySpan<byte> json)
    {
        var bytes = 0;
        foreach (var b in json) bytes += WireCost[b];
        return bytes;
    }

    private static byte[] BuildWireCost()
    {
        var cost = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            cost[b] = b switch
            {
                '"' or '\\' => 2,
                < ' ' or '<' or '>' or '&' or '\'' or '+' or '`' => 6,
                < 0x80 => 1,
                // A character of two to four UTF-8 bytes becomes one or two \uXXXX: at most three bytes per byte.
                _ => 3,
            };
        }

        return cost;
    }

    /// <summary>The rows of one submission from all its pages; throws when pages are missing or of an unknown format.</summary>
    public static List<ProgressRow> Unpack(IEnumerable<TableEntity> pages)
    {
        var ordered = pages.OrderBy(p => p.GetInt32("Page") ?? -1).ToList();
        var rows = new List<ProgressRow>();
        if (ordered.Count == 0) return rows;

        var expected = ordered[0].GetInt32("PageCount") ?? -1;
        if (expected != ordered.Count || ordered.Where((p, i) => p.GetInt32("Page") != i).Any())
            throw new InvalidDataException($"Submission {ordered[0].GetString("SubmissionId")} in {ordered[0].PartitionKey} has {ordered.Count} of {expected} progress pages.");

        foreach (var page in ordered)
        {
            if (page.GetInt32("Format") != Format)
                throw new InvalidDataException($"Progress page {page.PartitionKey}/{page.RowKey} has format {page.GetInt32("Format")}, expected {Format}.");
            var submissionId = page.GetString("SubmissionId") ?? "";
            var unit = page.GetString("Unit") ?? "";
            var period = page.GetString("Period") ?? "";
            var year = page.GetInt32("Year") ?? 0;
            var segments = page.GetInt32("Segments") ?? 0;
            for (var s = 0; s < segments; s++)
            {
                var json = page.GetString(SegmentPrefix + s.ToString(CultureInfo.InvariantCulture))
                    ?? throw new InvalidDataException($"Progress page {page.PartitionKey}/{page.RowKey} lacks segment {s}.");
                foreach (var stored in JsonSerializer.Deserialize(json, ProgressPagesJsonContext.Default.ListStoredRow) ?? [])
                    rows.Add(stored.ToRow(submissionId, unit, period, year));
            }
        }
        return rows;
    }
}
