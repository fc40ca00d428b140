using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Locks;

/// <summary>
/// <c>PERIOD_LOCKED</c> in the check every path shares (<see cref="UploadValidator"/>), judged by the calendar alone
/// (the offline dry run): at the upload's arrival when it is known, else now; in the unit's language, naming the day the
/// quarter locked and the ST's registered address.
/// </summary>
public sealed class PeriodLockedValidationTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    private static async Task<UploadCheck> CheckAsync(string unit, DateTimeOffset now, DateTimeOffset? arrivedAt = null)
    {
        var validator = RealPlan.UploadValidator(new FakeTimeProvider(now), lockGraceDays: 15);
        using var content = new MemoryStream(FilledSheet.Complete(unit, Q3.ToString()).Build());
        return await validator.CheckAsync(content, new UploadExpectation(unit, Q3) { ArrivedAt = arrivedAt, LockByCalendarOnly = true }, null, default);
    }

    [Fact]
    public async Task A_sheet_checked_after_the_lock_is_rejected_saying_since_when_and_whom_to_ask_with_nothing_to_merge()
    {
        var check = await CheckAsync("GT", new DateTimeOffset(2021, 11, 20, 0, 0, 0, TimeSpan.Zero));

        var error = Assert.Single(check.Report.Errors);
        Assert.Equal("PERIOD_LOCKED", error.Code);
        Assert.Equal("Si necesita enviar este informe, pida a la Secretaría Técnica (st@coalicion.example.org) que reabra el 3.er trimestre de 2021 para GT: " +
            "está cerrado para los informes de GT desde el 15 de noviembre de 2021, 00:00 (hora de Guatemala, UTC−6), así que ya no se aceptan y las cifras enviadas no cambian.", error.Message);
        Assert.Empty(check.Validation.Activities);
    }

    [Fact]
    public async Task Belize_is_told_in_english()
    {
        var check = await CheckAsync("BZ", new DateTimeOffset(2021, 11, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("If you need to send this report, ask the Technical Secretariat (st@coalicion.example.org) to reopen the 3rd quarter of 2021 for BZ: " +
            "it has been locked for reports of BZ since 15 November 2021, 00:00 (Belize time, UTC−6), so they are no longer accepted and the figures already sent do not change.", Assert.Single(check.Report.Errors).Message);
    }

    [Fact]
    public async Task The_arrival_decides_not_the_moment_of_the_check()
    {
        var afterLock = new DateTimeOffset(2021, 12, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True((await CheckAsync("GT", afterLock, arrivedAt: new DateTimeOffset(2021, 11, 14, 23, 59, 59, TimeSpan.Zero))).Report.Accepted);
        Assert.False((await CheckAsync("GT", new DateTimeOffset(2021, 11, 1, 0, 0, 0, TimeSpan.Zero), arrivedAt: afterLock)).Report.Accepted);
        // Late (after the deadline) but before the lock: accepted.
        Assert.True((await CheckAsync("GT", new DateTimeOffset(2021, 11, 14, 0, 0, 0, TimeSpan.Zero))).Report.Accepted);
    }
}
