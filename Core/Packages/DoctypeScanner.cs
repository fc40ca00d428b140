namespace ServerlessPlan.Core.Packages;

/// <summary>
/// Watches the bytes of an XML part for <c>&lt;!DOCTYPE</c> in UTF-8 and UTF-16 (the encodings OOXML allows).
/// <see cref="System.Xml.XmlReader"/> with <c>DtdProcessing.Prohibit</c> is what actually refuses DTDs; this only
/// tells its refusal apart from plain malformed XML, without depending on localized exception messages.
/// </summary>
internal sealed class DoctypeScanner
{
    private static readonly byte[][] Patterns =
    [
        "<!DOCTYPE"u8.ToArray(),
        [.. "<!DOCTYPE"u8.ToArray().SelectMany(b => new byte[] { b, 0 })],
        [.. "<!DOCTYPE"u8.ToArray().SelectMany(b => new byte[] { 0, b })],
    ];

    private static readonly int Overlap = Patterns.Max(p => p.Length) - 1;

    // The tail of the previous chunk, so a pattern split across two reads is still seen.
    private readonly byte[] _window = new byte[Overlap + 4096];
    private int _carried;

    public bool Found { get; private set; }

    public void Observe(ReadOnlySpan<byte> chunk)
    {
        while (!Found && !chunk.IsEmpty)
        {
            var take = Math.Min(chunk.Length, _window.Length - _carried);
            chunk[..take].CopyTo(_window.AsSpan(_carried));
            var filled = _window.AsSpan(0, _carried + take);
            foreach (var pattern in Patterns)
            {
                Found |= filled.IndexOf(pattern) >= 0;
            }

            var keep = Math.Min(Overlap, filled.Length);
            filled[^keep..].CopyTo(_window);
            _carried = keep;
            chunk = chunk[take..];
        }
    }
}
