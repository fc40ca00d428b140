using System.Buffers.Binary;
using System.Text;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Writes a minimal, valid OLE Compound File (version 3, 512-byte sectors): one FAT sector, one directory sector,
/// and up to three streams of 4,096 bytes each (so they live in regular sectors, no mini stream needed).
/// </summary>
public static class CompoundFileBuilder
{
    private const int SectorSize = 512;
    private const int StreamSize = 4096;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint Free = 0xFFFFFFFF;
    private const uint NoStream = 0xFFFFFFFF;

    public static byte[] Build(params string[] streamNames)
    {
        if (streamNames.Length is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(streamNames), "One to three streams fit one directory sector.");
        }

        // The directory is a red-black tree ordered by name length, then upper-case name.
        var names = streamNames.OrderBy(n => n.Length).ThenBy(n => n.ToUpperInvariant(), StringComparer.Ordinal).ToArray();
        var sectorsPerStream = StreamSize / SectorSize;
        var file = new byte[SectorSize * (1 + 2 + (names.Length * sectorsPerStream))];

        WriteHeader(file.AsSpan(0, SectorSize));

        var fat = file.AsSpan(SectorSize, SectorSize);
        fat.Fill(0xFF);
        SetFat(fat, 0, FatSector);
        SetFat(fat, 1, EndOfChain);
        for (var s = 0; s < names.Length; s++)
        {
            var first = 2 + (s * sectorsPerStream);
            for (var k = 0; k < sectorsPerStream; k++)
            {
                SetFat(fat, first + k, k == sectorsPerStream - 1 ? EndOfChain : (uint)(first + k + 1));
            }

            new Random(s).NextBytes(file.AsSpan(SectorSize * (first + 1), StreamSize));
        }

        var directory = file.AsSpan(SectorSize * 2, SectorSize);
        var (rootChild, left, right, black) = Tree(names.Length);
        WriteEntry(directory[..128], "Root Entry", type: 5, black: true, NoStream, NoStream, rootChild, EndOfChain, 0);
        for (var i = 0; i < names.Length; i++)
        {
            WriteEntry(directory.Slice(128 * (i + 1), 128), names[i], type: 2, black[i], left[i], right[i], NoStream,
                (uint)(2 + (i * sectorsPerStream)), StreamSize);
        }

        for (var i = names.Length + 1; i < 4; i++)
        {
            directory.Slice((128 * i) + 0x44, 12).Fill(0xFF);
        }

        return file;
    }

    private static void WriteHeader(Span<byte> header)
    {
        ReadOnlySpan<byte> signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        header[0x4C..].Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0);
    }

    private static void SetFat(Span<byte> fat, int index, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(fat[(index * 4)..], value);

    /// <summary>Balanced trees for 1–3 sorted siblings; entry ids are 1-based (0 is the root).</summary>
    private static (uint Child, uint[] Left, uint[] Right, bool[] Black) Tree(int count) => count switch
    {
        1 => (1, [NoStream], [NoStream], [true]),
        2 => (1, [NoStream, NoStream], [2, NoStream], [true, false]),
        _ => (2, [NoStream, 1, NoStream], [NoStream, 3, NoStream], [true, true, true]),
    };

    private static void WriteEntry(
        Span<byte> entry, string name, byte type, bool black, uint left, uint right, uint child, uint start, ulong size)
    {
        var written = Encoding.Unicode.GetBytes(name, entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(written + 2));
        entry[0x42] = type;
        entry[0x43] = black ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], left);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[0x78..], size);
    }
}
