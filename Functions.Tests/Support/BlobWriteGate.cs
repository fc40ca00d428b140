using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Stands between a blob client and the blobs whose path contains some text: each write (any PUT: a block, a block
/// list, a whole blob) to them is held until released, or fails as if the process had died there. A publisher is then
/// "in the middle of its snapshot" for as long as a test needs, or dies at an exact point — deterministically.
/// </summary>
public sealed class BlobWriteGate(string pathContains) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _hold;
    private volatile bool _fail;

    /// <summary>Completes when the first write to a matching blob arrives.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Matching writes wait for <see cref="Release"/>.</summary>
    public BlobWriteGate Hold()
    {
        _hold = true;
        return this;
    }

    /// <summary>Matching writes fail before they reach storage.</summary>
    public BlobWriteGate Fail()
    {
        _fail = true;
        return this;
    }

    public void Release() => _release.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Method == RequestMethod.Put && Uri.UnescapeDataString(message.Request.Uri.Path).Contains(pathContains, StringComparison.Ordinal))
        {
            _reached.TrySetResult();
            if (_fail) throw new IOException($"The process died writing {message.Request.Uri.Path}.");
            if (_hold) await _release.Task;
        }

        await ProcessNextAsync(message, pipeline);
    }
}
