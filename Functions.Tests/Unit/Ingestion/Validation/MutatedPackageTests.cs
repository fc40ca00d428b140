using System.IO.Compression;
using System.Text;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// Damaged files: a filled sheet whose XML parts are corrupted at random (seeded, so a failure reproduces) in a
/// well-formed zip, so every mutation gets past the package guard to the reader. Whatever the damage, validation
/// answers with a verdict — accepted, or rejected with coded, located, worded issues — and never throws.
/// </summary>
public sealed class MutatedPackageTests
{
    private const int Mutations = 400;

    private static readonly UploadValidator Validator = RealPlan.UploadValidator();

    // Bytes that make damage interesting to an XML and spreadsheet reader rather than merely invalid UTF-8.
    private static readonly byte[] Noise = Encoding.ASCII.GetBytes("<>/=\"'& 0123456789-.:ABCDEFrstvxfi#%_");

    [Fact]
    public async Task Randomly_damaged_parts_get_a_verdict_never_an_exception()
    {
        var original = FilledSheet.Complete("GT", "2021-Q3").Build();
        var expectation = new UploadExpectation("GT", ReportingPeriod.Parse("2021-Q3"), FileName: "informe.xlsx");
        var random = new Random(20261128);
        var outcomes = new Dictionary<string, int>();

        for (var i = 0; i < Mutations; i++)
        {
            var (damaged, what) = Mutate(original, random);
            UploadCheck check;
            try
            {
                check = await Validator.CheckAsync(new MemoryStream(damaged), expectation, null, CancellationToken.None);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Mutation {i} ({what}) threw {ex.GetType().Name}: {ex.Message}");
                throw;
            }

            var report = check.Report;
            Assert.All(report.Errors.Concat(report.Warnings), issue =>
            {
                Assert.False(string.IsNullOrWhiteSpace(issue.Code), what);
                Assert.False(string.IsNullOrWhiteSpace(issue.Message), what);
            });
            if (report.Accepted) Assert.Equal(15, check.Validation.Activities.Count);
            var key = report.Accepted ? "accepted" : report.Errors[0].Code;
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        // The damage must actually reach the reader and the rules: both verdicts occur, with several kinds of error.
        Assert.True(outcomes.GetValueOrDefault("accepted") > 0, string.Join(", ", outcomes));
        Assert.True(outcomes.Count(o => o.Key != "accepted") >= 3, string.Join(", ", outcomes));
    }

    /// <summary>Overwrites, truncates, duplicates or deletes a stretch of one XML part, re-zipped consistently.</summary>
    private static (byte[] Package, string What) Mutate(byte[] package, Random random)
    {
        using var output = new MemoryStream();
        output.Write(package);
        string what;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var parts = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal))
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            var entry = parts[random.Next(parts.Count)];
            byte[] xml;
            using (var read = entry.Open())
            using (var buffer = new MemoryStream())
            {
                read.CopyTo(buffer);
                xml = buffer.ToArray();
            }

            var at = random.Next(xml.Length);
            var length = Math.Min(1 + random.Next(16), xml.Length - at);
            var mutated = random.Next(4) switch
            {
                0 => Overwrite(xml, at, length, random),
                1 => xml[..at],
                2 => [.. xml[..(at + length)], .. xml[at..]],
                _ => [.. xml[..at], .. xml[(at + length)..]],
            };
            what = $"{entry.FullName} at {at}";
            var name = entry.FullName;
            entry.Delete();
            using var write = zip.CreateEntry(name).Open();
            write.Write(mutated);
        }
        return (output.ToArray(), what);
    }

    private static byte[] Overwrite(byte[] xml, int at, int length, Random random)
    {
        var copy = (byte[])xml.Clone();
        for (var i = at; i < at + length; i++) copy[i] = Noise[random.Next(Noise.Length)];
        return copy;
    }
}
