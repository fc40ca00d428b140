using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The app settings in the compiled template against what the code binds: the bindings in functions.metadata, the
/// storage connection and every options property of Core (found by reflection).
/// </summary>
public sealed class AppSettingsContractTests
{
    // The functions the infra is built around (IngestUpload is the Event Grid webhook's target).
    private static readonly string[] ExpectedFunctions =
    [
        "IngestUpload", "SendDigest", "SendReminders", "TemplateDownload", "ValidateUpload", "WorkbookDownload",
        // Operations: result mails whose claim lapsed ("retry later").
        "SendPendingResultMails",
        // Operations: the status read every half hour into the telemetry the alerts read (infra/app/alerts.bicep).
        "CheckOperations",
        // The open-data package in the exports container, kept up to the record (docs/data.md, "In storage").
        "PublishExports",
        // The portal (anonymous at the host: App Service Authentication signs people in, the code checks their roles).
        "PortalHome", "PortalUnit", "PortalUnitPeriod", "PortalUpload", "PortalTemplate", "PortalSubmissionState", "PortalOriginal",
        "PortalUploadAnnotated", "PortalUploadReport", "PortalCheckAnnotated", "PortalCheckReport",
        // The verdict page of one stored report, in HTML (issue 22).
        "PortalSubmissionVerdict", "PortalCheckVerdict",
        "PortalCoalition", "PortalBoard", "PortalProgress", "PortalWorkbook", "PortalAsOf", "PortalDigest", "PortalDigestMail", "PortalAssets",
        // The picture over time and the plan matrix filled (Coalition.Reader).
        "PortalTrends", "PortalPlanMatrix",
        // The ST's actions from the board (Coalition.Admin, checked by the code as every portal route).
        "PortalReopen", "PortalLock",
        // The ST's operations page and its replay (Coalition.Admin).
        "PortalOperations", "PortalReplay",
        "DevelopmentSignInPage", "DevelopmentSignIn", "DevelopmentSignOut", "DevelopmentMe",
        // The open-data API for Coalition.Reader (docs/data.md), signed in as the portal is.
        "OpenDataDataset", "OpenDataDescriptor", "OpenDataOpenApi",
        // Datos abiertos in the portal: the page and the package as a zip (Coalition.Reader).
        "PortalOpenData", "PortalDataPackage",
    ];

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void App_settings_cover_every_connection_and_schedule_the_bindings_read()
    {
        var settings = AppSettings(Deploy());
        var required = FunctionsMetadata.RequiredSettings(FunctionsMetadata.Load());

        Assert.All(required, name => Assert.True(settings.ContainsKey(name), $"functions.metadata needs app setting '{name}'."));
    }

    [Fact]
    public void Functions_metadata_holds_the_functions_the_infra_expects()
    {
        var names = FunctionsMetadata.FunctionNames(FunctionsMetadata.Load()).ToHashSet();

        Assert.Equal(ExpectedFunctions.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(names, n => string.IsNullOrWhiteSpace(n));
    }

    [Fact]
    public void Blob_trigger_of_IngestUpload_is_Event_Grid_sourced_on_the_uploads_container()
    {
        var ingest = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == "IngestUpload")!;

        var trigger = Assert.Single(ingest["bindings"]!.AsArray(), b => (string?)b!["type"] == "blobTrigger")!;
        Assert.Equal(StorageNames.Connection, (string?)trigger["connection"]);
        Assert.Equal("EventGrid", (string?)trigger["source"]);
        Assert.StartsWith($"{StorageNames.UploadsContainer}/", (string?)trigger["path"]);
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void App_settings_connect_PlanStorage_and_the_host_storage_with_the_app_identity()
    {
        var settings = AppSettings(Deploy());
        var clientId = Text(settings[$"{StorageNames.Connection}__clientId"]);

        foreach (var connection in new[] { StorageNames.Connection, "AzureWebJobsStorage" })
        {
            foreach (var service in new[] { "blob", "queue", "table" })
                Assert.StartsWith("⟨", Text(settings[$"{connection}__{service}ServiceUri"]));
            Assert.Equal("managedidentity", Text(settings[$"{connection}__credential"]));
            Assert.Equal(clientId, Text(settings[$"{connection}__clientId"]));
        }

        Assert.EndsWith(".clientId⟩", clientId);
        Assert.Equal($"ClientId={clientId};Authorization=AAD", Text(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
        Assert.True(settings.ContainsKey("APPLICATIONINSIGHTS_CONNECTION_STRING"));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void App_settings_cover_every_options_property_of_Core()
    {
        var settings = AppSettings(Deploy());
        var missing = OptionsSettings.BySection()
            .SelectMany(section => section.Value)
            .Where(name => !OptionsSettings.NotDeployed.ContainsKey(name))
            .Where(name => !settings.Any(s => s.Key == name || s.Key.StartsWith(name + "__", StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, $"Options properties without an app setting in infra/main.bicep: {string.Join(", ", missing)}.");
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Options_settings_in_the_template_bind_to_existing_properties()
    {
        var sections = OptionsSettings.BySection();
        var known = sections.SelectMany(s => s.Value).ToHashSet();
        var dictionaries = OptionsSettings.Dictionaries();
        var unbound = AppSettings(Deploy())
            .Select(s => s.Key)
            .Where(key => key.Split("__")[0] is var section && sections.ContainsKey(section))
            .Where(key => !known.Contains(key) && !dictionaries.Any(d => key.StartsWith(d + "__", StringComparison.Ordinal) && key.Split("__").Length == 3))
            .ToList();

        Assert.True(unbound.Count == 0, $"App settings that bind to no options property (typo?): {string.Join(", ", unbound)}.");
        Assert.All(OptionsSettings.NotDeployed.Keys, name => Assert.Contains(name, known));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Flex_Consumption_settings_leave_out_what_the_platform_rejects_and_shared_keys()
    {
        var settings = AppSettings(Deploy());

        foreach (var platformOwned in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "AzureWebJobsStorage" })
            Assert.False(settings.ContainsKey(platformOwned), $"{platformOwned} must not be set: Flex Consumption owns it, or it is a shared-key connection string.");
        Assert.DoesNotContain(settings, s => Text(s.Value).Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("0 0 12 * * MON", Text(settings["DigestSchedule"]));
        Assert.Equal("0 0 13 * * *", Text(settings["ReminderSchedule"]));
    }
}
