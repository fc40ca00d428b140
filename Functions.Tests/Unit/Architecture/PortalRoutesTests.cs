using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>The pages' links, filled from the route constants, are the paths the portal has always linked.</summary>
public sealed class PortalRoutesTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    [Fact]
    public void The_pages_links_are_the_paths_they_were()
    {
        Assert.Equal("/units/GT", Routes.Unit("GT"));
        Assert.Equal("/units/GT/2021-Q3", Routes.UnitPeriod("GT", Q3));
        Assert.Equal("/units/GT/2021-Q3/upload", Routes.Upload("GT", Q3));
        Assert.Equal("/units/GT/2021-Q3/template", Routes.Template("GT", Q3));
        Assert.Equal("/units/GT/2021-Q3/submissions/abc123", Routes.SubmissionState("GT", Q3, "abc123"));
        Assert.Equal("/units/GT/2021-Q3/originals/abc123", Routes.Original("GT", Q3, "abc123"));
        Assert.Equal("/units/GT/2021-Q3/checks/a%20b/annotated", Routes.Annotated("GT", Q3, "a b", refused: true));
        Assert.Equal("/units/GT/2021-Q3/reports/x/report", Routes.Report("GT", Q3, "x", refused: false));
        Assert.Equal("/coalition", Routes.Coalitions);
        Assert.Equal("/coalition/2021-Q3", Routes.Coalition(Q3));
        Assert.Equal("/coalition/2021-Q3/progress", Routes.Progress(Q3));
        Assert.Equal("/coalition/2021-Q3/digest/mail", Routes.DigestMail(Q3));
        Assert.Equal("/coalition/2021-Q3/workbook", Routes.Workbook(Q3));
        Assert.Equal("/coalition/2021-Q3/units/A%2FB/reopen", Routes.Reopen(Q3, "A/B"));
        Assert.Equal("/coalition/2021-Q3/units/GT/lock", Routes.Lock(Q3, "GT"));
        Assert.Equal("/coalition/trends", Routes.Trends);
        Assert.Equal("/coalition/operations/replay", Routes.Replay);
        Assert.Equal("/.auth/login/aad", Routes.SignIn);
        Assert.Equal("/.auth/logout", Routes.SignOut);
    }

    [Fact]
    public void An_optional_parameter_without_a_value_is_left_out_and_a_required_one_is_an_error()
    {
        Assert.Equal(".auth/login", PortalRoutes.Fill(PortalRoutes.SignIn));
        Assert.Throws<ArgumentException>(() => PortalRoutes.Fill(PortalRoutes.UnitPeriod, ("unit", "GT")));
    }
}
