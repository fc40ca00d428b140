namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>Where the digest's reader finds the merged workbook: attached under <see cref="FileName"/>, or at <see cref="Url"/>.</summary>
public sealed record WorkbookReference(string FileName, string? Url = null)
{
    public bool IsAttached => Url is null;

    public static WorkbookReference Attached(string fileName) => new(fileName);

    public static WorkbookReference Linked(string fileName, string url) => new(fileName, url);
}
