namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// How the digest's reader gets the merged workbook: attached under <see cref="FileName"/> and/or at <see cref="Url"/>
/// (the portal's download). Neither, when the workbook is too large to attach and no portal is configured: the digest
/// then says to ask the ST for it.
/// </summary>
public sealed record WorkbookReference(string FileName, bool IsAttached, string? Url)
{
    public static WorkbookReference Attached(string fileName, string? url = null) => new(fileName, true, url);

    public static WorkbookReference Linked(string fileName, string url) => new(fileName, false, url);

    public static WorkbookReference OnRequest(string fileName) => new(fileName, false, null);
}
