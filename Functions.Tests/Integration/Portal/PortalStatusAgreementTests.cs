using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// Issue 20, item 1: a quarter page's status, its upload history and the board's row of the unit say the same thing,
/// for every status the board knows (on time, late, rejected only, missing; each with a sheet being processed where it
/// can be), read from the pages as a person reads them (HTML parsed, not matched). The arrival log shares the history's
/// partition and once showed as an extra "en proceso" upload dated 1 January 0001.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalStatusAgreementTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    /// <summary>What the quarter page says for each status the board shows (the board's tag first).</summary>
    private static readonly Dictionary<string, string> PageStateOf = new(StringComparer.Ordinal)
    {
        ["A tiempo"] = "Aceptado a tiempo",
        ["Tarde"] = "Aceptado tarde",
        ["Solo rechazadas"] = "Rechazado",
        ["Falta"] = "No iniciado",
    };

    /// <summary>The board's tag for each status it knows.</summary>
    private static readonly Dictionary<SubmissionTimeliness, string> BoardTag = new()
    {
        [SubmissionTimeliness.OnTime] = "A tiempo",
        [SubmissionTimeliness.Late] = "Tarde",
        [SubmissionTimeliness.RejectedOnly] = "Solo rechazadas",
        [SubmissionTimeliness.Missing] = "Falta",
    };

    private const string Processing = "En proceso";

    private readonly FakeTimeProvider _clock = new(PortalHost.Now);
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, time: _clock, arrivalsOnClock: true);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static byte[] Accepted(string unit) => FilledSheet.Complete(unit, "2021-Q3").Build();

    private static byte[] Rejected(string unit, double ejecutado = 150) => FilledSheet.Complete(unit, "2021-Q3").Ejecutado("1.1.1.2", ejecutado).Build();

    /// <summary>A sheet whose merge is under way: its history entry as the ingestion writes it first, before any verdict.</summary>
    private async Task ProcessingAsync(string unit, string fileName)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{unit}/{fileName}")));
        await _portal.Server.Services.GetRequiredService<SubmissionStore>().AddPendingOrGetAsync(new SubmissionEntity
        {
            PartitionKey = TableKeys.Partition(Q3, unit),
            RowKey = id,
            Unit = unit,
            Period = Q3.ToString(),
            FileName = fileName,
            UploadBlob = $"{unit}/{Q3}/{fileName}",
            UploadedAt = _clock.GetUtcNow(),
        }, CancellationToken.None);
    }

    [Fact]
    public async Task The_quarter_page_s_status_and_history_agree_with_the_board_for_every_status_it_knows()
    {
        // On time (20 October): GT accepted; SV accepted and another sheet being processed; PA only rejected sheets;
        // DO a rejected sheet and another being processed; NI a sheet being processed and nothing else.
        await _portal.SubmitAsync("GT", "2021-Q3", Accepted("GT"), "informe GT.xlsx");
        await _portal.SubmitAsync("SV", "2021-Q3", Accepted("SV"), "informe SV.xlsx");
        await _portal.SubmitAsync("PA", "2021-Q3", Rejected("PA"), "informe PA.xlsx");
        await _portal.SubmitAsync("PA", "2021-Q3", Rejected("PA", 180), "informe PA corregido.xlsx");
        await _portal.SubmitAsync("DO", "2021-Q3", Rejected("DO"), "informe DO.xlsx");
        _clock.Advance(TimeSpan.FromHours(1));
        await ProcessingAsync("SV", "informe SV v2.xlsx");
        await ProcessingAsync("DO", "informe DO v2.xlsx");
        await ProcessingAsync("NI", "informe NI.xlsx");
        // Late (2 November, before the lock on 15 November): HN accepted; CR accepted and another being processed.
        _clock.SetUtcNow(new DateTimeOffset(2021, 11, 2, 12, 0, 0, TimeSpan.Zero));
        await _portal.SubmitAsync("HN", "2021-Q3", Accepted("HN"), "informe HN.xlsx");
        await _portal.SubmitAsync("CR", "2021-Q3", Accepted("CR"), "informe CR.xlsx");
        _clock.Advance(TimeSpan.FromHours(1));
        await ProcessingAsync("CR", "informe CR v2.xlsx");

        using var reader = _portal.As("lectura@coalicion.example.org", "Coalition.Reader");
        var board = PortalPages.BoardRows(PortalPages.Parse(await reader.GetStringAsync("coalition/2021-Q3")));

        var seen = new HashSet<(string, bool)>();
        foreach (var (unit, row) in board)
        {
            using var focal = _portal.As($"punto.focal@{unit.ToLowerInvariant()}.example.org", $"Unit.{unit}");
            var page = PortalPages.Parse(await focal.GetStringAsync($"units/{unit}/2021-Q3?lang=es"));
            var state = PortalPages.Tags(PortalPages.Summary(page, "Estado"));
            var history = PortalPages.History(page);
            var timeliness = row.Status[0];
            var processing = row.Status.Contains(Processing);
            seen.Add((timeliness, processing));

            // The page's status: the board's, in the page's words, and "en proceso" beside it when the board says so.
            var expected = timeliness == "Falta" && processing ? [Processing]
                : processing ? new[] { PageStateOf[timeliness], Processing } : [PageStateOf[timeliness]];
            Assert.True(expected.SequenceEqual(state), $"{unit}: the board says [{string.Join(", ", row.Status)}], the quarter page [{string.Join(", ", state)}]");

            // The history: as many uploads (and rejected ones) as the board counts, each a real arrival of this quarter.
            var rejected = history.Count(h => h.Result == "Rechazado");
            Assert.Equal(row.Uploads, rejected > 0 ? $"{history.Count} ({rejected})" : history.Count.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(processing, history.Any(h => h.Result == Processing));
            Assert.Equal(row.Current.Length > 0 && !row.Current.StartsWith("historial", StringComparison.Ordinal), history.Any(h => h.Result == "Vigente"));
            Assert.All(history, h =>
            {
                Assert.Contains(" de 2021, ", h.Received, StringComparison.Ordinal);
                Assert.StartsWith("informe ", h.File);
            });
            // The board reads the coalition's clock, the quarter page the unit's: the same instant, each named.
            if (history.Count > 0) Assert.Equal(PortalPages.ShownInstant(row.LastUpload), PortalPages.ShownInstant(history[0].Received));
        }

        // Every status the board knows was read, with and without a sheet being processed where both can be.
        foreach (var timeliness in Enum.GetValues<SubmissionTimeliness>())
        {
            var tag = BoardTag[timeliness];
            Assert.Contains((tag, false), seen);
            if (timeliness != SubmissionTimeliness.RejectedOnly) Assert.Contains((tag, true), seen);
        }
    }

    [Fact]
    public async Task A_quarter_with_only_rejected_uploads_says_rejected_on_its_page_its_quarter_list_and_the_board()
    {
        await _portal.SubmitAsync("PA", "2021-Q3", Rejected("PA"), "informe PA.xlsx");

        using var pa = _portal.As("punto.focal@pa.example.org", "Unit.PA");
        var page = PortalPages.Parse(await pa.GetStringAsync("units/PA/2021-Q3"));
        var quarters = PortalPages.Parse(await pa.GetStringAsync("units/PA"));
        using var reader = _portal.As("lectura@coalicion.example.org", "Coalition.Reader");
        var board = PortalPages.BoardRows(PortalPages.Parse(await reader.GetStringAsync("coalition/2021-Q3")));

        Assert.Equal(["Rechazado"], PortalPages.Tags(PortalPages.Summary(page, "Estado")));
        Assert.Equal("Rechazado", Assert.Single(PortalPages.History(page)).Result);
        Assert.Contains("Rechazado", PortalPages.Tags(quarters.GetElementById("state-2021-Q3")!));
        Assert.Equal(["Solo rechazadas"], board["PA"].Status);
        Assert.Equal("1 (1)", board["PA"].Uploads);
    }
}
