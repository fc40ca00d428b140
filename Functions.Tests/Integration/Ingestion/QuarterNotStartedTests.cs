using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary>
/// A quarter that has not opened (by the reporting calendar's clock) takes no uploads: <c>QUARTER_NOT_STARTED</c> in
/// the ingestion, in the check <c>POST /api/validate</c> runs, and in the offline <c>validate</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class QuarterNotStartedTests(AzuriteFixture azurite) : IDisposable
{
    /// <summary>A day before 2021-Q3 opens.</summary>
    private static readonly DateTimeOffset June30 = new(2021, 6, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly string _outbox = Directory.CreateTempSubdirectory("quarter-outbox").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    [Fact]
    public async Task An_upload_for_a_quarter_not_yet_open_is_rejected_saying_when_it_opens_and_nothing_is_merged()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox, time: new FakeTimeProvider(June30));

        var result = await host.IngestAsync(await host.UploadAsync("GT/2021-Q3/informe.xlsx", FilledSheet.Complete("GT", "2021-Q3").Build()));

        Assert.Equal(IngestionOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Report.Errors);
        Assert.Equal("QUARTER_NOT_STARTED", error.Code);
        Assert.Equal("Suba el informe del 3.er trimestre de 2021 a partir del 1 de julio de 2021, cuando se abre: ese trimestre todavía no ha comenzado.", error.Message);
        Assert.Empty(await host.AllAsync(l => l.ProgressTable));
        Assert.Null(await host.Submissions.GetPointerAsync("2021-Q3|GT", default));
        Assert.Equal(SubmissionStatus.Rejected, Assert.Single(await HistoryAsync(host, "2021-Q3")).StatusValue);
        Assert.Equal(1, host.MailsWritten("GT")); // the registered contacts are told why
    }

    [Fact]
    public async Task The_quarter_in_progress_is_accepted_from_its_first_day()
    {
        using var host = new IngestionHost(new TestStorage(azurite), _outbox, time: new FakeTimeProvider(new DateTimeOffset(2021, 7, 1, 0, 0, 0, TimeSpan.Zero)));

        var result = await host.IngestAsync(await host.UploadAsync("GT/2021-Q3/informe.xlsx", FilledSheet.Complete("GT", "2021-Q3").Build()));

        Assert.Equal(IngestionOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task The_check_behind_POST_validate_rejects_it_in_the_units_language_even_when_the_sheet_is_otherwise_fine()
    {
        var validator = RealPlan.UploadValidator(new FakeTimeProvider(June30));
        using var content = new MemoryStream(FilledSheet.Complete("BZ", "2021-Q3").Build());

        var check = await validator.CheckAsync(content, new UploadExpectation("BZ", ReportingPeriod.Parse("2021-Q3")), null, default);

        Assert.False(check.Report.Accepted);
        Assert.Equal("Upload the report for the 3rd quarter of 2021 from 1 July 2021 on, when it opens: that quarter has not started yet.",
            Assert.Single(check.Report.Errors).Message);
        Assert.Empty(check.Validation.Activities);
    }

    [Fact]
    public async Task The_offline_validate_takes_the_period_from_the_sheet_and_checks_it_on_the_clock()
    {
        var path = Path.Combine(_outbox, "informe.xlsx");
        await File.WriteAllBytesAsync(path, FilledSheet.Complete("GT", "2021-Q3").Build());
        var stdout = new StringWriter();

        var code = await CliApp.RunAsync(["validate", path, "--json"], stdout, new StringWriter(), null,
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(June30)));

        Assert.Equal(ExitCodes.Rejected, code);
        Assert.Contains("\"code\": \"QUARTER_NOT_STARTED\"", stdout.ToString());
        Assert.Contains("a partir del 1 de julio de 2021, cuando se abre", stdout.ToString());
    }
}
