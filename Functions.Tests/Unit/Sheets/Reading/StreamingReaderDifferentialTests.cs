using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// The streaming reader against the ClosedXML reader it replaced (<see cref="ClosedXmlReferenceReader"/>), on the
/// same bytes: every cell must come out the same (kind, value, text, number format, formula), and rows and metadata too.
/// </summary>
public sealed class StreamingReaderDifferentialTests
{
    private static readonly SubmissionSheetReader Streaming = new(NullLogger<SubmissionSheetReader>.Instance);
    private static readonly ClosedXmlReferenceReader Oracle = new();

    [Theory]
    [MemberData(nameof(ClosedXmlCorpus.Names), MemberType = typeof(ClosedXmlCorpus))]
    public void Reads_a_ClosedXML_written_workbook_as_the_ClosedXML_reader_did(string corpusCase)
    {
        var bytes = ClosedXmlCorpus.Cases[corpusCase]();

        var expected = Oracle.Read(new MemoryStream(bytes));
        var actual = Streaming.Read(new MemoryStream(bytes));

        Assert.Null(expected.OpenError);
        SubmittedSheetComparison.AssertSame(expected, actual, corpusCase);
    }

    [Theory]
    [MemberData(nameof(HandWrittenCorpus.Names), MemberType = typeof(HandWrittenCorpus))]
    public void Reads_a_workbook_written_by_other_tools_as_the_ClosedXML_reader_did(string corpusCase)
    {
        var bytes = HandWrittenCorpus.Cases[corpusCase]();

        var expected = Oracle.Read(new MemoryStream(bytes));
        var actual = Streaming.Read(new MemoryStream(bytes));

        Assert.Null(expected.OpenError);
        Assert.True(actual.HasReportSheet);
        SubmittedSheetComparison.AssertSame(expected, actual, corpusCase);
    }
}
