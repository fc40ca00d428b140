using System.Net.Sockets;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The two pipeline policies behind <see cref="StorageServiceCollectionExtensions.FailFastWhenStorageUnreachable"/>:
/// a retry policy that does not retry a connection that could not be opened at all (it will not open a second later)
/// while retrying every other transient failure as the SDK does, and a per-call policy that names the endpoint.
/// </summary>
internal static class UnreachableStoragePolicies
{
    /// <summary>True when <paramref name="exception"/> (or one inside it) says the endpoint could not be reached at all.</summary>
    public static bool IsUnreachable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The innermost message: what the socket said (e.g. "Connection refused").</summary>
    public static string Reason(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner.Message;
    }

    public sealed class NoRetryWhenUnreachable(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
    {
        protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
            !IsUnreachable(exception) && base.ShouldRetry(message, exception);

        protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
            IsUnreachable(exception) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);
    }

    public sealed class NameTheEndpoint : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                throw Unreachable(message, ex);
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                throw Unreachable(message, ex);
            }
        }

        private static StorageUnreachableException Unreachable(HttpMessage message, Exception ex) =>
            new(message.Request.Uri.ToUri().GetLeftPart(UriPartial.Authority), Reason(ex), ex);
    }
}
