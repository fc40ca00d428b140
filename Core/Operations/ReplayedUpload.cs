using ServerlessPlan.Core.Ingestion;

namespace ServerlessPlan.Core.Operations;

/// <summary>One upload processed again: where it came from (<c>blob</c>, <c>dead-letter</c>, <c>poison</c>), and what the ingestion did or why it could not.</summary>
/// <param name="Result">Null when the upload is gone (nothing to replay) or the replay failed (<paramref name="Error"/>).</param>
public sealed record ReplayedUpload(string Source, string UploadBlob, IngestionResult? Result, string? Error)
{
    public bool Failed => Error is not null;
}
