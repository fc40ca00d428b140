using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Functions;

/// <summary><c>POST /api/validate</c>: the same report the ingestion writes, without storing anything.</summary>
public sealed class ValidateUploadTests
{
    private const string Period = "2021-Q3";

    private static ValidateUpload Function() => new(RealPlan.UploadValidator(), NullLogger<ValidateUpload>.Instance);

    private static HttpRequest Request(byte[] body, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    private static async Task<(ContentResult Result, JsonElement Report)> Post(byte[] body, string query)
    {
        var result = Assert.IsType<ContentResult>(await Function().Run(Request(body, query), CancellationToken.None));
        Assert.Equal("application/json; charset=utf-8", result.ContentType);
        return (result, JsonDocument.Parse(result.Content!).RootElement);
    }

    [Fact]
    public async Task Answers_200_with_the_json_report_for_a_sheet_that_would_be_accepted()
    {
        var (result, report) = await Post(FilledSheet.Complete("GT", Period).Quantity("1.1.1.3", 2).Build(), $"?unit=gt&period={Period}");

        Assert.Equal(StatusCodes.Status200OK, result.StatusCode);
        Assert.True(report.GetProperty("accepted").GetBoolean());
        Assert.Equal("GT", report.GetProperty("unit").GetString());
        Assert.Equal(Period, report.GetProperty("period").GetString());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
        Assert.Equal("QUANTITY_IGNORED", report.GetProperty("warnings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Answers_422_with_every_error_for_a_sheet_that_would_be_rejected()
    {
        var sheet = FilledSheet.Complete("BZ", Period).Ejecutado("1.1.1.2", 140).DeleteRow("4.1.2.3");

        var (result, report) = await Post(sheet.Build(), "");

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, result.StatusCode);
        Assert.False(report.GetProperty("accepted").GetBoolean());
        Assert.Equal("en", report.GetProperty("language").GetString());
        Assert.Equal(["ACTIVITY_MISSING", "EJECUTADO_OUT_OF_RANGE"],
            report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Order());
        var range = report.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "EJECUTADO_OUT_OF_RANGE");
        Assert.Equal(sheet.Cell("1.1.1.2", TemplateLayout.EjecutadoColumn), range.GetProperty("cell").GetString());
        Assert.Equal("Report", range.GetProperty("sheet").GetString());
    }

    [Fact]
    public async Task Answers_422_for_a_hostile_upload_without_parsing_it()
    {
        var (result, report) = await Post(HostileFiles.LyingZipBomb(), $"?unit=GT&period={Period}&lang=en");

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, result.StatusCode);
        Assert.Equal("UNCOMPRESSED_TOO_LARGE", report.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("en", report.GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("?unit=GT&period=2021-T3", "period must look like 2021-Q3, not '2021-T3'.")]
    [InlineData("?unit=GT&period=Q3-2021", "period must look like 2021-Q3, not 'Q3-2021'.")]
    [InlineData("?unit=GT&period=2021-Q3&lang=fr", "lang must be es or en.")]
    public async Task Answers_400_with_a_problem_for_bad_parameters(string query, string detail)
    {
        var result = Assert.IsType<BadRequestObjectResult>(
            await Function().Run(Request(FilledSheet.Complete("GT", Period).Build(), query), CancellationToken.None));

        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Equal(detail, problem.Detail);
    }

    [Fact]
    public void The_report_shape_is_the_documented_contract()
    {
        var report = ValidationReport.From([SheetIssues.FormulaWithoutValue.At(Core.Localization.Language.Es, "Informe", "H10", "1.1.1.2")]);

        using var json = JsonDocument.Parse(report.ToJson());

        Assert.Equal(["accepted", "unit", "period", "file", "language", "errors", "warnings"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "severity", "message", "sheet", "cell", "activity"],
            json.RootElement.GetProperty("errors")[0].EnumerateObject().Select(p => p.Name));
    }
}
