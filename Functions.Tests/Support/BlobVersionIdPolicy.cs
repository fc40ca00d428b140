using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Gives Azurite's blob responses the <c>x-ms-version-id</c> header a versioning-enabled Azure account sends (Azurite
/// 3.37 has no blob versioning): each write of a blob through this client (Put Blob, Put Block List) is stamped with
/// the instant its response arrived, to 100 ns, and later reads of that blob through this client carry that stamp.
/// Azure sets the version id to the instant of the write, so two writes within one second get distinct, ordered ids
/// while Last-Modified (whole seconds) ties; this is what lets a test upload twice in a second and check the order.
/// The instant comes from <paramref name="clock"/> (the system clock by default): a test that sets it decides when each
/// upload "arrived" (a sheet before a quarter's lock, another after it), as Azure would stamp it.
/// </summary>
public sealed class BlobVersionIdPolicy(TimeProvider? clock = null) : HttpPipelinePolicy
{
    public const string Header = "x-ms-version-id";

    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = clock ?? TimeProvider.System;
    private readonly object _clock = new();
    private DateTimeOffset _last;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Stamp(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Stamp(message);
    }

    /// <summary>The version id the last write of <paramref name="blob"/> got, if it went through this policy.</summary>
    public string? VersionOf(Uri blob) => _versions.GetValueOrDefault(blob.GetLeftPart(UriPartial.Path));

    private void Stamp(HttpMessage message)
    {
        if (message.Response.Headers.Contains(Header)) return;
        var request = message.Request;
        var blob = request.Uri.ToUri().GetLeftPart(UriPartial.Path);
        var comp = System.Web.HttpUtility.ParseQueryString(request.Uri.Query)["comp"];
        if (request.Method == RequestMethod.Put && message.Response.Status == 201 && comp is null or "blocklist")
        {
            var version = Next().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            _versions[blob] = version;
            message.Response = new WithHeader(message.Response, Header, version);
        }
        else if ((request.Method == RequestMethod.Get || request.Method == RequestMethod.Head) && comp is null &&
                 message.Response.Status is 200 or 206 && _versions.TryGetValue(blob, out var version))
        {
            message.Response = new WithHeader(message.Response, Header, version);
        }
    }

    /// <summary>Now, strictly later than any stamp given before (the clock's tick may be coarser than 100 ns).</summary>
    private DateTimeOffset Next()
    {
        lock (_clock)
        {
            var now = _time.GetUtcNow();
            _last = now > _last ? now : _last.AddTicks(1);
            return _last;
        }
    }

    /// <summary>A response with one more header; everything else is the service's response.</summary>
    private sealed class WithHeader(Response inner, string name, string value) : Response
    {
        public override int Status => inner.Status;
        public override string ReasonPhrase => inner.ReasonPhrase;

        public override Stream? ContentStream
        {
            get => inner.ContentStream;
            set => inner.ContentStream = value;
        }

        public override string ClientRequestId
        {
            get => inner.ClientRequestId;
            set => inner.ClientRequestId = value;
        }

        public override void Dispose() => inner.Dispose();

        protected override bool TryGetHeader(string header, [NotNullWhen(true)] out string? headerValue)
        {
            if (string.Equals(header, name, StringComparison.OrdinalIgnoreCase))
            {
                headerValue = value;
                return true;
            }
            return inner.Headers.TryGetValue(header, out headerValue);
        }

        protected override bool TryGetHeaderValues(string header, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            if (string.Equals(header, name, StringComparison.OrdinalIgnoreCase))
            {
                values = [value];
                return true;
            }
            return inner.Headers.TryGetValues(header, out values);
        }

        protected override bool ContainsHeader(string header) =>
            string.Equals(header, name, StringComparison.OrdinalIgnoreCase) || inner.Headers.Contains(header);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => inner.Headers.Append(new HttpHeader(name, value));
    }
}
