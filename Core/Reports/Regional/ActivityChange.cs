namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// Like-for-like change of an activity since the previous quarter of the same year: the mean of (ejecutado now −
/// ejecutado then) over the units that reported a number for it in <b>both</b> quarters, so that who reported does not
/// pass for progress (a quarter with eight reporters against one with six would otherwise move the mean by itself).
/// </summary>
/// <param name="Units">How many units reported the activity in both quarters.</param>
/// <param name="Points">Mean change of those units, in percentage points.</param>
public sealed record ActivityChange(int Units, double Points);
