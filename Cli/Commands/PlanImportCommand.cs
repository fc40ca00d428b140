using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.PlanWorkbook;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>plan import</c>: checks a plan workbook (or plan file) offline and, when it is valid, writes it as a plan file.
/// Exit 0 valid (warnings allowed), 1 invalid (every problem listed by sheet and cell), 2 usage or I/O error.
/// </summary>
public sealed class PlanImportCommand(PlanFileReader reader) : ICliCommand
{
    public string Name => "import";

    public string Usage => "plan import FILE.xlsx [--out plan.json] [--json] [--lang es|en]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var json = arguments.Switch("json");
        var output = arguments.Option("out");
        var language = PlanArguments.Language(arguments);
        arguments.RejectUnknown(maxPositionals: 1);
        var file = PlanArguments.File(arguments);
        if (output is { Length: 0 }) throw new UsageException("--out needs a file name.");

        var result = await reader.ReadAsync(file, language, cancellationToken);
        if (result.Catalog is { } catalog && output is not null)
            await File.WriteAllBytesAsync(Path.GetFullPath(output), PlanDocumentWriter.Write(catalog), cancellationToken);

        if (json)
        {
            await stdout.WriteLineAsync(PlanImportReport.From(result, language).ToJson());
        }
        else
        {
            await PlanArguments.PrintAsync(stdout, result);
            if (result.Valid && output is not null) await stdout.WriteLineAsync(Path.GetFullPath(output));
        }
        return result.Valid ? ExitCodes.Ok : ExitCodes.Rejected;
    }
}
