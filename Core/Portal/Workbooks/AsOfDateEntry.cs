namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// What a person typed in the portal's as-of form (the GOV.UK date-input pattern: day, month and year as three
/// fields, then an optional hour and minute), on the coalition's clock. Kept as typed, so a form sent back with a
/// problem shows the same values.
/// </summary>
public sealed record AsOfDateEntry(string Day, string Month, string Year, string Hour, string Minute)
{
    public static AsOfDateEntry Empty { get; } = new("", "", "", "", "");

    /// <summary>The text of <paramref name="part"/> as typed.</summary>
    public string this[AsOfPart part] => part switch
    {
        AsOfPart.Day => Day,
        AsOfPart.Month => Month,
        AsOfPart.Year => Year,
        AsOfPart.Hour => Hour,
        _ => Minute,
    };
}

/// <summary>The form's fields, in the order they are shown (the error summary links to the first one wrong).</summary>
public enum AsOfPart
{
    Day,
    Month,
    Year,
    Hour,
    Minute,
}

/// <summary>
/// One problem with what was typed: its message (what to do, in both languages) and the fields it concerns, the first
/// being where the error summary's link goes.
/// </summary>
public sealed record AsOfProblem(IReadOnlyList<AsOfPart> Parts, Localization.LocalizedText Message)
{
    public AsOfPart First => Parts[0];

    /// <summary>Whether the problem is about the date (day, month, year) rather than the time.</summary>
    public bool AboutDate => First is AsOfPart.Day or AsOfPart.Month or AsOfPart.Year;
}

/// <summary>The instant read from the form (UTC), or its problems; never both.</summary>
public sealed record AsOfDateReading(DateTimeOffset? Instant, IReadOnlyList<AsOfProblem> Problems)
{
    public static AsOfDateReading Of(DateTimeOffset instant) => new(instant, []);

    public static AsOfDateReading Wrong(params AsOfProblem[] problems) => new(null, problems);

    public bool IsValid => Instant is not null;

    /// <summary>The problem with <paramref name="part"/>, if any.</summary>
    public AsOfProblem? ProblemWith(AsOfPart part) => Problems.FirstOrDefault(p => p.Parts.Contains(part));
}
