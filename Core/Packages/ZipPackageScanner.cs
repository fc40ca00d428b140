using System.IO.Compression;
using System.IO.Hashing;
using System.Xml;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// The zip half of the guard: structure, counts and declared sizes first, then one pass that inflates every entry
/// itself (never trusting declared sizes) through a shared budget, checking CRCs, DTDs, content types and macros.
/// Memory stays constant apart from the upload buffer: entries are streamed through one scratch buffer.
/// </summary>
/// <remarks>
/// Written here because <see cref="System.IO.Compression.ZipArchive"/> neither checks CRCs nor shows what an entry
/// really inflates to (it stops at the declared size), and the zip libraries that do check (SharpZipLib,
/// SharpCompress) turn every central-directory record into an object before the caller can count them. The guard must
/// count first, then inflate each entry's raw data under one budget shared by all, and stop at the first lie.
/// </remarks>
internal sealed class ZipPackageScanner(IngestionOptions options, Language language)
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly List<ValidationIssue> _issues = [];

    public static bool HasZipSignature(ReadOnlySpan<byte> content) =>
        content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8);

    public IReadOnlyList<ValidationIssue> Scan(byte[] buffer, int length)
    {
        var zip = buffer.AsSpan(0, length);
        var directory = ZipDirectory.TryRead(zip, options.MaxZipEntries);
        if (directory is null)
        {
            return Fail(PackageIssues.TruncatedPackage);
        }

        var count = Math.Max(directory.DeclaredCount, directory.RecordCount);
        if (count > options.MaxZipEntries)
        {
            return Fail(PackageIssues.TooManyEntries, count, options.MaxZipEntries);
        }

        var names = ReadNamesWithZipArchive(buffer, length);
        if (names is null || names.Count != directory.RecordCount || directory.DeclaredCount != directory.RecordCount)
        {
            return Fail(PackageIssues.TruncatedPackage);
        }

        if (DeclaredTotal(directory) > options.MaxUncompressedBytes)
        {
            return Fail(PackageIssues.UncompressedTooLarge, PackageInspector.Megabytes(options.MaxUncompressedBytes));
        }

        ContentTypes? contentTypes = null;
        string? doctypePart = null;
        string? ddePart = null;
        PartLimitException? limit = null;
        try
        {
            var budget = new InflationBudget(options.MaxUncompressedBytes);
            var scratch = new byte[64 * 1024];
            for (var i = 0; i < names.Count; i++)
            {
                var outcome = InflateEntry(buffer, length, directory.Entries[i], names[i], budget, scratch, ref contentTypes, ref limit, out var pipe);
                if (outcome == EntryOutcome.Corrupt)
                {
                    return Fail(PackageIssues.TruncatedPackage);
                }

                // Only a part with a '|' can hold a DDE formula: that (rare) part alone is parsed again for one.
                if (pipe && ddePart is null && outcome == EntryOutcome.Fine &&
                    DdeFormulas.InPart(Inflated(buffer, length, directory.Entries[i]), names[i], XmlSettings))
                {
                    ddePart = names[i];
                }

                doctypePart ??= outcome == EntryOutcome.Doctype ? names[i] : null;
            }
        }
        catch (InflationLimitExceededException)
        {
            return Fail(PackageIssues.UncompressedTooLarge, PackageInspector.Megabytes(options.MaxUncompressedBytes));
        }
        catch (InvalidDataException)
        {
            return Fail(PackageIssues.TruncatedPackage);
        }

        if (limit is not null)
        {
            return limit.Limit == PartLimit.Size
                ? Fail(PackageIssues.PartTooLarge, limit.Part, PackageInspector.Megabytes(limit.Bound))
                : Fail(PackageIssues.XmlTooDeep, limit.Part, limit.Bound);
        }

        ReportContent(names, contentTypes, doctypePart, ddePart);
        return _issues;
    }

    private enum EntryOutcome
    {
        Fine,
        Doctype,
        Corrupt,
    }

    private EntryOutcome InflateEntry(
        byte[] buffer, int length, ZipDirectoryEntry entry, string name, InflationBudget budget, byte[] scratch,
        ref ContentTypes? contentTypes, ref PartLimitException? limit, out bool pipe)
    {
        pipe = false;
        var dataOffset = ZipDirectory.DataOffset(buffer.AsSpan(0, length), entry);
        // Excel only writes stored or deflated entries; anything else is damage or a trick.
        if (dataOffset < 0 || entry.Encrypted || entry.Method is not (0 or 8))
        {
            return EntryOutcome.Corrupt;
        }

        Stream raw = new MemoryStream(buffer, (int)dataOffset, (int)entry.CompressedSize, writable: false);
        var data = entry.Method == 8 ? new DeflateStream(raw, CompressionMode.Decompress) : raw;
        var crc = new Crc32();
        var doctype = IsXmlPart(name) ? new DoctypeScanner() : null;
        var watchPipes = doctype is not null && name.StartsWith("xl/", StringComparison.OrdinalIgnoreCase);
        var sawPipe = false;
        var seen = 0L;
        using var counting = new CountingStream(data, budget.Charge, bytes =>
        {
            // Past its declared size the entry is already known to be broken or lying: it is only counted on (to
            // tell a lying bomb from a small inconsistency), not hashed or scanned, which keeps bombs cheap.
            seen += bytes.Length;
            if (seen <= entry.UncompressedSize)
            {
                crc.Append(bytes);
                doctype?.Observe(bytes);
                sawPipe |= watchPipes && bytes.Contains((byte)'|');
            }
        });

        var outcome = EntryOutcome.Fine;
        if (doctype is not null)
        {
            try
            {
                // The content types are the one part read whole here: bounded like every part the reader parses.
                using var reader = PartXml.Open(counting, name, XmlSettings, ReadingLimits.MaxPartBytes);
                if (string.Equals(name, ContentTypes.PartName, StringComparison.OrdinalIgnoreCase))
                {
                    contentTypes = ContentTypes.Read(reader, options.MaxZipEntries);
                }
                else
                {
                    // A DTD can only precede the root element: once there, the rest is just counted and checked.
                    while (reader.Read() && reader.NodeType != XmlNodeType.Element)
                    {
                    }
                }
            }
            catch (XmlException)
            {
                outcome = doctype.Found ? EntryOutcome.Doctype : EntryOutcome.Corrupt;
            }
            catch (PartLimitException ex)
            {
                limit ??= ex;
            }
        }

        counting.Drain(scratch);
        var intact = counting.BytesRead == entry.UncompressedSize && crc.GetCurrentHashAsUInt32() == entry.Crc32;
        pipe = sawPipe;
        return intact ? outcome : EntryOutcome.Corrupt;
    }

    private void ReportContent(List<string> names, ContentTypes? contentTypes, string? doctypePart, string? ddePart)
    {
        if (doctypePart is not null)
        {
            Add(PackageIssues.XmlDtdForbidden, doctypePart);
        }

        if (contentTypes is null || !names.Any(contentTypes.IsWorkbookPart))
        {
            Add(PackageIssues.NotASpreadsheet);
            return;
        }

        if (contentTypes.Macros || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            Add(PackageIssues.MacroEnabled);
        }

        // Links and DDE formulas are never followed here, but the original and its reviewed copy go to every reader.
        if (names.Any(n => n.StartsWith("xl/externalLinks/", StringComparison.OrdinalIgnoreCase)))
        {
            Add(PackageIssues.ExternalLinksRefused);
        }

        if (ddePart is not null)
        {
            Add(PackageIssues.DdeFormulaRefused, ddePart);
        }
    }

    /// <summary>An entry inflated again from the upload's buffer (already checked intact by the first pass).</summary>
    private static Stream Inflated(byte[] buffer, int length, ZipDirectoryEntry entry)
    {
        var dataOffset = ZipDirectory.DataOffset(buffer.AsSpan(0, length), entry);
        Stream raw = new MemoryStream(buffer, (int)dataOffset, (int)entry.CompressedSize, writable: false);
        return entry.Method == 8 ? new DeflateStream(raw, CompressionMode.Decompress) : raw;
    }

    /// <summary>
    /// Opens the package the way the spreadsheet library will (<see cref="ZipArchive"/>): if that fails, so would
    /// the parser. Null when it cannot.
    /// </summary>
    private static List<string>? ReadNamesWithZipArchive(byte[] buffer, int length)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(buffer, 0, length, writable: false), ZipArchiveMode.Read);
            return archive.Entries.Select(e => e.FullName).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static long DeclaredTotal(ZipDirectory directory)
    {
        long total = 0;
        foreach (var entry in directory.Entries)
        {
            // Saturate: two zip64 sizes near long.MaxValue must not wrap around to a small total.
            total = entry.UncompressedSize > long.MaxValue - total ? long.MaxValue : total + entry.UncompressedSize;
        }

        return total;
    }

    private static bool IsXmlPart(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    private IReadOnlyList<ValidationIssue> Fail(IssueType type, params object?[] args)
    {
        Add(type, args);
        return _issues;
    }

    private void Add(IssueType type, params object?[] args) => _issues.Add(type.Create(language, args));
}
