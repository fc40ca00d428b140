using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessPlan.Tests.Support;

/// <summary>The two writes of a merge that a failure can fall between.</summary>
public enum MergeWrite
{
    /// <summary>The submission's rows (its progress page), invisible until the commit.</summary>
    Rows = 1,

    /// <summary>The entity-group transaction that flips the current pointer: the commit point.</summary>
    Commit = 2,
}

/// <summary>
/// Storage failing in the middle of a merge: the write of the rows or the commit transaction fails, either before it
/// reaches the service or after the service has applied it (the reply is lost, the worst case for a retry). Added per
/// call, ahead of the SDK's retries, so the caller sees the failure.
/// </summary>
public sealed class FailingMergeWritePolicy(string progressTable, MergeWrite failOn, bool afterCommit) : HttpPipelinePolicy
{
    private int _failures;

    /// <summary>How many requests were failed (exactly one when the merge reached the write).</summary>
    public int Failures => Volatile.Read(ref _failures);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fail = ShouldFail(message);
        if (fail && !afterCommit) throw Failure();
        ProcessNext(message, pipeline);
        if (fail) throw Failure();
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var fail = ShouldFail(message);
        if (fail && !afterCommit) throw Failure();
        await ProcessNextAsync(message, pipeline);
        if (fail) throw Failure();
    }

    private bool ShouldFail(HttpMessage message)
    {
        var request = message.Request;
        var path = request.Uri.Path;
        var matches = failOn switch
        {
            MergeWrite.Rows => request.Method != RequestMethod.Get && path.Contains($"/{progressTable}(", StringComparison.Ordinal),
            _ => path.EndsWith("/$batch", StringComparison.Ordinal),
        };
        // Only the first matching request fails: the retry that follows must get through.
        return matches && Interlocked.Increment(ref _failures) == 1;
    }

    private RequestFailedException Failure() => new(503,
        afterCommit ? "Injected: the connection dropped after the write was sent" : "Injected: storage unavailable");
}
