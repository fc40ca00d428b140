using System.Diagnostics;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// LibreOffice Calc run headless (installed by scripts/test.sh, <c>setup_libreoffice</c>): opens a CSV as a person's
/// spreadsheet does — comma, double quote, UTF-8, default column types — and saves it as xlsx for the test to read.
/// </summary>
internal static class LibreOffice
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("SOFFICE_PATH") is { Length: > 0 } path ? path : "/usr/bin/soffice";

    /// <returns>The path of the xlsx LibreOffice wrote beside <paramref name="csv"/>.</returns>
    public static async Task<string> CsvToXlsxAsync(string csv, string outDir)
    {
        Needs.Require(Needs.LibreOffice);
        Assert.True(File.Exists(ExecutablePath), $"LibreOffice is not installed at {ExecutablePath}: run the tests through scripts/test.sh (setup_libreoffice).");
        var profile = Directory.CreateTempSubdirectory("lo-profile");
        try
        {
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Its own profile, so parallel runs never share LibreOffice's lock; the CSV filter's options: separator 44
            // (","), text delimiter 34 ('"'), charset 76 (UTF-8), from line 1 — column types left to LibreOffice.
            foreach (var arg in new[]
                     {
                         $"-env:UserInstallation=file://{profile.FullName}", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                         "--outdir", outDir, csv,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var xlsx = Path.Combine(outDir, Path.GetFileNameWithoutExtension(csv) + ".xlsx");
            Assert.True(process.ExitCode == 0 && File.Exists(xlsx), $"soffice exited {process.ExitCode}: {await output} {await error}");
            return xlsx;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
