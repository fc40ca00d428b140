namespace ServerlessPlan.Core.Plan;

/// <summary>
/// A plan or reporting-units file that cannot be used. Every problem found is listed, so whoever edits the file
/// fixes them in one pass instead of one restart per error.
/// </summary>
public sealed class PlanFormatException : Exception
{
    public PlanFormatException(string source, IReadOnlyList<string> errors)
        : base(Describe(source, errors))
    {
        Document = source;
        Errors = errors;
    }

    /// <summary>What was being loaded, e.g. <c>plan file '/cfg/plan.json'</c> or <c>embedded plan '2020-2022'</c>.</summary>
    public string Document { get; }

    public IReadOnlyList<string> Errors { get; }

    private static string Describe(string source, IReadOnlyList<string> errors) =>
        $"The {source} is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(e => Environment.NewLine + "- " + e));
}
