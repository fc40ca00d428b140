namespace ServerlessPlan.Core.Plan;

/// <summary>Who reports an activity, derived from its <c>responsable</c> (seed NOTES item 10).</summary>
public enum ReportingLevel
{
    /// <summary>Every member country reports its own progress.</summary>
    National,

    /// <summary>The Secretaría Técnica reports once for the whole region.</summary>
    Regional,

    /// <summary>Countries report their part and the Secretaría Técnica reports the regional part.</summary>
    Both,
}
