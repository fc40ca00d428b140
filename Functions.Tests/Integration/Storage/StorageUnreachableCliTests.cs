using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;

namespace ServerlessPlan.Tests.Integration.Storage;

/// <summary>The CLI against storage where nothing listens (Azurite not started): one line and its own exit code.</summary>
public sealed class StorageUnreachableCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("unreachable-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("workbook", "--period", "2021-Q3", "--out", "{dir}/consolidado.xlsx")]
    [InlineData("digest", "--period", "2021-Q3")]
    [InlineData("serve", "--port", "0")]
    [InlineData("reopen", "--unit", "GT", "--period", "2021-Q3", "--days", "7", "--reason", "prórroga")]
    [InlineData("lock", "--unit", "GT", "--period", "2021-Q3")]
    public async Task Says_in_one_line_that_storage_is_unreachable_and_exits_StorageUnreachable(params string[] args)
    {
        var port = ClosedPort();
        var settings = new Dictionary<string, string?>
        {
            ["PlanStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
                $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var watch = Stopwatch.StartNew();

        var exit = await CliApp.RunAsync(args.Select(a => a.Replace("{dir}", _dir.FullName)).ToArray(), stdout, stderr, settings);

        Assert.Equal(ExitCodes.StorageUnreachable, exit);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: storage unreachable at http://127.0.0.1:{port}: ", line);
        Assert.DoesNotContain(" at ServerlessPlan.", stderr.ToString());
        // Not retried: a refused connection fails at once rather than after the SDK's backoff.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Empty(_dir.GetFiles());
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
