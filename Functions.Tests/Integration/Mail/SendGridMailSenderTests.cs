using System.Text.Json;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Mail;

/// <summary>The official SendGrid client, really sending HTTP, against <see cref="FakeSendGridServer"/>.</summary>
public sealed class SendGridMailSenderTests : IAsyncLifetime
{
    private readonly FakeSendGridServer _server = FakeSendGridServer.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Posts_the_v3_payload_with_bearer_key_text_before_html_attachment_and_custom_args()
    {
        _server.Respond(202, "", ("X-Message-Id", "msg-1"));
        using var host = MailTestHost.ForSendGrid(_server);

        await host.Sender.SendAsync(SampleMail.Create("digest-2024-Q2"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal($"Bearer {SampleMail.ApiKey}", request.Headers["Authorization"]);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("st@coalicion.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Secretaría Técnica", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("Resumen trimestral — avance del plan", root.GetProperty("subject").GetString());

        var to = Assert.Single(root.GetProperty("personalizations").EnumerateArray()).GetProperty("to").EnumerateArray().ToList();
        Assert.Equal(["presidencia@coalicion.example", "st@coalicion.example"], to.Select(t => t.GetProperty("email").GetString()));
        Assert.Equal("Presidencia Pro Tempore", to[0].GetProperty("name").GetString());

        var content = root.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text/plain", "text/html"], content.Select(c => c.GetProperty("type").GetString()));
        Assert.Equal("Resumen\nEjecución del 2.º trimestre", content[0].GetProperty("value").GetString());
        Assert.Equal("<h1>Resumen</h1><p>Ejecución del 2.º trimestre</p>", content[1].GetProperty("value").GetString());

        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("avance-2024-T2.xlsx", attachment.GetProperty("filename").GetString());
        Assert.Equal(Xlsx.ContentType, attachment.GetProperty("type").GetString());
        Assert.Equal(SampleMail.WorkbookBytes, Convert.FromBase64String(attachment.GetProperty("content").GetString()!));

        Assert.Equal("digest-2024-Q2", root.GetProperty("custom_args").GetProperty(SendGridMailSender.MessageKeyArg).GetString());
        Assert.Equal(["digest"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Copied_recipients_go_in_the_personalizations_cc_and_a_repeated_address_is_refused_before_sending()
    {
        _server.Respond(202);
        using var host = MailTestHost.ForSendGrid(_server);
        var mail = SampleMail.Create("result-GT-2021-Q3-abc");
        var copied = new OutgoingMail
        {
            MessageKey = mail.MessageKey, To = [new MailRecipient("punto.focal@gt.example.org")], Cc = [new MailRecipient("st@coalicion.example")],
            Subject = mail.Subject, HtmlBody = mail.HtmlBody, TextBody = mail.TextBody,
        };

        await host.Sender.SendAsync(copied, CancellationToken.None);
        var twice = new OutgoingMail
        {
            MessageKey = mail.MessageKey, To = [new MailRecipient("st@coalicion.example")], Cc = [new MailRecipient("ST@coalicion.example")],
            Subject = mail.Subject, HtmlBody = mail.HtmlBody, TextBody = mail.TextBody,
        };

        using var json = JsonDocument.Parse(Assert.Single(_server.Requests).Body);
        var personalization = Assert.Single(json.RootElement.GetProperty("personalizations").EnumerateArray());
        Assert.Equal(["punto.focal@gt.example.org"], personalization.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString()));
        Assert.Equal(["st@coalicion.example"], personalization.GetProperty("cc").EnumerateArray().Select(t => t.GetProperty("email").GetString()));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Sender.SendAsync(twice, CancellationToken.None));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Reports_Sent_with_SendGrids_message_id_on_202()
    {
        _server.Respond(202, "", ("X-Message-Id", "Wd3fa2ZnQK-ONQr8ZTjkAw"));
        using var host = MailTestHost.ForSendGrid(_server);

        var delivery = await host.Sender.SendAsync(SampleMail.Create("result-GT-2024Q2"), CancellationToken.None);

        Assert.Equal(MailOutcome.Sent, delivery.Outcome);
        Assert.Equal("Wd3fa2ZnQK-ONQr8ZTjkAw", delivery.ProviderMessageId);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("result-GT-2024Q2", delivery.MessageKey);
        Assert.Empty(host.Delays);
    }

    [Fact]
    public async Task Retries_a_429_once_after_waiting_the_Retry_After_seconds()
    {
        _server.Respond(429, "{\"errors\":[{\"message\":\"too many requests\"}]}", ("Retry-After", "1"))
            .Respond(202, "", ("X-Message-Id", "after-429"));
        using var host = MailTestHost.ForSendGrid(_server);

        var delivery = await host.Sender.SendAsync(SampleMail.Create("digest-429"), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], host.Delays);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal("after-429", delivery.ProviderMessageId);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
    }

    [Fact]
    public async Task Waits_until_X_RateLimit_Reset_when_there_is_no_Retry_After()
    {
        var reset = MailTestHost.Now.AddSeconds(7).ToUnixTimeSeconds();
        _server.Respond(429, "", ("X-RateLimit-Reset", reset.ToString())).Respond(202);
        using var host = MailTestHost.ForSendGrid(_server);

        await host.Sender.SendAsync(SampleMail.Create("digest-ratelimit"), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(7)], host.Delays);
    }

    [Fact]
    public async Task Caps_a_long_Retry_After_at_sixty_seconds()
    {
        _server.Respond(429, "", ("Retry-After", "3600")).Respond(202);
        using var host = MailTestHost.ForSendGrid(_server);

        await host.Sender.SendAsync(SampleMail.Create("digest-long-wait"), CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(60)], host.Delays);
    }

    [Fact]
    public async Task Retries_503_twice_with_jittered_backoff_then_sends()
    {
        _server.Respond(503, "unavailable").Respond(503, "unavailable").Respond(202, "", ("X-Message-Id", "third"));
        using var host = MailTestHost.ForSendGrid(_server);

        var delivery = await host.Sender.SendAsync(SampleMail.Create("digest-503"), CancellationToken.None);

        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, host.Delays.Count);
        // Exponential from one second with decorrelated jitter: each wait is random, none is the fixed backoff.
        Assert.All(host.Delays, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.NotEqual(host.Delays[0], host.Delays[1]);
        Assert.Equal(2, host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Properties.TryGetValue("Status", out var status) && Equals(status, 503)));
    }

    [Fact]
    public async Task Makes_one_request_only_when_MaxAttempts_is_one()
    {
        _server.Respond(503, "unavailable");
        using var host = MailTestHost.ForSendGrid(_server, maxAttempts: 1);

        var ex = await Assert.ThrowsAsync<MailDeliveryException>(
            () => host.Sender.SendAsync(SampleMail.Create("digest-once"), CancellationToken.None));

        Assert.Single(_server.Requests);
        Assert.Empty(host.Delays);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal(503, ex.Status);
    }

    [Fact]
    public async Task Does_not_retry_a_400_and_throws_with_SendGrids_explanation()
    {
        const string body = "{\"errors\":[{\"message\":\"The from address does not match a verified Sender Identity.\",\"field\":\"from\"}]}";
        _server.Respond(400, body);
        using var host = MailTestHost.ForSendGrid(_server);

        var ex = await Assert.ThrowsAsync<MailDeliveryException>(
            () => host.Sender.SendAsync(SampleMail.Create("digest-400"), CancellationToken.None));

        Assert.Single(_server.Requests);
        Assert.Empty(host.Delays);
        Assert.Equal(400, ex.Status);
        Assert.Equal(body, ex.Body);
        Assert.Equal(1, ex.Attempts);
        Assert.Equal("digest-400", ex.MessageKey);
        var logged = Assert.Single(host.Logs.Entries, e => e.Template == "SendGrid rejected mail {MessageKey} with {Status}: {Body}");
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Equal("digest-400", logged.Properties["MessageKey"]);
        Assert.Equal(400, logged.Properties["Status"]);
        Assert.Equal(body, logged.Properties["Body"]);
    }

    [Fact]
    public async Task Gives_up_after_MaxAttempts_server_errors()
    {
        _server.Respond(500, "boom").Respond(502, "bad gateway").Respond(503, "still down");
        using var host = MailTestHost.ForSendGrid(_server, maxAttempts: 3);

        var ex = await Assert.ThrowsAsync<MailDeliveryException>(
            () => host.Sender.SendAsync(SampleMail.Create("digest-down"), CancellationToken.None));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, host.Delays.Count);
        Assert.Equal(503, ex.Status);
        Assert.Equal("still down", ex.Body);
        Assert.Equal(3, ex.Attempts);
    }

