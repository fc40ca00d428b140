namespace ServerlessPlan.Tests.Support;

/// <summary>
/// What a test needs beyond this process, as the xunit trait <c>Needs</c> on its class or method:
/// <c>[Trait(Needs.Trait, Needs.Azurite)]</c>. <c>scripts/test.sh --fast</c> runs the tests that carry none of these,
/// without starting Azurite or installing anything, and tells the tests so (<c>TESTS_WITHOUT</c>): a fixture or helper
/// that reaches one of these then fails its test at once, naming the trait it lacks (<see cref="Require"/>), so the split
/// stays honest. <c>scripts/test.sh</c> without <c>--fast</c> runs every test.
/// </summary>
public static class Needs
{
    public const string Trait = "Needs";

    /// <summary>The storage emulator (<see cref="AzuriteFixture"/>), with or without the local host on Kestrel over it.</summary>
    public const string Azurite = "Azurite";

    /// <summary>Headless Chromium through Playwright (<c>Browser/ChromiumFixture</c>).</summary>
    public const string Browser = "Browser";

    /// <summary>LibreOffice Calc (<see cref="LibreOffice"/>).</summary>
    public const string LibreOffice = "LibreOffice";

    /// <summary>infra/main.bicep compiled by the pinned Bicep CLI (<c>Unit/Infra/CompiledTemplate</c>).</summary>
    public const string Bicep = "Bicep";

    /// <summary>PowerShell 7 for the Windows deployment scripts (<c>Unit/Infra/PowerShellTool</c>).</summary>
    public const string PowerShell = "PowerShell";

    public static IReadOnlyList<string> All { get; } = [Azurite, Browser, LibreOffice, Bicep, PowerShell];

    /// <summary>The needs this run goes without: <c>TESTS_WITHOUT</c>, space- or comma-separated (none when unset).</summary>
    public static IReadOnlySet<string> Missing { get; } =
        (Environment.GetEnvironmentVariable("TESTS_WITHOUT") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Called where a need is first reached: fails the test when this run goes without it.</summary>
    public static void Require(string need)
    {
        if (Missing.Contains(need))
        {
            throw new InvalidOperationException(
                $"This run goes without {need} (scripts/test.sh --fast): a test that reaches it must carry [Trait(Needs.Trait, Needs.{need})].");
        }
    }
}
