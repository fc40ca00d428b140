using System.Text.RegularExpressions;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Integration.Deploy;

/// <summary>
/// scripts/smoke.sh against the local server: it passes when the server is served as Azure serves a stranger (no
/// development sign-in, function keys demanded), and each of its checks is shown able to fail, above all the forged
/// X-MS-CLIENT-PRINCIPAL check, which fails against the development sign-in because that sign-in believes the header.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class SmokeScriptTests(AzuriteFixture azurite)
{
    private const string FunctionKey = "smoke-test-function-key";

    private static readonly string[] Checks = ["start", "headers", "page", "json", "forged", "api"];

    [Fact]
    public async Task Passes_against_the_local_server_without_the_development_sign_in()
    {
        await using var portal = await StartAsync(developmentSignIn: false, functionKey: FunctionKey);

        var run = Smoke(portal.BaseAddress.AbsoluteUri);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(run);
        Assert.All(Checks, check => Assert.Single(lines, l => l.StartsWith($"ok   {check}", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_development_sign_in_on_the_forged_principal_check_fails_and_only_it()
    {
        await using var portal = await StartAsync(developmentSignIn: true, functionKey: FunctionKey);

        var run = Smoke(portal.BaseAddress.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        var failure = Assert.Single(Lines(run), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.StartsWith("FAIL forged: ", failure, StringComparison.Ordinal);
        Assert.Contains("answered 302", failure, StringComparison.Ordinal); // the admin was let in: sent on to the board
        Assert.Contains("Smoke test of", Lines(run)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_function_key_check_the_api_check_fails()
    {
        await using var portal = await StartAsync(developmentSignIn: false, functionKey: null);

        var run = Smoke(portal.BaseAddress.AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        var failure = Assert.Single(Lines(run), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.StartsWith("FAIL api: GET /api/templates/GT/2021-Q3 without a function key answered 200", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passes_against_serverlessplan_serve_no_dev_sign_in_whose_printed_key_opens_the_API()
    {
        // What scripts/serve.sh --no-dev-sign-in runs (without the demo's data): the CLI verb itself, until cancelled.
        var storage = new TestStorage(azurite);
        var port = FreePort();
        var printed = new StringWriter();
        // Synchronized writes lock the wrapper (MethodImplOptions.Synchronized): reading under the same lock is safe.
        var output = TextWriter.Synchronized(printed);
        string Printed() { lock (output) return printed.ToString(); }
        using var stop = new CancellationTokenSource();
        var serving = CliApp.RunAsync(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-dev-sign-in"],
            output, TextWriter.Null, storage.Settings(), stop.Token);
        var url = $"http://127.0.0.1:{port}/";
        try
        {
            await WaitUntilServingAsync(url, serving, Printed);

            var run = Smoke(url);
            var key = Regex.Match(Printed(), @"\?code=([A-Za-z0-9_-]+)").Groups[1].Value;
            using var client = new HttpClient();
            using var withKey = await client.GetAsync($"{url}api/templates/GT/2021-Q3?code={key}");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.NotEmpty(key);
            Assert.Equal(System.Net.HttpStatusCode.OK, withKey.StatusCode);
            Assert.Contains($"Smoke test: bash scripts/smoke.sh {url}", Printed(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(ExitCodes.Ok, await serving);
    }

    private static async Task WaitUntilServingAsync(string url, Task<int> serving, Func<string> output)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (serving.IsCompleted)
                throw new InvalidOperationException($"serve exited with {await serving}: {output()}");
            // Serving once it has said so (its banner comes after the port opens, with the key in it).
            if (output().Contains("Smoke test:", StringComparison.Ordinal))
            {
                using var response = await client.GetAsync(url);
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"serve did not answer at {url}: {output()}");
    }

    [Fact]
    public async Task The_keyed_API_answers_with_the_key_in_the_query_or_the_header()
    {
        await using var portal = await StartAsync(developmentSignIn: false, functionKey: FunctionKey);
        using var client = portal.Server.CreateClient();
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "api/templates/GT/2021-Q3");
        withHeader.Headers.Add("x-functions-key", FunctionKey);

        using var byQuery = await client.GetAsync($"api/templates/GT/2021-Q3?code={FunctionKey}");
        using var byHeader = await client.SendAsync(withHeader);
        using var wrong = await client.GetAsync("api/templates/GT/2021-Q3?code=not-the-key");

        Assert.Equal(System.Net.HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public void A_server_that_does_not_answer_fails_every_check_one_line_each()
    {
        // A loopback port nobody listens on: refused at once.
        var port = FreePort();

        var run = Smoke($"http://127.0.0.1:{port}/", new Dictionary<string, string?> { ["SMOKE_START_SECONDS"] = "5" });

        Assert.Equal(1, run.ExitCode);
        var failures = Lines(run).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).Select(l => l[5..].Split(':')[0]).ToList();
        Assert.Equal(["start", "page", "json", "forged", "api"], failures);
    }

    [Fact]
    public void A_missing_or_malformed_URL_is_a_usage_error()
    {
        Assert.Equal(2, Smoke(null).ExitCode);
        Assert.Equal(2, Smoke("func-abc.azurewebsites.net").ExitCode);
    }

    [Trait(Needs.Trait, Needs.PowerShell)]
    [Fact]
    public async Task The_functions_service_runs_the_smoke_test_after_each_deploy_on_both_platforms()
    {
        await using var portal = await StartAsync(developmentSignIn: false, functionKey: FunctionKey);
        var azdOutputs = new Dictionary<string, string?> { ["SERVICE_FUNCTIONS_URI"] = portal.BaseAddress.AbsoluteUri.TrimEnd('/'), ["SMOKE_TEST"] = null };

        foreach (var (platform, run) in ServiceHooks())
        {
            var (code, output) = run.ExitCode(azdOutputs);
            Assert.True(code == 0, $"{platform}: {output}");
            Assert.Contains("every check passed", output, StringComparison.Ordinal);
        }
    }

    [Trait(Needs.Trait, Needs.PowerShell)]
    [Fact]
    public void The_smoke_step_is_skipped_with_SMOKE_TEST_false_and_refuses_to_guess_an_address()
    {
        foreach (var (platform, run) in ServiceHooks())
        {
            var skipped = run.ExitCode(new Dictionary<string, string?> { ["SMOKE_TEST"] = "false", ["SERVICE_FUNCTIONS_URI"] = null });
            Assert.True(skipped.Code == 0, $"{platform}: {skipped.Output}");
            Assert.Contains("Smoke test skipped", skipped.Output, StringComparison.Ordinal);

            var noAddress = run.ExitCode(new Dictionary<string, string?> { ["SMOKE_TEST"] = null, ["SERVICE_FUNCTIONS_URI"] = null });
            Assert.True(noAddress.Code != 0, $"{platform}: {noAddress.Output}");
            Assert.Contains("SERVICE_FUNCTIONS_URI", noAddress.Output, StringComparison.Ordinal);
        }
    }

    private sealed record HookRun(Func<IReadOnlyDictionary<string, string?>, ToolProcess.Result> Start)
    {
        public (int Code, string Output) ExitCode(IReadOnlyDictionary<string, string?> environment)
        {
            var result = Start(environment);
            return (result.ExitCode, result.StandardOutput + result.StandardError);
        }
    }

    // The functions service's postdeploy hooks in azure.yaml, each run as azd runs it: a posix hook's run line with its
    // shell, a pwsh hook's script file with pwsh.
    private static IEnumerable<(string Platform, HookRun Run)> ServiceHooks()
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        using (var reader = new StreamReader(Path.Combine(CompiledTemplate.RepoRoot, "azure.yaml")))
            yaml.Load(reader);
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        var hooks = (YamlDotNet.RepresentationModel.YamlMappingNode)root["services"]["functions"]["hooks"]["postdeploy"];
        var found = new List<(string, HookRun)>();
        foreach (var (key, value) in hooks.Children)
        {
            var platform = key.ToString();
            var hook = (YamlDotNet.RepresentationModel.YamlMappingNode)value;
            var shell = hook["shell"].ToString();
            var runLine = hook["run"].ToString();
            found.Add((platform, new HookRun(env => shell switch
            {
                "sh" => ToolProcess.Run("sh", ["-c", runLine], CompiledTemplate.RepoRoot, env),
                "pwsh" => ToolProcess.Run(PowerShellTool.Executable, ["-NoProfile", "-NonInteractive", "-File", runLine.Replace("./", "", StringComparison.Ordinal)],
                    CompiledTemplate.RepoRoot, env),
                _ => throw new NotSupportedException(shell),
            })));
        }

        Assert.Equal(["posix", "windows"], found.Select(f => f.Item1).Order());
        return found;
    }

    private Task<PortalHost> StartAsync(bool developmentSignIn, string? functionKey) =>
        PortalHost.StartAsync(azurite, blobEvents: false,
            new Dictionary<string, string?> { ["Portal:DevelopmentSignIn"] = developmentSignIn ? "true" : "false" },
            functionKey: functionKey);

    internal static ToolProcess.Result Smoke(string? url, IReadOnlyDictionary<string, string?>? environment = null) =>
        ToolProcess.Run("bash", url is null ? ["scripts/smoke.sh"] : ["scripts/smoke.sh", url], CompiledTemplate.RepoRoot, environment);

    private static List<string> Lines(ToolProcess.Result run) =>
        [.. run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
