using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// How many bytes of each request body the app read, by path: registered as a startup filter in front of the app's
/// pipeline, it wraps the request body in a counting stream. It counts what the app pulled, not what the client sent
/// (Kestrel may drain the rest after the response, below the app), which is what a body's bound promises.
/// </summary>
public sealed class RequestBodyMeter : IStartupFilter
{
    private readonly ConcurrentDictionary<string, long> _read = new(StringComparer.Ordinal);

    public long BytesRead(string path) => _read.GetValueOrDefault(path);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextStep) =>
        {
            context.Request.Body = new CountingStream(context.Request.Body, n => _read.AddOrUpdate(context.Request.Path.Value ?? "", n, (_, c) => c + n));
            return nextStep(context);
        });
        next(app);
    };

    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            counted(read);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
