using System.Buffers.Binary;

namespace ServerlessPlan.Bench;

/// <summary>
/// Where each entry's headers and data sit in a (non-zip64) zip, read from its central directory — so hostile files
/// can be patched precisely instead of by searching for signatures that compressed data may happen to contain.
/// </summary>
public static class ZipLayout
{
    public sealed record Entry(int CentralOffset, int LocalOffset, int DataOffset, int CompressedSize);

    public static IReadOnlyList<Entry> Entries(byte[] zip)
    {
        var end = zip.Length - 22;
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)) != 0x06054b50)
        {
            end--;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(end + 10));
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        var entries = new List<Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var central = zip.AsSpan(at);
            var compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(central[20..]);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(central[42..]);
            var localHeader = zip.AsSpan(local);
            var data = local + 30 + BinaryPrimitives.ReadUInt16LittleEndian(localHeader[26..])
                + BinaryPrimitives.ReadUInt16LittleEndian(localHeader[28..]);
            entries.Add(new Entry(at, local, data, compressed));
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(central[28..])
                + BinaryPrimitives.ReadUInt16LittleEndian(central[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(central[32..]);
        }

        return entries;
    }
}
