using System.Text.RegularExpressions;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.PostdeployHooks;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The Event Grid subscription is created after `azd deploy` on Linux, macOS and Windows alike: azure.yaml has a hook
/// per platform, and both scripts, run against a recording az, make the same calls and deploy the same module that
/// main.bicep deploys behind its gate.
/// </summary>
public sealed class EventGridHookTests
{
    private const string SubscriptionModule = "infra/app/eventgrid-subscription.bicep";

    private static readonly Dictionary<string, string?> AzdOutputs = new()
    {
        ["AZURE_RESOURCE_GROUP"] = "rg-plan",
        ["AZURE_FUNCTION_APP_NAME"] = "func-abc",
        ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = null,
    };

    [Fact]
    public void Azure_yaml_has_a_postdeploy_hook_for_posix_and_for_windows_each_running_an_existing_script()
    {
        var hooks = Load();

        Assert.Equal(["posix", "windows"], hooks.Keys.Order());
        Assert.Equal("sh", hooks["posix"].Shell);
        Assert.Equal("pwsh", hooks["windows"].Shell);
        Assert.EndsWith(".sh", ScriptPath(hooks["posix"]));
        Assert.EndsWith(".ps1", ScriptPath(hooks["windows"]));
        Assert.All(hooks.Values, h => Assert.True(File.Exists(Path.Combine(CompiledTemplate.RepoRoot, ScriptPath(h))), h.Run));
    }

    [Trait(Needs.Trait, Needs.PowerShell)]
    [Fact]
    public void Both_hooks_make_the_same_az_calls_and_deploy_the_subscription_module()
    {
        var hooks = Load();
        var posix = Run(hooks["posix"], AzdOutputs);
        var windows = Run(hooks["windows"], AzdOutputs);

        Assert.True(posix.Process.ExitCode == 0, posix.Process.ToString());
        Assert.True(windows.Process.ExitCode == 0, windows.Process.ToString());
        Assert.Equal(posix.AzCalls.Select(c => c.ToString()), windows.AzCalls.Select(c => c.ToString()));
        Assert.All(posix.AzCalls.Concat(windows.AzCalls), c => Assert.Equal(CompiledTemplate.RepoRoot, c.WorkingDirectory));

        var deployment = Assert.Single(posix.AzCalls, c => c.Arguments.Take(3).SequenceEqual(["deployment", "group", "create"]));
        Assert.Equal(SubscriptionModule, ValueOf(deployment, "--template-file"));
        Assert.Equal("rg-plan", ValueOf(deployment, "--resource-group"));
        Assert.Equal(
            [$"systemTopicName={TopicName}", "functionAppName=func-abc", $"storageAccountResourceId={StorageAccountId}"],
            ValuesOf(deployment, "--parameters"));
        // The key is read by the template (listKeys), never passed on a command line.
        Assert.DoesNotContain(posix.AzCalls.SelectMany(c => c.Arguments), a => a.Contains("blobs-extension-key", StringComparison.Ordinal));
    }

    [Trait(Needs.Trait, Needs.PowerShell)]
    [Fact]
    public void Both_hooks_use_the_topic_azd_exported_without_looking_it_up()
    {
        var hooks = Load();
        var outputs = new Dictionary<string, string?>(AzdOutputs) { ["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"] = "evgt-given" };

        var calls = hooks.Values.Select(h => Run(h, outputs)).ToList();

        Assert.All(calls, c => Assert.Equal(0, c.Process.ExitCode));
        Assert.All(calls, c => Assert.DoesNotContain(c.AzCalls, call => call.Arguments.Take(3).SequenceEqual(["eventgrid", "system-topic", "list"])));
        Assert.Equal(calls[0].AzCalls.Select(c => c.ToString()), calls[1].AzCalls.Select(c => c.ToString()));
        Assert.Contains("systemTopicName=evgt-given", calls[0].AzCalls[^1].Arguments);
    }

    [Trait(Needs.Trait, Needs.PowerShell)]
    [Fact]
    public void Both_hooks_stop_before_any_az_call_without_the_app_name()
    {
        var outputs = new Dictionary<string, string?>(AzdOutputs) { ["AZURE_FUNCTION_APP_NAME"] = null };

        foreach (var hook in Load().Values)
        {
            var outcome = Run(hook, outputs);
            Assert.NotEqual(0, outcome.Process.ExitCode);
            Assert.Contains("AZURE_FUNCTION_APP_NAME", outcome.Process.StandardError);
            Assert.Empty(outcome.AzCalls);
        }
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void The_hooks_create_the_same_subscription_as_main_bicep()
    {
        // The scripts pass only the three names; every other setting of the subscription (function, container,
        // suffix, dead-letter container) is the module's default, which must equal what main.bicep passes.
        var main = Deploy(withEventGridSubscription: true);
        var fromMain = main.Module("eventgrid-subscription");
        var mainSource = File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "infra", "main.bicep"));

        Assert.Matches(new Regex(@"module eventGridSubscription 'app/eventgrid-subscription\.bicep'"), mainSource);
        foreach (var name in new[] { "functionName", "uploadsContainerName", "subjectEndsWith", "deadLetterContainerName", "name" })
        {
            var moduleDefault = fromMain.Template["parameters"]![name]!["defaultValue"];
            Assert.Equal(Text(moduleDefault), Text(fromMain.Parameter(name)));
        }
    }

    private static string ValueOf(AzCall call, string option) => Assert.Single(ValuesOf(call, option));

    private static List<string> ValuesOf(AzCall call, string option) =>
        [.. call.Arguments.SkipWhile(a => a != option).Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))];
}
