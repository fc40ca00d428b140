using ClosedXML.Excel;
using Microsoft.Playwright;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Browser;

/// <summary>
/// The portal in a real browser (headless Chromium), against the local server on Azurite with Event Grid emulated:
/// what focal points and readers do, by mouse and by keyboard, with every page checked by axe-core (no serious or
/// critical violation) and kept as a screenshot with the test results.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class PortalBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    /// <summary>No test may hang the suite: a browser step that never answers fails its test instead.</summary>
    private const int TestTimeout = 180_000;

    private PortalHost _portal = null!;
    private readonly PortalBrowser _browser = new(chromium);
    private readonly PageChecks _checks = new(chromium);
    private readonly string _work = Directory.CreateTempSubdirectory("portal-browser-").FullName;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite);

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _portal.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private string Url(string path, PortalHost? host = null) => new Uri((host ?? _portal).BaseAddress, path.TrimStart('/')).ToString();

    private Task<IPage> PageAsAsync(string name, params string[] roles) => PageOnAsync(_portal, name, roles);

    /// <param name="host">The portal to sign in to (a test may start one of its own, with another clock or settings).</param>
    /// <param name="roles">None: a page signed in to nothing.</param>
    private Task<IPage> PageOnAsync(PortalHost host, string name, params string[] roles) =>
        roles.Length > 0 ? _browser.SignedInAsync(host, name, roles) : _browser.SignedOutAsync();

    private async Task<string> DownloadAsync(IPage page, ILocator link, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(_work, fileName);
        await download.SaveAsAsync(path);
        Assert.Null(await download.FailureAsync());
        var head = (await File.ReadAllBytesAsync(path)).Take(200).ToArray();
        Assert.True(head.Length > 2 && head[0] == (byte)'P' && head[1] == (byte)'K', $"{download.Url} saved {new FileInfo(path).Length} bytes: {System.Text.Encoding.UTF8.GetString(head)}");
        return path;
    }

    /// <summary>Fills a downloaded template as a person does in Excel: name and e-mail, then each row's ejecutado, status and a note.</summary>
    private static void FillAsAPersonWould(string path, Action<IXLWorksheet, int>? change = null)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet(TemplateLayout.ReportSheetEs);
        sheet.Cell(TemplateLayout.FocalNameCell).Value = "Ana Pérez";
        sheet.Cell(TemplateLayout.FocalEmailCell).Value = FilledSheet.FocalEmailOf("GT");
        for (var row = TemplateLayout.FirstDataRow; !sheet.Cell(row, TemplateLayout.CodeColumn).IsEmpty(); row++)
        {
            var programado = sheet.Cell(row, TemplateLayout.ProgramadoColumn).GetValue<double?>() ?? 40;
            sheet.Cell(row, TemplateLayout.EjecutadoColumn).Value = programado;
            sheet.Cell(row, TemplateLayout.StatusColumn).Value = programado >= 100 ? "completada" : "en proceso";
            sheet.Cell(row, TemplateLayout.ObservationsColumn).Value = "Talleres y reuniones de seguimiento";
            change?.Invoke(sheet, row);
        }
        workbook.Save();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_focal_point_downloads_the_template_fills_it_uploads_it_and_sees_it_registered()
    {
        var page = await PageAsAsync("ana@gt.example.org", PortalRoles.Unit("GT"));
        await page.GotoAsync(Url("/"));
        await _checks.CheckAsync(page, "01-unit-quarters");
        await page.GetByRole(AriaRole.Link, new() { Name = "3.er trimestre de 2021" }).ClickAsync();
        await _checks.CheckAsync(page, "02-unit-quarter-before-upload");

        var template = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Descargar la plantilla del 3.er trimestre de 2021 (.xlsx)" }), "plantilla.xlsx");
        FillAsAPersonWould(template);
        await page.SetInputFilesAsync("#sheet", template);
        await page.GetByRole(AriaRole.Button, new() { Name = "Comprobar y enviar" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Informe aceptado" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Registrado como su informe vigente.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The status and history update in place once the outcome is recorded.
        await Assertions.Expect(page.Locator("[data-refresh=history] table")).ToContainTextAsync("Vigente");
        await _checks.CheckAsync(page, "03-unit-quarter-accepted");

        await page.ReloadAsync();
        // Accepted; on time or late by the blob's own time (Azurite stamps uploads with today's date, the clock says 2021).
        await Assertions.Expect(page.Locator("dd .tag")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Aceptado (a tiempo|tarde)$"));
        await Assertions.Expect(page.Locator("table").GetByText("Vigente")).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "04-unit-quarter-history");
    }

    /// <summary>Checks the page at the desktop width and at a phone's (390 px), then reads it with a real HTML parser.</summary>
    private async Task<AngleSharp.Dom.IDocument> CheckAtBothWidthsAsync(IPage page, string name)
    {
        await _checks.CheckAsync(page, $"{name}-1280");
        await page.SetViewportSizeAsync(390, 844);
        await _checks.CheckAsync(page, $"{name}-390");
        await page.SetViewportSizeAsync(1280, 900);
        return PortalPages.Parse(await page.ContentAsync());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Two_focal_points_send_different_sheets_with_one_name_at_once_and_the_quarter_page_shows_both_and_no_phantom()
    {
        var ana = await PageAsAsync("ana@gt.example.org", PortalRoles.Unit("GT"));
        var luis = await PageAsAsync("luis@gt.example.org", PortalRoles.Unit("GT"));
        var files = new List<string>();
        foreach (var (who, value) in new[] { ("ana", 10.0), ("luis", 20.0) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_work, who)).FullName;
            var path = Path.Combine(folder, "informe GT.xlsx");
            await File.WriteAllBytesAsync(path, FilledSheet.Complete("GT", "2021-Q3").Ejecutado("1.1.1.2", value).Build());
            files.Add(path);
        }
        foreach (var page in new[] { ana, luis }) await page.GotoAsync(Url("/units/GT/2021-Q3"));
        await ana.SetInputFilesAsync("#sheet", files[0]);
        await luis.SetInputFilesAsync("#sheet", files[1]);

        // The host's clock stands still: both arrive in the same second, under the same file name.
        await Task.WhenAll(
            ana.GetByRole(AriaRole.Button, new() { Name = "Comprobar y enviar" }).ClickAsync(),
            luis.GetByRole(AriaRole.Button, new() { Name = "Comprobar y enviar" }).ClickAsync());

        foreach (var page in new[] { ana, luis })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Informe aceptado" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-state-message]")).ToHaveTextAsync(
                new System.Text.RegularExpressions.Regex("^Registrado"), new() { Timeout = 30_000 });
        }
        await ana.ReloadAsync();
        var quarter = await CheckAtBothWidthsAsync(ana, "20-unit-quarter-two-same-name-uploads");

        var history = PortalPages.History(quarter);
        Assert.Equal(2, history.Count);
        Assert.Equal(["Reemplazado", "Vigente"], history.Select(h => h.Result).Order(StringComparer.Ordinal));
        // Arrivals are stamped by Azurite's clock here (this host's uploads are not on the app's clock): no phantom of year 1.
        Assert.All(history, h => Assert.DoesNotContain(" de 0001, ", h.Received, StringComparison.Ordinal));
        // Both under the name they were sent with; their links tell them apart (two verdict pages, no two names alike).
        Assert.Single(history.Select(h => h.File).Distinct(StringComparer.Ordinal));
        var links = quarter.QuerySelectorAll("main table a").ToList();
        Assert.Equal(2, links.Where(a => a.GetAttribute("href")!.EndsWith("/verdict", StringComparison.Ordinal)).Select(a => a.GetAttribute("href")).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(links.Count, links.Select(PortalPages.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["ana@gt.example.org", "luis@gt.example.org"], history.Select(h => h.SentBy).Order(StringComparer.Ordinal));
        Assert.Matches("^Aceptado (a tiempo|tarde)$", Assert.Single(PortalPages.Tags(PortalPages.Summary(quarter, "Estado"))));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_quarter_with_only_rejected_uploads_says_rejected_on_the_page_as_on_the_board()
    {
        await _portal.SubmitAsync("PA", "2021-Q3", FilledSheet.Complete("PA", "2021-Q3").Ejecutado("1.1.1.2", 150).Build(), "informe PA.xlsx");
        var pa = await PageAsAsync("punto.focal@pa.example.org", PortalRoles.Unit("PA"));
        var reader = await PageAsAsync("lectura@coalicion.example.org", PortalRoles.CoalitionReader);

        await pa.GotoAsync(Url("/units/PA/2021-Q3"));
        var quarter = await CheckAtBothWidthsAsync(pa, "21-unit-quarter-rejected-only");
        await reader.GotoAsync(Url("/coalition/2021-Q3"));
        var board = PortalPages.BoardRows(await CheckAtBothWidthsAsync(reader, "22-board-rejected-only"));

        Assert.Equal(["Rechazado"], PortalPages.Tags(PortalPages.Summary(quarter, "Estado")));
        Assert.Equal("Rechazado", Assert.Single(PortalPages.History(quarter)).Result);
        Assert.Equal(["Solo rechazadas"], board["PA"].Status);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_sheet_with_150_in_an_ejecutado_cell_is_rejected_naming_that_cell()
    {
        var page = await PageAsAsync("ana@gt.example.org", PortalRoles.Unit("GT"));
        await page.GotoAsync(Url("/units/GT/2021-Q3"));
        var template = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Descargar la plantilla del 3.er trimestre de 2021 (.xlsx)" }), "plantilla.xlsx");
        string? cell = null;
        FillAsAPersonWould(template, (sheet, row) =>
        {
            if (cell is not null) return;
            var target = sheet.Cell(row, TemplateLayout.EjecutadoColumn);
            target.Value = 150;
            cell = target.Address.ToString();
        });

        await page.SetInputFilesAsync("#sheet", template);
        await page.GetByRole(AriaRole.Button, new() { Name = "Comprobar y enviar" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync($"celda {cell}");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await _checks.CheckAsync(page, "05-unit-quarter-rejected");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#issue-1")).ToContainTextAsync(cell!);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Descargar la copia revisada (.xlsx)" })).ToBeVisibleAsync();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_GT_focal_point_cannot_reach_HN_pages_nor_upload_for_HN()
    {
        var page = await PageAsAsync("ana@gt.example.org", PortalRoles.Unit("GT"));

        var response = await page.GotoAsync(Url("/units/HN/2021-Q3"));
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sin acceso" })).ToBeVisibleAsync();
        await _checks.CheckAsync(page, "06-forbidden");

        // The form's token from GT's own page, posted to HN's upload from the same browser session.
        await page.GotoAsync(Url("/units/GT/2021-Q3"));
        var token = await page.Locator("input[name=__sp_af]").InputValueAsync();
        var upload = await page.APIRequest.PostAsync(Url("/units/HN/2021-Q3/upload"), new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Origin"] = _portal.BaseAddress.GetLeftPart(UriPartial.Authority), ["Accept"] = "application/json" },
            Multipart = page.APIRequest.CreateFormData().Append("__sp_af", token)
                .Append("sheet", new FilePayload { Name = "hn.xlsx", MimeType = "application/octet-stream", Buffer = FilledSheet.Complete("HN", "2021-Q3").Build() }),
        });
        Assert.Equal(403, upload.Status);
        Assert.Contains("UNIT_FORBIDDEN", await upload.TextAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_reader_sees_the_board_and_the_progress_and_downloads_a_workbook_that_opens()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        await _portal.SubmitAsync("HN", "2021-Q3", FilledSheet.Complete("HN", "2021-Q3").Ejecutado("1.1.1.2", 150).Build());
        await _portal.SubmitAsync("BZ", "2021-Q3", FilledSheet.Complete("BZ", "2021-Q3").Build());
        var page = await PageAsAsync("presidencia@coalicion.example.org", PortalRoles.CoalitionReader);

        await page.GotoAsync(Url("/"));
        await _checks.CheckAsync(page, "07-reader-home");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cumplimiento de cada unidad" }).ClickAsync();
        // On 20 October the calendar's quarter is 2021-Q2 (the last one due); the picker moves to the one in progress.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cumplimiento del 2.º trimestre de 2021" })).ToBeVisibleAsync();
        await page.GetByLabel("Trimestre", new() { Exact = true }).SelectOptionAsync("2021-Q3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cumplimiento del 3.er trimestre de 2021" })).ToBeVisibleAsync();
        var guatemala = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Guatemala (GT)" });
        // Azurite stamps uploads with today's date while the clock says 2021: accepted sheets count as late here.
        await Assertions.Expect(guatemala).ToContainTextAsync(new System.Text.RegularExpressions.Regex("A tiempo|Tarde"));
        await Assertions.Expect(guatemala).ToContainTextAsync("informe.xlsx");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Honduras (HN)" })).ToContainTextAsync("Solo rechazadas");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nicaragua (NI)" })).ToContainTextAsync("Falta");
        await _checks.CheckAsync(page, "08-coalition-board");

        await page.GetByRole(AriaRole.Link, new() { Name = "Avance regional" }).ClickAsync();
        await Assertions.Expect(page.Locator("meter").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ejecutado regional de cada" })).ToContainTextAsync("de 9");
        await _checks.CheckAsync(page, "09-coalition-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "Resumen para la Presidencia" }).ClickAsync();
        await Assertions.Expect(page.FrameLocator("iframe.digest-frame").Locator("body")).ToContainTextAsync("2021-Q3");
        await _checks.CheckAsync(page, "10-coalition-digest");

        var path = await DownloadAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Descargar el libro consolidado (.xlsx)" }), "consolidado.xlsx");
        using var workbook = new XLWorkbook(path);
        Assert.Contains("3.er trimestre de 2021", workbook.Worksheet("Resumen").Cell(1, 1).GetString());
        Assert.Equal(["BZ", "GT"], workbook.Worksheet("Datos").RowsUsed().Skip(1).Where(r => !r.Cell(15).IsEmpty()).Select(r => r.Cell(4).GetString()).Distinct().Order());
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_focal_point_uploads_with_the_keyboard_alone()
    {
        var sheet = Path.Combine(_work, "informe.xlsx");
        await File.WriteAllBytesAsync(sheet, FilledSheet.Complete("GT", "2021-Q3").Build());
        var page = await PageAsAsync("ana@gt.example.org", PortalRoles.Unit("GT"));
        await page.GotoAsync(Url("/units/GT/2021-Q3"));

        for (var presses = 0; presses < 40 && await page.EvaluateAsync<string>("document.activeElement && document.activeElement.id") != "sheet"; presses++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("sheet", await page.EvaluateAsync<string>("document.activeElement.id"));
        // Space opens the file input's dialog (Enter too); the dialog is the system's, so the test answers it.
        IFileChooser? chooser = null;
        foreach (var key in new[] { "Space", "Enter", "Space" })
        {
            try
            {
                chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync(key), new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException)
            {
                Assert.Equal("sheet", await page.EvaluateAsync<string>("document.activeElement.id"));
            }
        }
        await Assert.IsAssignableFrom<IFileChooser>(chooser).SetFilesAsync(sheet);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Informe aceptado" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Registrado como su informe vigente.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/> (a page's natural order, as a keyboard user goes).</summary>
    private static async Task TabToAsync(IPage page, string selector, int most = 150)
    {
        for (var presses = 0; presses < most && !await page.EvaluateAsync<bool>($"document.activeElement && document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selector)})"); presses++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>($"document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selector)})"), $"Tab never reached {selector}.");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_ST_reopens_GT_s_locked_quarter_from_the_board_with_the_keyboard_alone()
    {
        // A portal whose quarters lock (2021-Q3 locked on 15 November 2021), three days after the lock.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2021, 11, 18, 9, 0, 0, TimeSpan.Zero));
        await using var locked = await PortalHost.StartAsync(azurite, time: clock, extra: new Dictionary<string, string?>
        {
            ["Reports:LockGraceDays"] = "15",
            ["Contacts:SecretariatCopy"] = "st@coalicion.example.org",
        });
        var focal = await PageOnAsync(locked, "ana@gt.example.org", PortalRoles.Unit("GT"));
        await focal.GotoAsync(Url("/units/GT/2021-Q3", locked));
        await Assertions.Expect(focal.Locator("[data-locked]")).ToContainTextAsync("Cerrado desde el 15 de noviembre de 2021");
        await Assertions.Expect(focal.Locator("#sheet")).ToHaveCountAsync(0);
        await _checks.CheckAsync(focal, "15-unit-locked");

        var st = await PageOnAsync(locked, "Ana Pérez (ST)", PortalRoles.CoalitionAdmin);
        await st.GotoAsync(Url("/coalition/2021-Q3", locked));
        await Assertions.Expect(st.GetByRole(AriaRole.Row).Filter(new() { HasText = "Guatemala (GT)" })).ToContainTextAsync("Cerrado");
        await _checks.CheckAsync(st, "16-board-locked-admin");

        // Open GT's section, leave the reason empty and send: the board comes back with the problem named.
        await TabToAsync(st, "#lock-GT > summary");
        await st.Keyboard.PressAsync("Enter");
        await TabToAsync(st, "#reopen-GT-days");
        await st.Keyboard.PressAsync("Control+A");
        await st.Keyboard.TypeAsync("7");
        await TabToAsync(st, "#lock-GT button[type=submit]");
        await st.Keyboard.PressAsync("Enter");
        await Assertions.Expect(st.GetByRole(AriaRole.Alert)).ToContainTextAsync("GT: Indique el motivo de la reapertura.");
        Assert.True(await st.EvaluateAsync<bool>("document.activeElement.classList.contains('error-summary')"), "The error summary should take the focus.");
        await _checks.CheckAsync(st, "17-board-reopen-error");

        await TabToAsync(st, "#reopen-GT-reason");
        await st.Keyboard.TypeAsync("Cambio de punto focal en el ministerio");
        await TabToAsync(st, "#lock-GT button[type=submit]");
        await st.Keyboard.PressAsync("Enter");
        await Assertions.Expect(st.GetByRole(AriaRole.Status).Filter(new() { HasText = "Cambio registrado" }))
            .ToContainTextAsync("reabierto por Ana Pérez (ST) el 18 de noviembre de 2021 hasta el 25 de noviembre de 2021: «Cambio de punto focal en el ministerio»");
        await Assertions.Expect(st.GetByRole(AriaRole.Row).Filter(new() { HasText = "Guatemala (GT)" })).ToContainTextAsync("Reabierto hasta el 25 de noviembre de 2021");
        await _checks.CheckAsync(st, "18-board-reopened");

        await focal.ReloadAsync();
        await Assertions.Expect(focal.Locator("[data-lock]")).ToContainTextAsync("Reabierto por Ana Pérez (ST) el 18 de noviembre de 2021");
        await Assertions.Expect(focal.Locator("#sheet")).ToBeVisibleAsync();
        await _checks.CheckAsync(focal, "19-unit-reopened");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_ST_finds_a_poisoned_upload_on_the_operations_page_and_processes_it_again_at_1280_and_390_px()
    {
        // A sheet the function gave up on after five attempts: its blob is there, its message in the poison queue.
        var blobName = "SV/2021-Q3/informe-devuelto.xlsx";
        var uploads = _portal.Storage.Blobs.GetBlobContainerClient(_portal.Storage.Layout.Uploads);
        await uploads.CreateIfNotExistsAsync();
        await uploads.GetBlobClient(blobName).UploadAsync(new BinaryData(FilledSheet.Complete("SV", "2021-Q3").Build()), overwrite: true);
        await Integration.Operations.OperationsStatusTests.PoisonAsync(_portal.Storage, blobName);

        var st = await PageAsAsync("Ana Pérez (ST)", "Coalition.Admin", "Coalition.Reader");
        await st.GotoAsync(Url("/coalition/2021-Q3"));
        await st.GetByRole(AriaRole.Link, new() { Name = "Operación del sistema" }).ClickAsync();
        await Assertions.Expect(st.GetByRole(AriaRole.Heading, new() { Name = "Operación del sistema", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(st.Locator("[data-status=attention]")).ToContainTextAsync("POISON_MESSAGE");
        // The slot no run recorded reads in Spanish with its code beside it, and has no quarter to name.
        var slot = st.Locator("#digests ~ .table-wrap").First.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell);
        await Assertions.Expect(slot.Nth(1)).ToHaveTextAsync("—");
        await Assertions.Expect(slot.Nth(2)).ToHaveTextAsync("Faltante (Missing)");
        await _checks.CheckAsync(st, "20-operations-attention");
        await st.SetViewportSizeAsync(390, 844);
        await _checks.CheckAsync(st, "21-operations-attention-390");
        await st.SetViewportSizeAsync(1280, 900);

        var row = st.GetByRole(AriaRole.Row).Filter(new() { HasText = blobName }).First;
        await row.GetByRole(AriaRole.Button, new() { Name = "Procesar de nuevo" }).ClickAsync();

        await Assertions.Expect(st.GetByRole(AriaRole.Status).Filter(new() { HasText = "Procesado de nuevo" })).ToContainTextAsync("Se procesó de nuevo 1 planilla;");
        await Assertions.Expect(st.Locator("#returned")).ToBeVisibleAsync();
        await _checks.CheckAsync(st, "22-operations-replayed");
        var period = await _portal.Storage.Submissions().ListPeriodAsync(Core.Plan.ReportingPeriod.Parse("2021-Q3"), default);
        Assert.Equal(Assert.Single(period.History, h => h.UploadBlob.EndsWith(blobName, StringComparison.Ordinal)).RowKey, period.PointerFor("SV")!.SubmissionId);
        Assert.DoesNotContain("POISON_MESSAGE", await st.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Every_other_page_passes_the_accessibility_check_in_both_languages()
    {
        var anonymous = await PageAsAsync("nobody");
        await anonymous.GotoAsync(Url("/"));
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await _checks.CheckAsync(anonymous, "11-start");

        // The development sign-in's page: pick a role, as a person trying the portal locally does.
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión" }).ClickAsync();
        await _checks.CheckAsync(anonymous, "12-development-sign-in");
        await anonymous.GetByLabel("Punto focal de Belice").CheckAsync();
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        // Belize's focal points read English.
        await Assertions.Expect(anonymous.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Your quarterly reports" })).ToBeVisibleAsync();
        await _checks.CheckAsync(anonymous, "13-unit-quarters-english");
        await anonymous.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(anonymous.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Sus informes trimestrales" })).ToBeVisibleAsync();

        var missing = await anonymous.GotoAsync(Url("/units/BZ/2031-Q1"));
        Assert.Equal(404, missing!.Status);
        await _checks.CheckAsync(anonymous, "14-not-found");
    }
}
