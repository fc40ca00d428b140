using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// How a submission's rows are stored: packed as JSON into a few <c>Progress</c> entities ("pages") rather than one
/// entity per activity. A submission's rows are written together and only ever read together (through the current
/// pointer), so one page per submission turns 500 entity writes into one transaction and a period's read into one
/// entity per unit; analysts get the rows as a tidy table from the merged workbook, not from the raw table.
/// </summary>
/// <remarks>
/// Page entity: partition <c>{period}|{unit}</c>, row key <c>{submissionId}|{page:000}</c>, properties
/// <c>SubmissionId, Unit, Period, Year, Page, PageCount, RowCount, Segments, Format</c> and <c>S0…S{Segments-1}</c>,
/// each a JSON array of rows (<see cref="StoredRow"/>). Limits respected: a string property holds 32 K UTF-16
/// characters, an entity 1 MiB (strings count two bytes a character), a transaction 4 MiB on the wire. One row is at most a few
/// thousand characters (validation caps observaciones at 2,000 and evidencia at 500), so it always fits a segment.
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

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Compact and readable (á stays á): the JSON lives in a table property, never in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ProgressPagesJsonContext.Default,
    };

    public static string RowKey(string submissionId, int page) =>
        $"{submissionId}|{page.ToString("D3", CultureInfo.InvariantCulture)}";

    /// <summary>The pages of one submission, deterministic for the same rows (so a rewrite replaces the same keys).</summary>
    public static IReadOnlyList<TableEntity> Pack(string partition, string submissionId, IReadOnlyList<ProgressRow> rows)
    {
        var pages = new List<List<List<string>>>();
        var page = new List<List<string>>();
        var segment = new List<string>();
        int segmentChars = 2, segmentBytes = 2, pageChars = 0, pageBytes = 0;

        foreach (var row in rows)
        {
            var json = JsonSerializer.Serialize(StoredRow.From(row), Options);
            var bytes = WireBytes(json);
            if (json.Length + 2 > SegmentChars || bytes + 2 > PageWireBytes)
                throw new InvalidOperationException($"Row {row.Activity} of submission {submissionId} is too long to store ({json.Length} characters).");

            if (segmentChars + json.Length + 1 > SegmentChars) CloseSegment();
            if (pageChars + segmentChars + json.Length + 1 > PageChars || pageBytes + segmentBytes + bytes + 1 > PageWireBytes)
            {
                CloseSegment();
                pages.Add(page);
                page = [];
                (pageChars, pageBytes) = (0, 0);
            }
            segment.Add(json);
            segmentChars += json.Length + 1;
            segmentBytes += bytes + 1;
        }
        CloseSegment();
        if (page.Count > 0 || pages.Count == 0) pages.Add(page);

        void CloseSegment()
        {
            if (segment.Count == 0) return;
            page.Add(segment);
            (pageChars, pageBytes) = (pageChars + segmentChars, pageBytes + segmentBytes);
            segment = [];
            (segmentChars, segmentBytes) = (2, 2);
        }

        var first = rows.Count > 0 ? rows[0] : null;
        return pages.Select((segments, index) =>
        {
            var entity = new TableEntity(partition, RowKey(submissionId, index))
            {
                ["SubmissionId"] = submissionId,
                ["Unit"] = first?.Unit ?? "",
                ["Period"] = first?.Period ?? "",
                ["Year"] = first?.Year ?? 0,
                ["Page"] = index,
                ["PageCount"] = pages.Count,
                ["RowCount"] = segments.Sum(s => s.Count),
                ["Segments"] = segments.Count,
                ["Format"] = Format,
            };
            for (var s = 0; s < segments.Count; s++)
                entity[SegmentPrefix + s.ToString(CultureInfo.InvariantCulture)] = "[" + string.Join(',', segments[s]) + "]";
            return entity;
        }).ToList();
    }

    /// <summary>An upper bound of <paramref name="json"/>'s size once the SDK has escaped it into the entity's JSON.</summary>
    internal static int WireBytes(string json)
    {
        var bytes = 0;
        foreach (var c in json)
            bytes += c switch
            {
                '"' or '\\' => 2,
                < ' ' or '<' or '>' or '&' or '\'' or '+' or '`' => 6,
                < (char)0x80 => 1,
                _ => 6,
            };
        return bytes;
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
                foreach (var stored in JsonSerializer.Deserialize<List<StoredRow>>(json, Options) ?? [])
                    rows.Add(stored.ToRow(submissionId, unit, period, year));
            }
        }
        return rows;
    }
}
