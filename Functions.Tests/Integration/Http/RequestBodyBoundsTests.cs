using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Http;

/// <summary>
/// Request bodies are read no further than documented, whatever their shape, through the real Kestrel: the upload
/// form at most the size cap plus the form's overhead, a small form at most its 16 KiB, counted as the app reads them
/// (<see cref="RequestBodyMeter"/>). Each body here is 20 MiB sent without a declared length (chunked), so only the
/// app's own bound stops it.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class RequestBodyBoundsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const long Hostile = 20L * 1024 * 1024;
    private const long MaxUploadBytes = 64 * 1024;
    // 2021-Q4: open on the test's day (2021-Q3 is locked by then, and its page offers no upload form).
    private const string Upload = "/units/GT/2021-Q4/upload";
    private const string Reopen = "/coalition/2021-Q3/units/GT/reopen";
    private readonly RequestBodyMeter _meter = new();
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, blobEvents: false,
        new Dictionary<string, string?>
        {
            ["Ingestion:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // 2021-Q3 locks on 15 November: on the 18th the board offers the ST its reopen form (and its anti-forgery cookie).
            ["Reports:LockGraceDays"] = "15",
        },
        time: new FakeTimeProvider(new DateTimeOffset(2021, 11, 18, 12, 0, 0, TimeSpan.Zero)),
        configure: services => services.AddSingleton<IStartupFilter>(_meter));

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_multipart_part_without_Content_Disposition_is_a_malformed_form_refused_with_400_unread()
    {
        using var gt = await _portal.SessionOnAsync("units/GT/2021-Q4", "ana@gt.example.org", "Unit.GT");
        var head = $"--x\r\nContent-Disposition: form-data; name=\"{AntiForgery.FieldName}\"\r\n\r\n{gt.Token}\r\n" +
                   "--x\r\nContent-Type: application/octet-stream\r\n\r\n";

        using var response = await PostAsync(gt, Upload, "multipart/form-data; boundary=x", head, (byte)'a');

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.InRange(_meter.BytesRead(Upload), 1, MaxUploadBytes + UploadForm.FormOverheadBytes + 1);
    }

    [Fact]
    public async Task An_upload_body_that_never_reaches_a_boundary_is_read_no_further_than_the_cap_and_the_form_overhead()
    {
        using var gt = await _portal.SessionOnAsync("units/GT/2021-Q4", "ana@gt.example.org", "Unit.GT");

        using var response = await PostAsync(gt, Upload, "multipart/form-data; boundary=x", "", (byte)'a');

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.Forbidden, $"Answered {response.StatusCode}.");
        Assert.InRange(_meter.BytesRead(Upload), 1, MaxUploadBytes + UploadForm.FormOverheadBytes + 1);
    }

    [Fact]
    public async Task A_small_form_made_only_of_ampersands_is_read_no_further_than_16_KiB()
    {
        using var admin = await _portal.SessionOnAsync("coalition/2021-Q3", "Ana Pérez (ST)", "Coalition.Admin");

        using var response = await PostAsync(admin, Reopen, "application/x-www-form-urlencoded",
            $"{AntiForgery.FieldName}={Uri.EscapeDataString(admin.Token)}&days=7&reason=r", (byte)'&');

        var read = _meter.BytesRead(Reopen);
        Assert.True(read is > 0 and <= SmallForm.MaxBytes + 1, $"Answered {response.StatusCode} having read {read:N0} bytes: {await response.Content.ReadAsStringAsync()}");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.RequestEntityTooLarge, $"Answered {response.StatusCode}.");
    }

    /// <summary>A chunked POST: <paramref name="head"/>, then <paramref name="filler"/> up to 20 MiB.</summary>
    private async Task<HttpResponseMessage> PostAsync(PortalSession session, string path, string contentType, string head, byte filler)
    {
        var content = new GeneratedContent(Encoding.ASCII.GetBytes(head), filler, Hostile);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/')) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("Origin", _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await session.Client.SendAsync(request);
    }

    private sealed class GeneratedContent(byte[] head, byte filler, long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, filler);
            for (long sent = head.Length; sent < length; sent += chunk.Length) await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long value)
        {
            value = 0;
            return false;
        }
    }
}
