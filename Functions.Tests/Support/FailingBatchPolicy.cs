using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Storage failing in the middle of a merge: the <see cref="FailOn"/>th Table Storage transaction (<c>$batch</c>)
/// fails, either before it reaches the service or after the service has committed it (the reply is lost, the worst
/// case for a retry). Added per call, ahead of the SDK's retries, so the caller sees the failure.
/// </summary>
public sealed class FailingBatchPolicy(int failOn, bool afterCommit) : HttpPipelinePolicy
{
    private int _batches;

    public int FailOn { get; } = failOn;

    public int Batches => Volatile.Read(ref _batches);

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

    private bool ShouldFail(HttpMessage message) =>
        message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _batches) == FailOn;

    private RequestFailedException Failure() => new(503,
        afterCommit ? "Injected: the connection dropped after the transaction was sent" : "Injected: storage unavailable");
}
