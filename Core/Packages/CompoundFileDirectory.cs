using System.Buffers.Binary;
using System.Text;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// Lists the entry names in an OLE Compound File (the container of old .xls files and of password-protected .xlsx,
/// which hold <c>EncryptionInfo</c> + <c>EncryptedPackage</c> streams). Reads only the header, the FAT and the
/// directory chain, with every chain capped by the number of sectors in the file, so a malformed or looping file
/// fails fast instead of spinning.
/// </summary>
/// <remarks>
/// Written here because the guard needs only the directory's names: NPOI's POIFS reads the whole file into its block
/// structures, and OpenMcdf is not on the package mirror and is built to navigate and edit files, not to refuse a
/// hostile one in fixed bounds. These hundred lines read three structures and stop.
/// </remarks>
internal static class CompoundFileDirectory
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int HeaderDifatEntries = 109;
    private const int MaxNames = 4096;

    /// <summary>The names of the storages and streams in the file, or null when its structure cannot be followed.</summary>
    public static IReadOnlyList<string>? TryReadNames(ReadOnlySpan<byte> file)
    {
        if (file.Length < 512 || !file.StartsWith(Signature))
        {
            return null;
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(file[0x1E..]);
        if (shift is not (9 or 12))
        {
            return null;
        }

        var sectorSize = 1 << shift;
        var sectorCount = (file.Length - sectorSize + sectorSize - 1) / sectorSize;
        var fatSectors = ReadFatSectorList(file, sectorSize, sectorCount);
        if (fatSectors is null)
        {
            return null;
        }

        var names = new List<string>();
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(file[0x30..]);
        for (var hops = 0; sector != EndOfChain; hops++)
        {
            if (hops >= sectorCount || !TrySector(file, sector, sectorSize, out var data))
            {
                return null;
            }

            for (var at = 0; at + 128 <= data.Length && names.Count < MaxNames; at += 128)
            {
                var entry = data.Slice(at, 128);
                var type = entry[0x42];
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                if (type is 1 or 2 or 5 && nameBytes is >= 2 and <= 64 && nameBytes % 2 == 0)
                {
                    names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
                }
            }

            if (!TryNext(file, fatSectors, sector, sectorSize, out sector))
            {
                return null;
            }
        }

        return names;
    }

    /// <summary>The sectors holding the FAT: 109 listed in the header, the rest along the DIFAT chain.</summary>
    private static List<uint>? ReadFatSectorList(ReadOnlySpan<byte> file, int sectorSize, int sectorCount)
    {
        var fatCount = BinaryPrimitives.ReadUInt32LittleEndian(file[0x2C..]);
        if (fatCount > (uint)sectorCount)
        {
            return null;
        }

        var list = new List<uint>((int)fatCount);
        for (var i = 0; i < HeaderDifatEntries && list.Count < fatCount; i++)
        {
            list.Add(BinaryPrimitives.ReadUInt32LittleEndian(file[(0x4C + (i * 4))..]));
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(file[0x44..]);
        var perDifat = (sectorSize / 4) - 1;
        for (var hops = 0; list.Count < fatCount && difat is not EndOfChain and not FreeSector; hops++)
        {
            if (hops >= sectorCount || !TrySector(file, difat, sectorSize, out var data))
            {
                return null;
            }

            for (var i = 0; i < perDifat && list.Count < fatCount; i++)
            {
                list.Add(BinaryPrimitives.ReadUInt32LittleEndian(data[(i * 4)..]));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(data[(perDifat * 4)..]);
        }

        return list.Count == fatCount ? list : null;
    }

    private static bool TryNext(ReadOnlySpan<byte> file, List<uint> fatSectors, uint sector, int sectorSize, out uint next)
    {
        next = 0;
        var perSector = (uint)(sectorSize / 4);
        var fatIndex = sector / perSector;
        if (fatIndex >= fatSectors.Count || !TrySector(file, fatSectors[(int)fatIndex], sectorSize, out var fat))
        {
            return false;
        }

        next = BinaryPrimitives.ReadUInt32LittleEndian(fat[(int)(sector % perSector * 4)..]);
        return true;
    }

    /// <summary>Sector n starts after the header, which takes one sector's room.</summary>
    private static bool TrySector(ReadOnlySpan<byte> file, uint sector, int sectorSize, out ReadOnlySpan<byte> data)
    {
        var offset = ((long)sector + 1) * sectorSize;
        if (sector >= 0xFFFFFFFA || offset + sectorSize > file.Length)
        {
            data = default;
            return false;
        }

        data = file.Slice((int)offset, sectorSize);
        return true;
    }
}
