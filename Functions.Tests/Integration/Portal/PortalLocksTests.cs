using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// Issue 15 in the portal, through the real Kestrel and Azurite, with quarters that lock (the default grace: 2021-Q3 is
/// due 31 October 2021 and locks on 15 November 2021) and one clock that is "now" and the instant each upload arrives:
/// the focal point sees the reminders it was sent and the lock state, a locked quarter has no upload form and still
/// refuses the upload, and the ST reopens from the board (who, when, why recorded) and ends the reopening.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalLocksTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string St = "st@coalicion.example.org";
    private const string GtContacts = "ana@gt.example.org;luis@gt.example.org";
    private readonly FakeTimeProvider _clock = new(PortalHost.Now);
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, time: _clock, arrivalsOnClock: true, extra: new Dictionary<string, string?>
    {
        ["Reports:LockGraceDays"] = "15",
        ["Contacts:SecretariatCopy"] = St,
        ["Contacts:Units:GT"] = GtContacts,
    });

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static DateTimeOffset Nov(int day, int hour = 12) => new(2021, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static readonly ReportingPeriod Q3 = new(2021, 3);

    private T Get<T>() where T : notnull => _portal.Server.Services.GetRequiredService<T>();

    private Task<PortalSession> AdminAsync() =>
        _portal.SessionOnAsync("coalition/2021-Q3", "Ana Pérez (ST)", "Coalition.Admin");

    private async Task<HttpResponseMessage> PostFormAsync(PortalSession session, string path, IDictionary<string, string> fields, string? token = null,
        Action<HttpRequestMessage>? adjust = null, bool json = false)
    {
        var all = new Dictionary<string, string>(fields) { [AntiForgery.FieldName] = token ?? session.Token };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(all) };
        request.Headers.Add("Origin", _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        if (json) request.Headers.Accept.ParseAdd("application/json");
        adjust?.Invoke(request);
        return await session.Client.SendAsync(request);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(PortalSession session, byte[] sheet)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "units/GT/2021-Q3/upload") { Content = PortalHost.Form(session.Token, sheet) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("Origin", _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await session.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static Dictionary<string, string> Reopen(string days, string reason) => new() { ["days"] = days, ["reason"] = reason };

    [Fact]
    public async Task The_focal_point_sees_the_reminders_sent_to_its_unit_and_when_the_quarter_locks_without_anyone_s_address()
    {
        var reminders = Get<ReminderService>();
        _clock.SetUtcNow(new DateTimeOffset(2021, 10, 28, 13, 0, 0, TimeSpan.Zero));
        (await reminders.SendDueAsync(_clock.GetUtcNow(), default)).ThrowIfIncomplete();
        _clock.SetUtcNow(new DateTimeOffset(2021, 10, 31, 13, 0, 0, TimeSpan.Zero));
        (await reminders.SendDueAsync(_clock.GetUtcNow(), default)).ThrowIfIncomplete();
        _clock.SetUtcNow(Nov(10));
        using var gt = _portal.As("ana@gt.example.org", "Unit.GT");

        // Read as a person reads them: the pages' text through a real HTML parser.
        var pageHtml = PortalPages.Parse(await gt.GetStringAsync("units/GT/2021-Q3"));
        var page = PortalPages.Text(pageHtml.Body);
        var english = PortalPages.Text(PortalPages.Parse(await gt.GetStringAsync("units/GT/2021-Q3?lang=en")).Body);
        var quarters = PortalPages.Parse(await gt.GetStringAsync("units/GT?lang=es"));

        Assert.Contains("Recordatorio, 3 días antes del plazo: enviado el 28 de octubre de 2021, 07:00 (hora de Guatemala, UTC−6) a 2 contactos registrados.", page, StringComparison.Ordinal);
        Assert.Contains("Aviso de retraso: enviado el 31 de octubre de 2021, 07:00 (hora de Guatemala, UTC−6) a 2 contactos registrados.", page, StringComparison.Ordinal);
        Assert.Contains("Hasta el 14 de noviembre de 2021 inclusive, un envío se registra como tardío; desde el 15 de noviembre de 2021, el trimestre está cerrado", page, StringComparison.Ordinal);
        Assert.NotNull(pageHtml.QuerySelector("input[name=sheet]"));
        Assert.DoesNotContain("luis@gt.example.org", pageHtml.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Reminder, 3 days before the deadline: sent on 28 October 2021, 07:00 (Guatemala time, UTC−6) to 2 registered contacts.", english, StringComparison.Ordinal);
        Assert.Contains("Late notice: sent on 31 October 2021, 07:00 (Guatemala time, UTC−6)", english, StringComparison.Ordinal);
        Assert.Contains("from 15 November 2021, the quarter is locked", english, StringComparison.Ordinal);
        Assert.Contains("Se cierra el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6)", PortalPages.Tags(quarters.QuerySelector("ul.task-list")!));

        // The ST's board: every unit's mails and the weekly list of the week of 28 October.
        using var reader = _portal.As("presidencia@coalicion.example.org", "Coalition.Reader");
        var board = await reader.GetStringAsync("coalition/2021-Q3");
        Assert.Contains("Recordatorios y avisos por unidad", board, StringComparison.Ordinal);
        Assert.Contains("Aviso de retraso: 31 de octubre de 2021, 07:00 (hora de Guatemala, UTC−6), a 2 contactos registrados", board, StringComparison.Ordinal);
        Assert.Contains("2021-W43", board, StringComparison.Ordinal);
        Assert.Contains("Se cierra el 15 de noviembre de 2021", board, StringComparison.Ordinal);
        Assert.DoesNotContain("Reabrir para una unidad", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_quarter_replaces_the_form_with_whom_to_ask_and_the_upload_is_still_refused_with_period_locked()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");   // its token, taken while the form was there
        _clock.SetUtcNow(Nov(18));

        var page = PortalPages.Parse(await gt.Client.GetStringAsync("units/GT/2021-Q3"));
        var quarters = PortalPages.Parse(await gt.Client.GetStringAsync("units/GT"));
        var (status, body) = await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Build());

        // Where the form was: the state said once ("Cerrado", then since when), and whom to ask, with the ST's address as a link.
        var locked = page.QuerySelector("[data-locked]")!;
        Assert.Contains("Cerrado desde el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6): ya no se aceptan informes", PortalPages.Text(locked), StringComparison.Ordinal);
        Assert.Contains($"pida una reapertura a la Secretaría Técnica ({St})", PortalPages.Text(locked), StringComparison.Ordinal);
        Assert.Equal($"mailto:{St}", locked.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("input[name=sheet]"));
        // The summary says the state without repeating whom to ask.
        Assert.Equal("Cerrado desde el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6).", PortalPages.Text(page.QuerySelector("[data-lock]")));
        Assert.Contains("Cerrado", PortalPages.Tags(quarters.QuerySelector("ul.task-list")!));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("PERIOD_LOCKED", body.GetProperty("report").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.False(await _portal.Storage.Blobs.GetBlobContainerClient(_portal.Storage.Layout.Uploads).ExistsAsync());
    }

    [Fact]
    public async Task The_ST_reopens_from_the_board_with_a_reason_then_GT_s_sheet_is_accepted_and_marked_received_after_the_lock_and_the_ST_locks_again()
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");
        _clock.SetUtcNow(Nov(18, 9));
        using var admin = await AdminAsync();
        Assert.NotEmpty(admin.Token);

        using var reopened = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", Reopen("7", "Cambio de punto focal en el ministerio"));

        Assert.Equal(HttpStatusCode.SeeOther, reopened.StatusCode);
        Assert.Equal("/coalition/2021-Q3?done=reopened&unit=GT", reopened.Headers.Location!.OriginalString);
        var state = await Get<PeriodLockService>().StateAsync("GT", Q3, default);
        var entry = Assert.Single(state.Entries);
        Assert.Equal((LockAction.Reopen, "Ana Pérez (ST)", "Cambio de punto focal en el ministerio", Nov(18, 9), Nov(26, 6)),
            (entry.Action, entry.By, entry.Reason, entry.At, entry.Until));
        var window = "reabierto por Ana Pérez (ST) el 18 de noviembre de 2021 hasta el 25 de noviembre de 2021: «Cambio de punto focal en el ministerio»";
        var board = await admin.Client.GetStringAsync(reopened.Headers.Location.OriginalString.TrimStart('/'));
        Assert.Contains("Cambio registrado", board, StringComparison.Ordinal);
        Assert.Contains($"Hecho. GT, 3.er trimestre de 2021: {window}; acepta informes hasta el 25 de noviembre de 2021 a las 23:59 (hora de Guatemala, UTC−6).", board, StringComparison.Ordinal);
        Assert.Contains("Reabierto hasta el 25 de noviembre de 2021", board, StringComparison.Ordinal);

        _clock.SetUtcNow(Nov(19, 10));
        var page = PortalPages.Parse(await gt.Client.GetStringAsync("units/GT/2021-Q3"));
        // The reopening said once, after its tag (not again in the list of reopenings below it).
        Assert.Equal("Reabierto " + window[("reabierto ".Length)..] + ". Acepta informes hasta el 25 de noviembre de 2021 a las 23:59 (hora de Guatemala, UTC−6).",
            PortalPages.Text(page.QuerySelector("[data-lock]")));
        Assert.NotNull(page.QuerySelector("input[name=sheet]"));
        var (status, body) = await UploadAsync(gt, FilledSheet.Complete("GT", "2021-Q3").Build());
        Assert.Equal(HttpStatusCode.OK, status);
        var submission = await _portal.OutcomeAsync("GT", "2021-Q3", body.GetProperty("submissionId").GetString()!);
        Assert.Equal(SubmissionStatus.Current, submission.StatusValue);

        var after = await admin.Client.GetStringAsync("coalition/2021-Q3");
        var unitPage = PortalPages.Parse(await gt.Client.GetStringAsync("units/GT/2021-Q3"));
        Assert.Contains("Recibido tras el cierre", after, StringComparison.Ordinal);
        Assert.Contains("Recibido tras el cierre", PortalPages.Tags(PortalPages.Summary(unitPage, "Informe vigente")));

        using var locked = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/lock", new Dictionary<string, string> { ["reason"] = "Informe recibido" });
        Assert.Equal(HttpStatusCode.SeeOther, locked.StatusCode);
        var entries = (await Get<PeriodLockService>().StateAsync("GT", Q3, default)).Entries;
        Assert.Equal((LockAction.Lock, "Ana Pérez (ST)", "Informe recibido", Nov(19, 10)), (entries[1].Action, entries[1].By, entries[1].Reason, entries[1].At));
        var relocked = await admin.Client.GetStringAsync(locked.Headers.Location!.OriginalString.TrimStart('/'));
        Assert.Contains("Hecho. GT, 3.er trimestre de 2021: cerrado desde el 19 de noviembre de 2021, 04:00 (hora de Guatemala, UTC−6); no acepta más informes.", relocked, StringComparison.Ordinal);
        var lockedPage = await gt.Client.GetStringAsync("units/GT/2021-Q3");
        Assert.Contains("cerrado de nuevo por Ana Pérez (ST) el 19 de noviembre de 2021", lockedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"sheet\"", lockedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_days_or_reason_answer_the_board_again_with_an_error_summary_in_the_user_s_language_and_record_nothing()
    {
        _clock.SetUtcNow(Nov(18));
        using var admin = await AdminAsync();

        using var empty = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", Reopen("0", "  "));
        using var tooMany = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen?lang=en", Reopen("91", new string('x', PeriodLockService.MaxReasonChars + 1)));
        using var notANumber = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", Reopen("siete", "prórroga"), json: true);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = PortalPages.Parse(await empty.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("div.error-summary[role=alert]") ?? throw new Xunit.Sdk.XunitException("No error summary.");
        Assert.Equal(
            [("#reopen-GT-days", "GT: Indique los días de la reapertura: un número entero de 1 a 90."), ("#reopen-GT-reason", "GT: Indique el motivo de la reapertura.")],
            summary.QuerySelectorAll("a").Select(a => (a.GetAttribute("href"), a.TextContent)));
        var days = page.GetElementById("reopen-GT-days")!;
        Assert.Equal(("days", "text", "numeric", "[0-9]*", "0", "reopen-GT-days-hint reopen-GT-days-error", "true"),
            (days.GetAttribute("name"), days.GetAttribute("type"), days.GetAttribute("inputmode"), days.GetAttribute("pattern"), days.GetAttribute("value"),
                days.GetAttribute("aria-describedby"), days.GetAttribute("aria-invalid")));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var english = await tooMany.Content.ReadAsStringAsync();
        Assert.Contains("Enter the days of the reopening: a whole number from 1 to 90.", english, StringComparison.Ordinal);
        Assert.Contains("The reason can be up to 500 characters long; it has 501.", english, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal("LOCK_CHANGE_INVALID", JsonDocument.Parse(await notANumber.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Empty((await Get<PeriodLockService>().StateAsync("GT", Q3, default)).Entries);
    }

    [Fact]
    public async Task Days_with_spaces_around_them_reopen_as_the_same_days_without()
    {
        _clock.SetUtcNow(Nov(18));
        using var admin = await AdminAsync();

        // As a browser sends "days= 5" (form encoding turns the spaces into '+'), and trailing: the form's check trims.
        using var leading = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", Reopen(" 5", "prórroga"));
        using var trailing = await PostFormAsync(admin, "coalition/2021-Q3/units/HN/reopen", Reopen("5 ", "prórroga"), json: true);
        using var plain = await PostFormAsync(admin, "coalition/2021-Q3/units/SV/reopen", Reopen("5", "prórroga"));

        Assert.Equal(HttpStatusCode.SeeOther, leading.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trailing.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, plain.StatusCode);
        var until = new List<DateTimeOffset?>();
        foreach (var unit in new[] { "GT", "HN", "SV" })
            until.Add(Assert.Single((await Get<PeriodLockService>().StateAsync(unit, Q3, default)).Entries).Until);
        Assert.NotNull(until[2]);
        Assert.All(until, u => Assert.Equal(until[2], u));
    }

    [Fact]
    public async Task Before_the_quarter_locks_the_board_offers_no_form_and_a_reopen_is_refused_with_409()
    {
        _clock.SetUtcNow(Nov(10));
        using var admin = await _portal.SessionOnAsync("units/GT/2021-Q3", "Ana Pérez (ST)", "Coalition.Admin", "Unit.GT");

        var board = await admin.Client.GetStringAsync("coalition/2021-Q3");
        using var early = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", Reopen("7", "prórroga"));

        Assert.Contains("Este trimestre se cierra el 15 de noviembre de 2021, a las 00:00 en la hora de cada unidad; hasta entonces acepta los informes de todas las unidades", board, StringComparison.Ordinal);
        Assert.DoesNotContain("/units/GT/reopen", board, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("2021-Q3 todavía no está cerrado", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Get<PeriodLockService>().StateAsync("GT", Q3, default)).Entries);
    }

    [Fact]
    public async Task Only_an_administrator_with_the_form_s_token_from_this_site_may_reopen()
    {
        _clock.SetUtcNow(Nov(18));
        using var admin = await AdminAsync();
        using var reader = await _portal.SessionOnAsync("units/GT/2021-Q4", "presidencia@coalicion.example.org", "Coalition.Reader");
        using var gt = await _portal.SessionOnAsync("units/GT/2021-Q4", "ana@gt.example.org", "Unit.GT");
        var fields = Reopen("7", "prórroga");

        var readerBoard = await reader.Client.GetStringAsync("coalition/2021-Q3");
        using var byReader = await PostFormAsync(reader, "coalition/2021-Q3/units/GT/reopen", fields, json: true);
        using var byUnit = await PostFormAsync(gt, "coalition/2021-Q3/units/GT/reopen", fields, json: true);
        using var noToken = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", fields, token: "");
        using var othersToken = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", fields, token: gt.Token);
        using var foreign = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", fields,
            adjust: r => { r.Headers.Remove("Origin"); r.Headers.Add("Origin", "https://evil.example"); r.Headers.Remove("Sec-Fetch-Site"); }, json: true);
        using var crossSite = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/lock", fields,
            adjust: r => { r.Headers.Remove("Sec-Fetch-Site"); r.Headers.Add("Sec-Fetch-Site", "cross-site"); });

        Assert.DoesNotContain("Reabrir para una unidad", readerBoard, StringComparison.Ordinal);
        Assert.DoesNotContain("__sp_af", readerBoard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Contains("COALITION_ADMIN_FORBIDDEN", await byReader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Contains("COALITION_ADMIN_FORBIDDEN", await byUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All([noToken, othersToken, foreign, crossSite], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("CROSS_SITE_REFUSED", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Get<PeriodLockService>().StateAsync("GT", Q3, default)).Entries);
    }

    [Fact]
    public async Task A_form_over_its_limits_is_refused_before_or_while_it_is_read()
    {
        _clock.SetUtcNow(Nov(18));
        using var admin = await AdminAsync();

        using var declared = await PostFormAsync(admin, "coalition/2021-Q3/units/GT/reopen", Reopen("7", new string('x', SmallForm.MaxBytes)));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "coalition/2021-Q3/units/GT/reopen")
        {
            Content = new StreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"{AntiForgery.FieldName}={admin.Token}&days=7&reason=" + new string('x', SmallForm.MaxValueChars + 1)))),
        };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.Add("Origin", _portal.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var unbounded = await admin.Client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        // Read no further than a value's limit: the form is unreadable, and so is its token.
        Assert.Equal(HttpStatusCode.Forbidden, unbounded.StatusCode);
        Assert.Empty((await Get<PeriodLockService>().StateAsync("GT", Q3, default)).Entries);
    }
}
