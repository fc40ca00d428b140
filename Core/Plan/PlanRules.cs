using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The shape rules a plan obeys wherever it comes from (a JSON file, a workbook): ids that can go into blob paths,
/// codes that follow the tree, plausible years. One place, so the loader and the workbook importer agree.
/// </summary>
public static partial class PlanRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>A plan covers at most this many years (each year is two columns of every sheet).</summary>
    public const int MaxYears = 10;

    public const string IdDescription = "1–40 letters, digits, '-' or '_', starting with a letter or digit (e.g. 2023-2025)";

    /// <summary>Plan ids go into blob names (<c>config/plans/{id}.json</c>) and sheet metadata.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// Level 1 = axis (<c>3</c>), 2 = strategic objective (<c>3.2</c>), 3 = operational objective (<c>3.2.1</c>),
    /// 4 = activity (<c>3.2.1.2</c>): dot-separated numbers of 1–3 digits, as many as the level.
    /// </summary>
    public static bool IsValidCode(string? code, int level) =>
        code is not null && CodePattern().IsMatch(code) && code.Count(c => c == '.') == level - 1;

    public static string CodeShape(int level) => level switch
    {
        1 => "a number such as 3",
        2 => "two numbers such as 3.2",
        3 => "three numbers such as 3.2.1",
        _ => "four numbers such as 3.2.1.2",
    };

    public static bool IsPlausibleYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Null when <paramref name="first"/>–<paramref name="last"/> is a usable span of years.</summary>
    public static string? YearsProblem(int first, int last)
    {
        if (first > last) return $"firstYear {first} is after lastYear {last}";
        if (last - first + 1 > MaxYears) return $"{first}–{last} spans {last - first + 1} years; a plan covers at most {MaxYears}";
        return null;
    }

    /// <summary>An id written as two years (<c>2023-2025</c>) must name the plan's own years.</summary>
    public static bool IdContradictsYears(string id, int first, int last)
    {
        var m = YearsIdPattern().Match(id);
        return m.Success
            && (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) != first
                || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) != last);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearsIdPattern();
}
