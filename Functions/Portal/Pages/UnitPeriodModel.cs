using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>What a unit's quarter page shows (<see cref="UnitPeriodPage"/>), read by <c>UnitPeriodModels</c>.</summary>
/// <param name="Verdict">The verdict on the form just posted (a post without script); null on a plain visit.</param>
/// <param name="FollowedSubmission">The submission <c>?submission=</c> follows, if any.</param>
public sealed record UnitPeriodModel(
    DateTimeOffset Now,
    UnitQuarter Quarter,
    IReadOnlyList<UnitFiles.RefusedCheck> Refused,
    long MaxUploadBytes,
    UploadVerdict? Verdict = null,
    string? FollowedSubmission = null)
{
    /// <summary>The reminders and late notice the unit was sent for the quarter, oldest first.</summary>
    public IReadOnlyList<ReminderEntity> Reminders { get; init; } = [];

    /// <summary>The ST's registered address(es): whom a focal point asks for a reopening.</summary>
    public IReadOnlyList<string> Secretariat { get; init; } = [];
}
