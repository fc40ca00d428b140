using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// What the board page shows: the board, the periods of the picker, a reopen or lock form sent with problems (shown
/// again with its values and errors) and the outcome of a reopen or lock (post/redirect/get: <see cref="DoneQuery"/>,
/// <see cref="UnitQuery"/>).
/// </summary>
public sealed record BoardPageModel(
    BoardView Board,
    IReadOnlyList<ReportingPeriod> Periods,
    ReopenForm.Entry? Entry,
    string? Done,
    string? DoneUnit,
    bool IsAdmin,
    string AntiForgeryToken,
    string? Open)
{
    /// <summary>The query a reopen or lock redirects back with (post/redirect/get): the outcome and the unit.</summary>
    public const string DoneQuery = "done";

    public const string UnitQuery = "unit";

    /// <summary>The unit whose reopen form the board shows open (the row's <i>Reabrir</i> / <i>Cerrar ahora</i> leads there).</summary>
    public const string OpenQuery = "open";

    /// <summary>The board with <paramref name="unit"/>'s forms open, at the field the action starts with.</summary>
    public static string ReopenFormUrl(ReportingPeriod period, string unit, ReopenForm.Action action) =>
        $"{Routes.Coalition(period)}?{OpenQuery}={Uri.EscapeDataString(unit)}#{ReopenForm.FieldId(unit, action, action == ReopenForm.Action.Reopen ? ReopenFunctions.DaysField : ReopenFunctions.ReasonField)}";

    /// <summary>The board's page for the request; <paramref name="entry"/>: a reopen or lock form sent with problems.</summary>
    public static Html Render(PortalContext c, BoardView board, IReadOnlyList<ReportingPeriod> periods, ReopenForm.Entry? entry = null)
    {
        var model = new BoardPageModel(board, periods, entry,
            c.Request.Query[DoneQuery].ToString(), c.Request.Query[UnitQuery].ToString(),
            c.User?.IsAdmin == true,
            c.User?.IsAdmin == true ? c.AntiForgeryToken : "",
            c.Request.Query[OpenQuery].ToString());
        return Layout.Page<BoardPage>(c, new() { [nameof(BoardPage.Model)] = model });
    }
}
