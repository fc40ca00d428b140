using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>An axis's figures for a period.</summary>
public sealed record AxisProgress(string AxisCode, LocalizedText Name, ProgressFigures Figures);
