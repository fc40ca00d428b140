using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Http;

/// <summary>
/// <c>POST /api/validate</c> through a real Kestrel on loopback: the same report the ingestion writes, without storing
/// anything, and a body read asynchronously that is never read past the size cap.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ValidateUploadHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Period = "2021-Q3";
    private const long Cap = 10L * 1024 * 1024;

    private FunctionsHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FunctionsHttpServer.StartAsync(new TestStorage(azurite).Settings());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpContent body, string query)
    {
        var response = await _server.Client.PostAsync($"api/validate{query}", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static ByteArrayContent Xlsx(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Core.Sheets.Xlsx.ContentType);
        return content;
    }

    [Fact]
    public async Task Answers_200_with_the_json_report_for_a_sheet_that_would_be_accepted()
    {
        var (response, report) = await PostAsync(Xlsx(FilledSheet.Complete("GT", Period).Quantity("1.1.1.3", 2).Build()), $"?unit=gt&period={Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.True(report.GetProperty("accepted").GetBoolean());
        Assert.Equal("GT", report.GetProperty("unit").GetString());
        Assert.Equal(Period, report.GetProperty("period").GetString());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
        Assert.Equal("QUANTITY_IGNORED", report.GetProperty("warnings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Answers_422_with_every_error_in_the_documented_shape_for_a_sheet_that_would_be_rejected()
    {
        var sheet = FilledSheet.Complete("BZ", Period).Ejecutado("1.1.1.2", 140).DeleteRow("4.1.2.3");

        var (response, report) = await PostAsync(Xlsx(sheet.Build()), "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["accepted", "unit", "period", "file", "language", "errors", "warnings"], report.EnumerateObject().Select(p => p.Name));
        Assert.False(report.GetProperty("accepted").GetBoolean());
        Assert.Equal("en", report.GetProperty("language").GetString());
        Assert.Equal(["ACTIVITY_MISSING", "EJECUTADO_OUT_OF_RANGE"],
            report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Order());
        var range = report.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "EJECUTADO_OUT_OF_RANGE");
        Assert.Equal(["code", "severity", "message", "sheet", "cell", "activity"], range.EnumerateObject().Select(p => p.Name));
        Assert.Equal(sheet.Cell("1.1.1.2", TemplateLayout.EjecutadoColumn), range.GetProperty("cell").GetString());
        Assert.Equal("Report", range.GetProperty("sheet").GetString());
    }

    [Fact]
    public async Task Answers_422_for_a_hostile_upload_without_parsing_it()
    {
        var (response, report) = await PostAsync(Xlsx(HostileFiles.LyingZipBomb()), $"?unit=GT&period={Period}&lang=en");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("UNCOMPRESSED_TOO_LARGE", report.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("en", report.GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("?unit=GT&period=2021-T3", "Trimestre no válido '2021-T3': use la forma AAAA-Qn, p. ej. 2021-Q3.", "INVALID_PERIOD")]
    [InlineData("?unit=BZ&period=Q3-2021", "Invalid period 'Q3-2021': use the form YYYY-Qn, e.g. 2021-Q3.", "INVALID_PERIOD")]
    [InlineData("?unit=GT&period=Q3-2021&lang=en", "Invalid period 'Q3-2021': use the form YYYY-Qn, e.g. 2021-Q3.", "INVALID_PERIOD")]
    [InlineData("?unit=GT&period=2021-Q3&lang=fr", "Idioma no válido 'fr': use es o en.", "INVALID_LANGUAGE")]
    public async Task Answers_400_with_a_problem_for_bad_parameters(string query, string detail, string code)
    {
        var (response, problem) = await PostAsync(Xlsx(FilledSheet.Complete("GT", Period).Build()), query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("", "El archivo es demasiado grande", "10 MB")]
    [InlineData("&lang=en", "The file is too large", "maximum allowed size of 10 MB")]
    public async Task Answers_413_with_a_problem_before_reading_a_body_declared_over_the_cap(string lang, string title, string detail)
    {
        var body = new CountingContent(Cap + 1);
        using var client = _server.CreateClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/validate?unit=GT&period={Period}{lang}") { Content = body };
        // A client that waits for "100 Continue" sends nothing if the server answers first, as it must here.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal("FILE_TOO_LARGE", problem.GetProperty("code").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, body.BytesSent);
    }

    [Fact]
    public async Task Answers_413_to_a_chunked_body_over_the_cap()
    {
        // No length: HttpClient sends it chunked, and only reading tells the server it is too large.
        var content = new StreamContent(NonSeekableStream.OfZeros(Cap + (1024 * 1024)));
        Assert.Null(content.Headers.ContentLength);

        var (response, problem) = await PostAsync(content, "?unit=BZ");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("FILE_TOO_LARGE", problem.GetProperty("code").GetString());
        Assert.Equal("The file is too large", problem.GetProperty("title").GetString());
        Assert.Contains(_server.Logs.Entries, e => e.Template?.StartsWith("Validation request for {Unit} {Period} refused", StringComparison.Ordinal) == true
            && (long)e.Properties["Bytes"]! == Cap + 1);
    }

    [Fact]
    public async Task Answers_413_to_a_chunked_body_that_never_ends_without_waiting_for_its_end()
    {
        // A raw connection: the body's last chunk is never sent, so only a server that stops reading at the cap answers.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/validate?unit=GT&period={Period} HTTP/1.1\r\nHost: {_server.BaseAddress.Authority}\r\n" +
                   $"Content-Type: {Core.Sheets.Xlsx.ContentType}\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sending = SendChunksAsync(stream, Cap + (512 * 1024), stop.Token);

        var answer = await ReadUntilAsync(stream, "FILE_TOO_LARGE", stop.Token);
        await stop.CancelAsync();
        await Task.WhenAny(sending);

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
    }

    private static async Task SendChunksAsync(NetworkStream stream, long total, CancellationToken ct)
    {
        var chunk = new byte[64 * 1024];
        var header = Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n");
        try
        {
            for (long sent = 0; sent < total; sent += chunk.Length)
            {
                await stream.WriteAsync(header, ct);
                await stream.WriteAsync(chunk, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server may close the connection once it has answered.
        }
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, string marker, CancellationToken ct)
    {
        var received = new StringBuilder();
        var buffer = new byte[8192];
        while (!received.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return received.ToString();
    }

    /// <summary>A body of a declared length that counts what the client actually sent of it.</summary>
    private sealed class CountingContent(long length) : HttpContent
    {
        public long BytesSent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < length; sent += chunk.Length)
            {
                var count = (int)Math.Min(chunk.Length, length - sent);
                await stream.WriteAsync(chunk.AsMemory(0, count));
                BytesSent += count;
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
