using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The board's lock cell and follow-up section (<see cref="LockBoardCell"/>, <see cref="BoardFollowUp"/>) for the board
/// while it is still written as strings; a board written as a component uses the components themselves, and this
/// file goes with the last caller.
/// </summary>
public static class BoardFragments
{
    public static Html LockCell(PortalContext c, BoardRow row) =>
        PageFragment.Render<LockBoardCell>(c.Language, new() { [nameof(LockBoardCell.Row)] = row });

    public static Html FollowUp(PortalContext c, QuarterFollowUp followUp, ReportingZone zone) =>
        PageFragment.Render<BoardFollowUp>(c.Language, new() { [nameof(BoardFollowUp.FollowUp)] = followUp, [nameof(BoardFollowUp.Zone)] = zone });
}
