using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessPlan.Tests.Unit.Ingestion.Packages;

public sealed class PackageInspectorTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    private static readonly Dictionary<string, Func<byte[]>> Files = new()
    {
        ["empty"] = HostileFiles.Empty,
        ["random"] = HostileFiles.RandomBytes,
        ["csv"] = HostileFiles.CsvRenamed,
        ["html"] = HostileFiles.HtmlRenamed,
        ["password"] = HostileFiles.PasswordProtected,
        ["xls"] = HostileFiles.LegacyXls,
        ["truncated"] = HostileFiles.TruncatedXlsx,
        ["corrupt-entry"] = HostileFiles.CorruptEntryXlsx,
        ["bomb"] = HostileFiles.ZipBomb,
        ["lying-bomb"] = HostileFiles.LyingZipBomb,
        ["too-many"] = () => HostileFiles.TooManyEntries(2_001),
        ["macro"] = HostileFiles.MacroEnabled,
        ["billion-laughs"] = HostileFiles.BillionLaughs,
        ["word"] = HostileFiles.WordDocument,
        ["plain-zip"] = HostileFiles.PlainZip,
    };

    [Theory]
    [InlineData("empty", "FILE_EMPTY", "vacío", "empty")]
    [InlineData("random", "NOT_A_WORKBOOK", "ningún formato de hoja de cálculo", "any known spreadsheet format")]
    [InlineData("csv", "NOT_A_WORKBOOK", "parece un archivo CSV", "looks like a CSV")]
    [InlineData("html", "NOT_A_WORKBOOK", "página HTML", "HTML page")]
    [InlineData("password", "PASSWORD_PROTECTED", "contraseña", "password")]
    [InlineData("xls", "LEGACY_XLS", "97-2003", "97-2003")]
    [InlineData("truncated", "TRUNCATED_PACKAGE", "dañado o incompleto", "damaged or incomplete")]
    [InlineData("corrupt-entry", "TRUNCATED_PACKAGE", "dañado o incompleto", "damaged or incomplete")]
    [InlineData("bomb", "UNCOMPRESSED_TOO_LARGE", "100 MB", "100 MB")]
    [InlineData("lying-bomb", "UNCOMPRESSED_TOO_LARGE", "descomprimirse", "decompressed")]
    [InlineData("too-many", "TOO_MANY_ENTRIES", "2000", "2000")]
    [InlineData("macro", "MACRO_ENABLED", "macros", "macros")]
    [InlineData("billion-laughs", "XML_DTD_FORBIDDEN", "xl/sharedStrings.xml", "DOCTYPE")]
    [InlineData("word", "NOT_A_SPREADSHEET", "sin libro de Excel", "with no Excel workbook in it")]
    [InlineData("plain-zip", "NOT_A_SPREADSHEET", "sin libro de Excel", "with no Excel workbook in it")]
    public async Task Rejects_each_hostile_or_broken_upload_with_its_code_in_both_languages(
        string file, string code, string spanishWords, string englishWords)
    {
        var bytes = Files[file]();
        var spanish = await Inspector().InspectAsync(new MemoryStream(bytes), Language.Es, default);
        var english = await Inspector().InspectAsync(new NonSeekableStream(bytes), Language.En, default);

        foreach (var (inspection, words) in new[] { (spanish, spanishWords), (english, englishWords) })
        {
            Assert.False(inspection.Ok);
            var issue = Assert.Single(inspection.Issues, i => i.Severity == IssueSeverity.Error);
            Assert.Equal(code, issue.Code);
            Assert.Contains(words, issue.Message, StringComparison.OrdinalIgnoreCase);
            Assert.True(inspection.Content.IsEmpty, "rejected content must not be handed on");
        }

        Assert.NotEqual(spanish.Issues[0].Message, english.Issues[0].Message);
    }

    [Fact]
    public async Task Accepts_a_valid_workbook_and_hands_the_parser_the_same_bytes()
    {
        var bytes = HostileFiles.ValidXlsx();

        var inspection = await Inspector().InspectAsync(new NonSeekableStream(bytes), Language.Es, default);

        Assert.True(inspection.Ok);
        Assert.Empty(inspection.Issues);
        Assert.Equal(bytes.Length, inspection.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspection.Sha256);
        using var workbook = new XLWorkbook(inspection.OpenRead());
        Assert.Equal("Actividad", workbook.Worksheet("Reporte").Cell(1, 1).GetString());
    }

    [Theory]
    [InlineData(Language.Es, "vínculos a otros archivos")]
    [InlineData(Language.En, "links to other files")]
    public async Task Refuses_a_workbook_linking_other_files_in_the_units_language(Language language, string words)
    {
        var inspection = await Inspector().InspectAsync(new MemoryStream(HostileFiles.WithExternalLink()), language, default);

        Assert.False(inspection.Ok);
        var error = Assert.Single(inspection.Issues);
        Assert.Equal(("EXTERNAL_LINKS_REFUSED", IssueSeverity.Error), (error.Code, error.Severity));
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cmd|' /C calc'!A0", true)]
    [InlineData("CMD|'/c powershell'!'A1'", true)]
    [InlineData("'cmd'|'/c calc'!A0", true)]
    [InlineData("SUM(A1:A3)+msexcel|'\\..\\..\\windows\\system32\\cmd.exe /c calc.exe'!''", true)]
    [InlineData("IF(A1=\"a|b\",1,2)", false)]
    [InlineData("'Hoja|2'!A1*2", false)]
    [InlineData("SUM(B9:B20)", false)]
    public void Tells_a_DDE_formula_from_a_pipe_in_a_string_or_a_sheet_name(string formula, bool dde) =>
        Assert.Equal(dde, DdeFormulas.IsDde(formula));

    [Theory]
    [InlineData("bomb")]
    [InlineData("lying-bomb")]
    public async Task Rejects_a_zip_bomb_in_under_a_second_and_bounded_memory(string file)
    {
        var bomb = Files[file]();
        var inspector = Inspector();
        await inspector.InspectAsync(new MemoryStream(HostileFiles.ValidXlsx()), Language.Es, default); // JIT warm-up, not measured

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var inspection = await inspector.InspectAsync(new NonSeekableStream(bomb), Language.Es, default);
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        output.WriteLine($"{file}: {bomb.Length} bytes on disk, rejected in {clock.ElapsedMilliseconds} ms, {allocated / MiB} MiB allocated");
        Assert.Equal("UNCOMPRESSED_TOO_LARGE", Assert.Single(inspection.Issues).Code);
        Assert.True(bomb.Length < 4 * MiB, $"the generated bomb should stay small on disk, was {bomb.Length} bytes");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(allocated < 100 * MiB, $"allocated {allocated / MiB} MiB");
    }

    [Fact]
    public async Task Stops_reading_an_endless_upload_one_byte_past_the_cap()
    {
        var upload = NonSeekableStream.OfZeros(1024 * MiB);

        var inspection = await Inspector().InspectAsync(upload, Language.Es, default);

        Assert.Equal("FILE_TOO_LARGE", Assert.Single(inspection.Issues).Code);
        Assert.Contains("10 MB", inspection.Issues[0].Message, StringComparison.Ordinal);
        Assert.True(upload.BytesRead <= (10 * MiB) + 1, $"read {upload.BytesRead} bytes");
        Assert.Null(inspection.Sha256);
    }

    [Fact]
    public async Task Reads_a_network_stream_without_a_single_synchronous_read()
    {
        var upload = new NonSeekableStream(HostileFiles.ValidXlsx()) { ForbidSynchronousReads = true };

        var inspection = await Inspector().InspectAsync(upload, Language.Es, default);

        Assert.True(inspection.Ok);
        Assert.Equal(HostileFiles.ValidXlsx().Length, upload.BytesRead);
    }

    [Fact]
    public async Task Refuses_an_upload_whose_declared_size_is_over_the_cap_without_reading_it()
    {
        var upload = NonSeekableStream.OfZeros(1024 * MiB);

        var inspection = await Inspector().InspectAsync(upload, Language.En, default, declaredLength: (10 * MiB) + 1);

        Assert.Equal("FILE_TOO_LARGE", Assert.Single(inspection.Issues).Code);
        Assert.Equal(0, upload.BytesRead);
        Assert.Equal((10 * MiB) + 1, inspection.Length);
    }

    [Fact]
    public async Task A_declared_size_that_lies_low_does_not_lift_the_cap()
    {
        var upload = NonSeekableStream.OfZeros(1024 * MiB);

        var inspection = await Inspector().InspectAsync(upload, Language.Es, default, declaredLength: 100);

        Assert.Equal("FILE_TOO_LARGE", Assert.Single(inspection.Issues).Code);
        Assert.True(upload.BytesRead <= (10 * MiB) + 1, $"read {upload.BytesRead} bytes");
    }

    [Fact]
    public async Task Rejects_an_oversize_seekable_upload_without_reading_it()
    {
        var upload = new MemoryStream(new byte[(10 * MiB) + 1]);

        var inspection = await Inspector().InspectAsync(upload, Language.En, default);

        Assert.Equal("FILE_TOO_LARGE", Assert.Single(inspection.Issues).Code);
        Assert.Equal(0, upload.Position);
        Assert.Equal((10 * MiB) + 1, inspection.Length);
    }

    [Fact]
    public async Task Accepts_an_upload_of_exactly_the_cap_size_as_far_as_size_goes()
    {
        var options = new IngestionOptions { MaxUploadBytes = HostileFiles.ValidXlsx().Length };

        var inspection = await Inspector(options).InspectAsync(new NonSeekableStream(HostileFiles.ValidXlsx()), Language.Es, default);

        Assert.True(inspection.Ok);
    }

    [Fact]
    public async Task Takes_its_entry_limit_from_the_options()
    {
        var options = new IngestionOptions { MaxZipEntries = 10 };

        var inspection = await Inspector(options).InspectAsync(new MemoryStream(HostileFiles.TooManyEntries(8)), Language.En, default);

        var issue = Assert.Single(inspection.Issues);
        Assert.Equal("TOO_MANY_ENTRIES", issue.Code);
        Assert.Contains("(11; the maximum is 10)", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "PASSWORD_PROTECTED")]
    [InlineData(false, "LEGACY_XLS")]
    public async Task Falls_back_to_a_name_scan_when_the_ole_directory_chain_loops(bool encrypted, string code)
    {
        var file = encrypted ? HostileFiles.PasswordProtected() : HostileFiles.LegacyXls();
        // FAT entry for sector 1 (the directory) now points back at itself.
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(512 + 4), 1);

        var clock = Stopwatch.StartNew();
        var inspection = await Inspector().InspectAsync(new MemoryStream(file), Language.Es, default);

        Assert.Equal(code, Assert.Single(inspection.Issues).Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_ole_container_that_is_not_a_workbook_is_described_as_another_office_document()
    {
        var inspection = await Inspector().InspectAsync(new MemoryStream(CompoundFileBuilder.Build("WordDocument")), Language.Es, default);

        var issue = Assert.Single(inspection.Issues);
        Assert.Equal("NOT_A_WORKBOOK", issue.Code);
        Assert.Contains("Word", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_package_issue_has_distinct_spanish_and_english_messages_with_matching_placeholders()
    {
        var types = typeof(PackageIssues).GetFields()
            .Where(f => f.IsStatic && f.FieldType == typeof(IssueType))
            .Select(f => (IssueType)f.GetValue(null)!)
            .ToList();

        Assert.True(types.Count >= 12, $"found {types.Count} issue types");
        Assert.Equal(types.Count, types.Select(t => t.Code).Distinct().Count());
        Assert.Equal(types.Count * 2, types.SelectMany(t => new[] { t.Template.Es, t.Template.En }).Distinct().Count());
        foreach (var type in types)
        {
            Assert.Matches("^[A-Z]+(_[A-Z]+)*$", type.Code);
            Assert.False(string.IsNullOrWhiteSpace(type.Template.Es), type.Code);
            Assert.False(string.IsNullOrWhiteSpace(type.Template.En), type.Code);
            Assert.NotEqual(type.Template.Es, type.Template.En);
            Assert.Equal(Placeholders(type.Template.Es), Placeholders(type.Template.En));
        }
    }

    private static PackageInspector Inspector(IngestionOptions? options = null) =>
        new(Options.Create(options ?? new IngestionOptions()), NullLogger<PackageInspector>.Instance);

    private static string[] Placeholders(string template) =>
        [.. Regex.Matches(template, @"\{(\d+)\}").Select(m => m.Groups[1].Value).Distinct().Order()];
}
