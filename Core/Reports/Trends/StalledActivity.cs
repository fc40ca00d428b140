using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// An activity that has not moved for <see cref="Quarters"/> quarters in a row up to the trend's last quarter: each of
/// them with a like-for-like change of 0 points (<see cref="ActivityChange"/>), while still below its programado.
/// </summary>
/// <param name="Latest">The activity in the trend's last quarter.</param>
public sealed record StalledActivity(ActivityProgress Latest, int Quarters);
