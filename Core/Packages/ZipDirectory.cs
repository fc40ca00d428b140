using System.Buffers.Binary;

namespace ServerlessPlan.Core.Packages;

/// <summary>One central-directory record: just what the guard needs to inflate the entry's raw data itself.</summary>
internal readonly record struct ZipDirectoryEntry(
    ushort Flags, ushort Method, uint Crc32, long CompressedSize, long UncompressedSize, long LocalHeaderOffset)
{
    /// <summary>Bit 0 of the flags: traditional or strong zip encryption, which no spreadsheet library reads.</summary>
    public bool Encrypted => (Flags & 1) != 0;
}

/// <summary>
/// A bounded reader of a zip's central directory. <see cref="System.IO.Compression.ZipArchive"/> hides where each
/// entry's data starts and caps what it inflates at the declared size, so it cannot tell how large an entry really
/// is; the guard needs both. It also counts records before allocating any, so a directory of a million tiny entries
/// costs nothing to reject.
/// </summary>
internal sealed class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint RecordSignature = 0x02014b50;
    private const uint LocalSignature = 0x04034b50;

    /// <summary>Entry count the end record declares.</summary>
    public long DeclaredCount { get; private init; }

    /// <summary>Records actually found in the directory.</summary>
    public int RecordCount { get; private init; }

    /// <summary>The records, in directory order; empty when there are more than the reader was allowed to keep.</summary>
    public IReadOnlyList<ZipDirectoryEntry> Entries { get; private init; } = [];

    /// <summary>Null when the end record or the directory is missing, truncated or inconsistent.</summary>
    public static ZipDirectory? TryRead(ReadOnlySpan<byte> zip, int maxEntries)
    {
        var end = FindEndRecord(zip);
        if (end < 0)
        {
            return null;
        }

        long count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 12)..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 16)..]);
        if (count == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF)
        {
            if (!TryReadZip64End(zip, end, out count, out size, out offset))
            {
                return null;
            }
        }

        if (offset < 0 || size < 0 || offset + size > end)
        {
            return null;
        }

        var directory = zip.Slice((int)offset, (int)size);
        var records = CountRecords(directory);
        if (records < 0)
        {
            return null;
        }

        var entries = records <= maxEntries ? ReadRecords(directory, records) : [];
        return entries is null ? null : new ZipDirectory { DeclaredCount = count, RecordCount = records, Entries = entries };
    }

    /// <summary>Where the entry's data starts, from its local header; -1 when the header is missing or out of bounds.</summary>
    public static long DataOffset(ReadOnlySpan<byte> zip, ZipDirectoryEntry entry)
    {
        var at = entry.LocalHeaderOffset;
        if (at < 0 || at + 30 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)at..]) != LocalSignature)
        {
            return -1;
        }

        var local = zip[(int)at..];
        var data = at + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
        return data + entry.CompressedSize <= zip.Length ? data : -1;
    }

    private static int FindEndRecord(ReadOnlySpan<byte> zip)
    {
        // The end record is 22 bytes plus a comment of at most 65,535.
        var lowest = Math.Max(0, zip.Length - 22 - ushort.MaxValue);
        for (var at = zip.Length - 22; at >= lowest; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[at..]) == EndSignature)
            {
                return at;
            }
        }

        return -1;
    }

    private static bool TryReadZip64End(ReadOnlySpan<byte> zip, int end, out long count, out long size, out long offset)
    {
        count = size = offset = -1;
        var locator = end - 20;
        if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(zip[locator..]) != Zip64LocatorSignature)
        {
            return false;
        }

        var at = BinaryPrimitives.ReadInt64LittleEndian(zip[(locator + 8)..]);
        if (at < 0 || at + 56 > locator || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)at..]) != Zip64EndSignature)
        {
            return false;
        }

        var record = zip[(int)at..];
        count = BinaryPrimitives.ReadInt64LittleEndian(record[32..]);
        size = BinaryPrimitives.ReadInt64LittleEndian(record[40..]);
        offset = BinaryPrimitives.ReadInt64LittleEndian(record[48..]);
        return count >= 0;
    }

    private static int CountRecords(ReadOnlySpan<byte> directory)
    {
        var count = 0;
        for (var at = 0; at < directory.Length; count++)
        {
            var length = RecordLength(directory[at..]);
            if (length < 0)
            {
                return -1;
            }

            at += length;
        }

        return count;
    }

    private static int RecordLength(ReadOnlySpan<byte> record)
    {
        if (record.Length < 46 || BinaryPrimitives.ReadUInt32LittleEndian(record) != RecordSignature)
        {
            return -1;
        }

        var length = 46 + BinaryPrimitives.ReadUInt16LittleEndian(record[28..])
            + BinaryPrimitives.ReadUInt16LittleEndian(record[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
        return length <= record.Length ? length : -1;
    }

    private static List<ZipDirectoryEntry>? ReadRecords(ReadOnlySpan<byte> directory, int records)
    {
        var entries = new List<ZipDirectoryEntry>(records);
        for (var at = 0; at < directory.Length;)
        {
            var record = directory[at..];
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(record[24..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(record[42..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]);
            var extra = record.Slice(46 + nameLength, BinaryPrimitives.ReadUInt16LittleEndian(record[30..]));
            if (!TryApplyZip64Extra(extra, ref uncompressed, ref compressed, ref local))
            {
                return null;
            }

            entries.Add(new ZipDirectoryEntry(
                BinaryPrimitives.ReadUInt16LittleEndian(record[8..]), BinaryPrimitives.ReadUInt16LittleEndian(record[10..]),
                BinaryPrimitives.ReadUInt32LittleEndian(record[16..]), compressed, uncompressed, local));
            at += RecordLength(record);
        }

        return entries;
    }

    /// <summary>Fields saturated at 0xFFFFFFFF live, in this order, in the zip64 extra field (id 1).</summary>
    private static bool TryApplyZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long local)
    {
        if (uncompressed != 0xFFFFFFFF && compressed != 0xFFFFFFFF && local != 0xFFFFFFFF)
        {
            return true;
        }

        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length)
            {
                return false;
            }

            if (id == 1)
            {
                var data = extra.Slice(4, size);
                return TakeIfSaturated(ref data, ref uncompressed) && TakeIfSaturated(ref data, ref compressed)
                    && TakeIfSaturated(ref data, ref local);
            }

            extra = extra[(4 + size)..];
        }

        return false;
    }

    private static bool TakeIfSaturated(ref ReadOnlySpan<byte> data, ref long value)
    {
        if (value != 0xFFFFFFFF)
        {
            return true;
        }

        if (data.Length < 8)
        {
            return false;
        }

        value = BinaryPrimitives.ReadInt64LittleEndian(data);
        data = data[8..];
        return value >= 0;
    }
}