    [Fact]
    public async Task Retries_an_attempt_that_times_out_like_a_server_error()
    {
        _server.Stall(TimeSpan.FromSeconds(5)).Respond(202, "", ("X-Message-Id", "after-timeout"));
        using var host = MailTestHost.ForSendGrid(_server, attemptTimeout: TimeSpan.FromMilliseconds(500));

        var delivery = await host.Sender.SendAsync(SampleMail.Create("digest-timeout"), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal("after-timeout", delivery.ProviderMessageId);
        Assert.Single(host.Delays);
    }

    [Fact]
    public async Task Gives_up_when_SendGrid_stays_unreachable()
    {
        var closedPort = FakeSendGridServer.Start();
        var unreachable = closedPort.BaseUrl;
        await closedPort.DisposeAsync();
        using var host = MailTestHost.Create(
            ("Mail:SendGridApiKey", SampleMail.ApiKey), ("Mail:SendGridHost", unreachable), ("Mail:MaxAttempts", "3"));

        var ex = await Assert.ThrowsAsync<MailDeliveryException>(
            () => host.Sender.SendAsync(SampleMail.Create("digest-unreachable"), CancellationToken.None));

        Assert.Null(ex.Status);
        Assert.Equal(3, ex.Attempts);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal(2, host.Delays.Count);
    }

    [Fact]
    public async Task Refuses_an_unresolved_Key_Vault_reference_without_calling_SendGrid()
    {
        const string reference = "@Microsoft.KeyVault(SecretUri=https://kv-plan.vault.azure.net/secrets/SendGridApiKey/)";
        using var host = MailTestHost.ForSendGrid(_server, apiKey: reference);

        await Assert.ThrowsAsync<MailConfigurationException>(
            () => host.Sender.SendAsync(SampleMail.Create("digest-kv"), CancellationToken.None));

        Assert.Empty(_server.Requests);
        var logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("unresolved Key Vault reference", logged.Message);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("SecretUri") || e.Message.Contains("kv-plan"));
    }

    [Fact]
    public async Task Never_logs_the_api_key()
    {
        _server.Respond(401, "{\"errors\":[{\"message\":\"authorization required\"}]}");
        using var host = MailTestHost.ForSendGrid(_server);

        await Assert.ThrowsAsync<MailDeliveryException>(
            () => host.Sender.SendAsync(SampleMail.Create("digest-401"), CancellationToken.None));

        Assert.NotEmpty(host.Logs.Entries);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(SampleMail.ApiKey));
    }
}
