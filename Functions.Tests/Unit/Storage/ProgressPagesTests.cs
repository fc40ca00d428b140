using Azure.Data.Tables;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Storage;

public sealed class ProgressPagesTests
{
    private const string Partition = "2021-Q3|GT";
    private const string Submission = "abc123";

    private static ProgressRow Row(int i, string? observaciones = null) => new()
    {
        Unit = "GT",
        Period = "2021-Q3",
        Year = 2021,
        Activity = $"1.1.1.{i}",
        Programado = 50,
        Ejecutado = i % 3 == 0 ? null : 33.3 + i,
        Status = i % 2 == 0 ? nameof(ActivityStatus.InProgress) : null,
        Quantity = i % 4 == 0 ? i : null,
        Observaciones = observaciones,
        Evidencia = i % 5 == 0 ? $"https://evidencias.example/{i}" : null,
    };

    private static void AssertSameRows(IReadOnlyList<ProgressRow> expected, IReadOnlyList<ProgressRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Unit, e.Period, e.Year, e.Activity, e.Programado, e.Ejecutado, e.Status, e.Quantity, e.Observaciones, e.Evidencia),
                (a.Unit, a.Period, a.Year, a.Activity, a.Programado, a.Ejecutado, a.Status, a.Quantity, a.Observaciones, a.Evidencia));
            Assert.Equal(Submission, a.SubmissionId);
        }
    }

    [Fact]
    public void A_plan_sized_submission_is_one_page_and_reads_back_exactly()
    {
        var rows = Enumerable.Range(1, 500).Select(i => Row(i, i % 7 == 0 ? "Avance según cronograma — «niñez» 100 %\n\"citado\"" : null)).ToList();

        var pages = ProgressPages.Pack(Partition, Submission, rows);

        var page = Assert.Single(pages);
        Assert.Equal(Partition, page.PartitionKey);
        Assert.Equal($"{Submission}|000", page.RowKey);
        Assert.Equal(500, page.GetInt32("RowCount"));
        AssertSameRows(rows, ProgressPages.Unpack(pages));
    }

    [Fact]
    public void Long_texts_spill_into_segments_and_pages_within_table_limits()
    {
        // 3,000 rows at the validator's text limits: ≈ 7.5 M characters, far more than one entity holds.
        var rows = Enumerable.Range(1, 3000).Select(i => Row(i, i % 2 == 0 ? new string('ñ', 2000) : new string('<', 1000) + new string('a', 1000))).ToList();
        foreach (var r in rows) r.Evidencia = new string('e', 500);

        var pages = ProgressPages.Pack(Partition, Submission, rows);

        Assert.True(pages.Count > 1);
        Assert.All(pages, p =>
        {
            var segments = p.Keys.Where(k => k.StartsWith('S') && k != "SubmissionId" && k != "Segments").ToList();
            Assert.Equal(p.GetInt32("Segments"), segments.Count);
            Assert.All(segments, k => Assert.True(p.GetString(k)!.Length <= 32_000, $"{k} is {p.GetString(k)!.Length} characters"));
            // Strings count two bytes a character against the 1 MiB entity limit.
            Assert.True(segments.Sum(k => p.GetString(k)!.Length) * 2 < 1_000_000);
            Assert.True(p.Keys.Count <= 252);
            // And as the SDK sends it (default JSON escaping: six bytes for ñ or <), under the emulator's 1 MB check.
            Assert.True(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(p.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())).Length < 1_000_000);
        });
        Assert.Equal(rows.Count, pages.Sum(p => p.GetInt32("RowCount")));
        AssertSameRows(rows, ProgressPages.Unpack(pages.Reverse()));
    }

    [Fact]
    public void Packing_is_deterministic_so_a_rewrite_replaces_the_same_keys_with_the_same_content()
    {
        var rows = Enumerable.Range(1, 40).Select(i => Row(i)).ToList();

        var first = ProgressPages.Pack(Partition, Submission, rows);
        var second = ProgressPages.Pack(Partition, Submission, rows.Select(r => Row(int.Parse(r.Activity.Split('.')[^1]))).ToList());

        Assert.Equal(first.Select(p => p.RowKey), second.Select(p => p.RowKey));
        Assert.Equal(first.Select(p => p.GetString("S0")), second.Select(p => p.GetString("S0")));
    }

    [Fact]
    public void A_missing_page_is_an_error_not_a_silently_shorter_submission()
    {
        var rows = Enumerable.Range(1, 3000).Select(i => Row(i, new string('x', 2000))).ToList();
        var pages = ProgressPages.Pack(Partition, Submission, rows);

        var ex = Assert.Throws<InvalidDataException>(() => ProgressPages.Unpack(pages.Skip(1)));
        Assert.Contains(Submission, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_page_format_is_refused()
    {
        var page = ProgressPages.Pack(Partition, Submission, [Row(1)]).Single();
        page["Format"] = ProgressPages.Format + 1;

        Assert.Throws<InvalidDataException>(() => ProgressPages.Unpack([page]));
    }

    [Fact]
    public void A_submission_without_rows_is_one_empty_page()
    {
        var page = Assert.Single(ProgressPages.Pack(Partition, Submission, []));

        Assert.Equal(0, page.GetInt32("RowCount"));
        Assert.Empty(ProgressPages.Unpack([page]));
        Assert.Empty(ProgressPages.Unpack(Array.Empty<TableEntity>()));
    }
}
