using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// A real HTTP endpoint on <c>127.0.0.1</c> that plays SendGrid: answers each request with the next scripted response
/// and records what it received. Unscripted requests get a 418, so a test that sends more than it expects fails loudly.
/// </summary>
public sealed class FakeSendGridServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Queue<Scripted> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private FakeSendGridServer(HttpListener listener, string baseUrl)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>, to use as <c>Mail:SendGridHost</c>.</summary>
    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    public static FakeSendGridServer Start()
    {
        for (var tries = 0; ; tries++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new FakeSendGridServer(listener, url);
            }
            catch (HttpListenerException) when (tries < 5)
            {
                // Another process took the port between probing and binding; take another.
                listener.Close();
            }
        }
    }

    /// <summary>Queues one response: status, body, headers (e.g. <c>("Retry-After", "1")</c>).</summary>
    public FakeSendGridServer Respond(int status, string body = "", params (string Name, string Value)[] headers)
    {
        lock (_gate) _script.Enqueue(new Scripted(status, body, headers, TimeSpan.Zero));
        return this;
    }

    /// <summary>
    /// Queues a response that comes only after <paramref name="stall"/>: with a shorter client timeout, the sender
    /// sees a timeout rather than a status. (HttpListener cannot drop a connection without first answering 200.)
    /// </summary>
    public FakeSendGridServer Stall(TimeSpan stall, int status = 202)
    {
        lock (_gate) _script.Enqueue(new Scripted(status, "", [], stall));
        return this;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Concurrently, so a stalled answer does not hold back the client's next attempt.
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);

        Scripted? next;
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "", headers, body));
            next = _script.Count > 0 ? _script.Dequeue() : null;
        }
        next ??= new Scripted(418, "{\"errors\":[{\"message\":\"unscripted request\"}]}", [], TimeSpan.Zero);

        var response = context.Response;
        try
        {
            if (next.Stall > TimeSpan.Zero) await Task.Delay(next.Stall, _stopping.Token);
            response.StatusCode = next.Status;
            foreach (var (name, value) in next.Headers) response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(next.Body);
            if (bytes.Length > 0) response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (timeout) or the server is stopping: nobody is left to answer.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
        _stopping.Dispose();
    }

    private sealed record Scripted(int Status, string Body, (string Name, string Value)[] Headers, TimeSpan Stall);
}

/// <summary>One request as the fake SendGrid received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
