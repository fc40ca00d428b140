using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class TemplateDownloadTests
{
    private static TemplateDownload Function() =>
        new(TestPlans.Writer(), TestPlans.Units(), TestPlans.Catalog(), NullLogger<TemplateDownload>.Instance);

    private static HttpRequest Request(string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void Returns_the_xlsx_named_for_the_unit_and_period()
    {
        var result = Assert.IsType<FileContentResult>(Function().Run(Request(), "gt", "2021-Q3"));

        Assert.Equal(TemplateDownload.ContentType, result.ContentType);
        Assert.Equal("plantilla-GT-2021-Q3.xlsx", result.FileDownloadName);
        var sheet = new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance).Read(new MemoryStream(result.FileContents));
        Assert.Equal("GT", sheet.Metadata.Parsed?.UnitCode);
    }

    [Fact]
    public void Honours_lang_in_the_query()
    {
        var result = Assert.IsType<FileContentResult>(Function().Run(Request("?lang=en"), "GT", "2022-Q1"));

        Assert.Equal("template-GT-2022-Q1.xlsx", result.FileDownloadName);
    }

    [Theory]
    [InlineData("XX", "2021-Q3", "", "Unidad desconocida 'XX'")]
    [InlineData("GT", "2021-Q5", "", "Trimestre no válido '2021-Q5'")]
    [InlineData("GT", "2031-Q1", "?lang=en", "Year 2031 is outside plan")]
    [InlineData("GT", "2021-Q3", "?lang=fr", "Idioma no válido 'fr'")]
    public void Answers_400_with_a_problem_in_the_requested_language(string unit, string period, string query, string detail)
    {
        var result = Assert.IsType<BadRequestObjectResult>(Function().Run(Request(query), unit, period));

        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal(400, problem.Status);
        Assert.StartsWith(detail, problem.Detail);
    }
}
