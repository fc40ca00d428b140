using System.Collections.Concurrent;
using ServerlessPlan.Bench;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Hostile;

/// <summary>One hostile upload for Guatemala's 2021-Q3 sheet and the verdict it must end in.</summary>
/// <param name="Codes">Finding codes the verdict must hold (an accepted one may hold none).</param>
/// <param name="Copy">What becomes of the annotated copy.</param>
public sealed record HostileCase(string Name, Func<byte[]> Build, bool Accepted, string[] Codes, CopyOutcome Copy)
{
    public override string ToString() => Name;
}

public enum CopyOutcome
{
    /// <summary>No copy is due: accepted without findings, or refused by the guard before anything is read.</summary>
    None,
    Written,

    /// <summary>Refused, with <c>ANNOTATED_COPY_SKIPPED</c> saying why.</summary>
    Skipped,
}

/// <summary>
/// The hostile files and their variants (<see cref="HostileWorkbooks"/>), each built once per test run.
/// Where a file would otherwise be accepted without findings, one typing error is added so that the annotated copy
/// (made only when there are findings) is exercised too.
/// </summary>
public static class HostileCases
{
    public const string Unit = "GT";
    public const string Period = "2021-Q3";

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Built = new();

    /// <summary>A complete sheet with one error (a word for a number): rejected, annotated.</summary>
    private static byte[] WithError() => FilledSheet.Complete(Unit, Period).EjecutadoText("1.1.1.2", "cincuenta").Build();

    private static byte[] Complete() => FilledSheet.Complete(Unit, Period).Build();

    public static readonly IReadOnlyList<HostileCase> All =
    [
        // Parts nobody reads, or reads only for a few cells, made huge.
        new("2.5 M trivial cells in the instructions sheet", () => HostileWorkbooks.InstructionsFlood(WithError()), false,
            ["EJECUTADO_NOT_A_NUMBER"], CopyOutcome.Skipped),
        new("100,000 nested elements in a report sheet cell", () => Nested(NestingPlace.ReportSheetCell), false, ["XML_TOO_DEEP"], CopyOutcome.Skipped),
        // Rows past the template's table.
        new("2.5 M one-cell rows below the table", () => HostileWorkbooks.OneCellRowsBelow(Complete()), false, ["TOO_MANY_ROWS"], CopyOutcome.Skipped),
        new("300 k coded rows below the table", () => HostileWorkbooks.CodedRowsBelow(Complete()), false,
            ["TOO_MANY_ROWS", "ACTIVITY_UNKNOWN"], CopyOutcome.Skipped),
        // Texts past the template's limits.
        new("40,000-character focal point name", () => HostileWorkbooks.LongFocalName(Complete()), false, ["TEXT_TOO_LONG"], CopyOutcome.Written),
        // Nesting in every other part that is parsed…
        // The annotated copy does not parse the shared strings: they are copied as they are.
        new("100,000 nested elements in the shared strings", () => Nested(NestingPlace.SharedStrings), false, ["XML_TOO_DEEP"], CopyOutcome.Written),
        new("100,000 nested elements in the styles", () => Nested(NestingPlace.Styles), false, ["XML_TOO_DEEP"], CopyOutcome.Skipped),
        new("100,000 nested elements in the workbook part", () => Nested(NestingPlace.Workbook), false, ["XML_TOO_DEEP"], CopyOutcome.Skipped),
        new("100,000 nested elements in the workbook's relationships", () => Nested(NestingPlace.WorkbookRelationships), false, ["XML_TOO_DEEP"], CopyOutcome.Skipped),
        new("100,000 nested elements in the package relationships", () => Nested(NestingPlace.PackageRelationships), false, ["XML_TOO_DEEP"], CopyOutcome.Skipped),
        new("100,000 nested elements in the content types", () => Nested(NestingPlace.ContentTypes), false, ["XML_TOO_DEEP"], CopyOutcome.None),
        // … and in one that is not: copied as it is into the annotated copy.
        new("100,000 nested elements in an instructions sheet cell", () => HostileWorkbooks.NestedInPart(WithError(), NestingPlace.InstructionsSheetCell), false,
            ["EJECUTADO_NOT_A_NUMBER"], CopyOutcome.Written),
        // More columns, more strings, more styles, more metadata, other parts.
        new("16,000 more columns on every report row", () => HostileWorkbooks.WideRows(WithError(), 16_000), false, ["EJECUTADO_NOT_A_NUMBER"], CopyOutcome.Written),
        new("1.5 M shared strings, the last one shown", () => HostileWorkbooks.HugeSharedStrings(Complete(), 1_500_000, pointAtLast: true), false,
            ["PART_TOO_LARGE"], CopyOutcome.Skipped),
        new("1.5 M shared strings nobody shows", () => HostileWorkbooks.HugeSharedStrings(Complete(), 1_500_000, pointAtLast: false), true, [], CopyOutcome.None),
        new("1 M cell styles", () => HostileWorkbooks.ManyStyles(Complete(), 1_000_000), false, ["PART_TOO_LARGE"], CopyOutcome.Skipped),
        new("60,000 cell styles (as many as Excel allows)", () => HostileWorkbooks.ManyStyles(WithError(), 60_000), false,
            ["EJECUTADO_NOT_A_NUMBER"], CopyOutcome.Written),
        new("1 M used rows in the metadata sheet", () => HostileWorkbooks.MetadataFlood(Complete(), 1_000_000), true, [], CopyOutcome.None),
        // What a reader's Excel would act on when opening the original or its reviewed copy: refused by the guard.
        new("a link to another file (an externalLinks part)", () => HostileWorkbooks.WithExternalLink(Complete()), false, ["EXTERNAL_LINKS_REFUSED"], CopyOutcome.None),
        new("a DDE formula (cmd|…) in a cell", () => HostileWorkbooks.WithDdeFormula(Complete()), false, ["DDE_FORMULA_REFUSED"], CopyOutcome.None),
        new("a 90 MB part nobody reads", () => HostileWorkbooks.WithPart(WithError(), "xl/media/image1.png", 90L * 1024 * 1024), false,
            ["EJECUTADO_NOT_A_NUMBER"], CopyOutcome.Skipped),
    ];

    private static byte[] Nested(NestingPlace place) => HostileWorkbooks.NestedInPart(Complete(), place);


    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    public static byte[] Bytes(HostileCase hostile) => Built.GetOrAdd(hostile.Name, _ => new Lazy<byte[]>(hostile.Build)).Value;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Name);
        return data;
    }
}
