namespace ServerlessPlan.Core.Storage;

/// <summary>
/// No request to a storage endpoint got an answer: nothing listens there (Azurite not started) or the host is unknown.
/// Raised only where <see cref="StorageServiceCollectionExtensions.FailFastWhenStorageUnreachable"/> is composed (the
/// CLI), so a person sees one line instead of a stack trace after the SDK's retries.
/// </summary>
public sealed class StorageUnreachableException(string endpoint, string reason, Exception inner)
    : Exception($"storage unreachable at {endpoint}: {reason}", inner)
{
    /// <summary>Scheme, host and port of the endpoint that did not answer.</summary>
    public string Endpoint { get; } = endpoint;

    public string Reason { get; } = reason;
}
