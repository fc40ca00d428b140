using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>
/// Days end at midnight on the unit's own clock (issue 20, item 11): at 23:59:59 and at 00:00:00 local time of a UTC−6
/// unit (Guatemala) and a UTC−4 unit (the Dominican Republic), the lateness, the lock, a reopening's last day and the
/// reminders' "N days before" — each read from the rule the ingestion, the reports, the portal and the timer use.
/// </summary>
public sealed class UnitClockBoundaryTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    /// <summary>The local wall-clock instant of a unit, as the absolute instant it is.</summary>
    private static DateTimeOffset Local(string unit, int month, int day, int hour, int minute, int second)
    {
        var zone = RealPlan.Unit(unit).Zone.Info;
        var local = new DateTime(2021, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static ReportingCalendar Calendar() =>
        new(Options.Create(new ReportingOptions()), RealPlan.Plans, RealPlan.Units, new FakeTimeProvider(new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)));

    public static TheoryData<string, int> Units => new() { { "GT", -6 }, { "DO", -4 } };

    [Theory]
    [MemberData(nameof(Units))]
    public void A_sheet_is_on_time_until_23_59_59_of_the_last_day_on_the_units_clock_and_late_from_its_midnight(string unit, int offset)
    {
        var dates = Calendar().Dates(Q3, RealPlan.Unit(unit));

        Assert.Equal(new DateOnly(2021, 10, 30), dates.LastDayToSend);
        Assert.False(dates.IsLate(Local(unit, 10, 30, 23, 59, 59)));
        Assert.True(dates.IsLate(Local(unit, 10, 31, 0, 0, 0)));
        // 00:00 local is -offset hours into the 31st in UTC: a sheet sent at 19:00 on the 30th in Guatemala is on time.
        Assert.Equal(new DateTimeOffset(2021, 10, 31, -offset, 0, 0, TimeSpan.Zero), dates.Deadline);
        Assert.False(dates.IsLate(Local(unit, 10, 30, 19, 0, 0)));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_quarter_locks_at_midnight_on_the_units_clock_after_its_last_day_of_grace(string unit, int offset)
    {
        var calendar = Calendar();
        var state = new PeriodLockState(unit, Q3, calendar.Dates(Q3, RealPlan.Unit(unit)), []);

        Assert.Equal(new DateOnly(2021, 11, 14), state.Dates.LastDayBeforeLock);
        Assert.Equal(PeriodLockStatus.Open, state.At(Local(unit, 11, 14, 23, 59, 59)).Status);
        var locked = state.At(Local(unit, 11, 15, 0, 0, 0));
        Assert.Equal(PeriodLockStatus.Locked, locked.Status);
        Assert.Equal(new DateTimeOffset(2021, 11, 15, -offset, 0, 0, TimeSpan.Zero), locked.LockedSince);
        Assert.False(state.IsAfterLock(Local(unit, 11, 14, 23, 59, 59)));
        Assert.True(state.IsAfterLock(Local(unit, 11, 15, 0, 0, 0)));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_reopening_for_7_days_takes_uploads_until_23_59_59_of_its_last_day_on_the_units_clock(string unit, int offset)
    {
        _ = offset;
        var zone = RealPlan.Unit(unit).Zone;
        var calendar = Calendar();
        // Recorded at 20:00 on 19 November local time (already the 20th in UTC): its days are counted from the unit's 19th.
        var at = Local(unit, 11, 19, 20, 0, 0);
        var until = ReopenWindow.Until(at, 7, zone);
        var state = new PeriodLockState(unit, Q3, calendar.Dates(Q3, RealPlan.Unit(unit)),
            [new LockEntry(1, LockAction.Reopen, at, until, "Ana", "prórroga")]);

        Assert.Equal(Local(unit, 11, 27, 0, 0, 0), until);
        Assert.Equal(new DateOnly(2021, 11, 26), state.Windows.Single().LastDay);
        Assert.Equal(PeriodLockStatus.Reopened, state.At(Local(unit, 11, 26, 23, 59, 59)).Status);
        Assert.Equal(PeriodLockStatus.Locked, state.At(Local(unit, 11, 27, 0, 0, 0)).Status);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_3_days_before_reminder_opens_at_midnight_of_the_units_28_October_and_the_late_notice_at_its_31st(string unit, int offset)
    {
        _ = offset;
        var rules = new ReminderRules(Calendar(), Options.Create(new ReminderOptions { DaysBefore = "14;3" }));
        var zone = RealPlan.Unit(unit).Zone;

        Assert.Equal("before-14", rules.OpenAt(Q3, zone, Local(unit, 10, 27, 23, 59, 59))?.Key);
        Assert.Equal("before-3", rules.OpenAt(Q3, zone, Local(unit, 10, 28, 0, 0, 0))?.Key);
        Assert.Equal("before-3", rules.OpenAt(Q3, zone, Local(unit, 10, 30, 23, 59, 59))?.Key);
        Assert.Equal("late", rules.OpenAt(Q3, zone, Local(unit, 10, 31, 0, 0, 0))?.Key);
        // The 14-day reminder: from midnight on the unit's 17 October (14 days, counting the last day to send).
        Assert.Null(rules.OpenAt(Q3, zone, Local(unit, 10, 16, 23, 59, 59)));
        Assert.Equal("before-14", rules.OpenAt(Q3, zone, Local(unit, 10, 17, 0, 0, 0))?.Key);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_reminder_counts_the_days_left_from_the_units_own_day(string unit, int offset)
    {
        _ = offset;
        var member = RealPlan.Unit(unit);
        var rules = new ReminderRules(Calendar(), Options.Create(new ReminderOptions { DaysBefore = "14;3" }));
        var dates = rules.Dates(Q3, member.Zone);
        var contacts = new Core.Mail.RegisteredContacts(Options.Create(new Core.Mail.ContactOptions
        {
            Units = new(StringComparer.OrdinalIgnoreCase) { [unit] = "fp@example.org" },
        })).For(unit);

        // 23:59:59 on the 29th locally (already the 30th in UTC): two days left, counting today.
        var evening = Local(unit, 10, 29, 23, 59, 59);
        var mail = ReminderMail.Compose(member, rules.OpenAt(Q3, member.Zone, evening)!, evening, 0, contacts, null, dates);
        Assert.Contains("Quedan 2 días, contando hoy.", mail.TextBody);

        var midnight = Local(unit, 10, 30, 0, 0, 0);
        var last = ReminderMail.Compose(member, rules.OpenAt(Q3, member.Zone, midnight)!, midnight, 0, contacts, null, dates);
        Assert.Contains("Hoy es el último día.", last.TextBody);
        Assert.Contains(unit == "GT" ? "(hora de Guatemala, UTC−6)" : "(hora de República Dominicana, UTC−4)", last.TextBody);
    }
}
