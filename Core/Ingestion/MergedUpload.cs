using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>An upload validated and merged (or rejected, or found a duplicate), with what its focal point is to be told.</summary>
/// <param name="Notice">Null when there is nobody to tell (an upload outside <c>{unit}/{period}/{file}</c>).</param>
public sealed record MergedUpload(IngestionResult Result, ResultNotice? Notice);

/// <summary>What <see cref="SubmissionNotifier"/> needs to mail the verdict on one submission.</summary>
public sealed record ResultNotice(SubmissionEntity Submission, UploadCheck Check, UploadPath Upload, byte[]? Annotated);
