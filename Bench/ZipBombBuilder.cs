using System.Buffers.Binary;
using System.IO.Compression;

namespace ServerlessPlan.Bench;

/// <summary>
/// The zip bombs the package guard must refuse, built in code and small in memory: three entries of 512 MiB of zeros
/// (1.5 GiB inflated from about 1.5 MB). Shared by the benchmark and the guard's tests.
/// </summary>
public static class ZipBombBuilder
{
    public const long InflatedBytes = 3L * 512 * 1024 * 1024;

    /// <summary>The bomb with honest headers: every entry declares its 512 MiB.</summary>
    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var e = 0; e < 3; e++)
            {
                // Optimal, not SmallestSize: the same ~1000:1 ratio on zeros, in a tenth of the time.
                using var entry = zip.CreateEntry($"xl/worksheets/sheet{e + 1}.bin", CompressionLevel.Optimal).Open();
                for (var mib = 0; mib < 512; mib++)
                {
                    entry.Write(zeros);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A copy of <paramref name="bomb"/> with every declared uncompressed size (local and central headers) patched to
    /// 1 KB, so only inflating it reveals what it is.
    /// </summary>
    public static byte[] Lying(byte[] bomb)
    {
        var bytes = (byte[])bomb.Clone();
        foreach (var entry in ZipLayout.Entries(bytes))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry.CentralOffset + 24), 1024);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry.LocalOffset + 22), 1024);
        }

        return bytes;
    }
}
