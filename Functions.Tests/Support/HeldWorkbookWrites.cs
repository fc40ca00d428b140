using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Holds every blob write to one container (the workbooks') until released, and counts them: a workbook build is then
/// "in flight" for as long as a test needs, so concurrent requests can be sent while it runs — deterministically,
/// without relying on how long a build takes.
/// </summary>
public sealed class HeldWorkbookWrites(string container) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = Released();
    private int _writes;

    /// <summary>Blob writes (Put Blob) seen so far, held or not.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Completes when the first write arrives.</summary>
    public Task FirstWrite => _firstWrite.Task;

    /// <summary>From now on, writes wait for <see cref="Release"/>.</summary>
    public void Hold() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (IsWrite(message)) Seen().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (IsWrite(message)) await Seen();
        await ProcessNextAsync(message, pipeline);
    }

    private Task Seen()
    {
        Interlocked.Increment(ref _writes);
        _firstWrite.TrySetResult();
        return _release.Task;
    }

    private bool IsWrite(HttpMessage message) =>
        message.Request.Method == RequestMethod.Put &&
        message.Request.Uri.Path.Contains($"/{container}/", StringComparison.Ordinal) &&
        !message.Request.Uri.Query.Contains("comp=", StringComparison.Ordinal);

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}
