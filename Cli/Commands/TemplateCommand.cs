using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>template</c>: writes the quarterly Excel template of one unit and period to a file, from the plan in force for the
/// period (the built-in plans, with a warning, when storage cannot be reached).
/// </summary>
public sealed class TemplateCommand(TemplateWriter writer, ReportingUnits units, CliPlans plans) : ICliCommand
{
    public string Name => "template";

    public string Usage => "template --unit GT --period 2021-Q3 --out FILE [--lang es|en]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var unit = arguments.RequiredOption("unit");
        var period = arguments.RequiredOption("period");
        var output = arguments.RequiredOption("out");
        var language = arguments.Option("lang");
        arguments.RejectUnknown(maxPositionals: 0);

        if (language is { Length: 0 }) throw new UsageException("--lang needs a value: es or en.");
        TemplateRequest request;
        try
        {
            request = TemplateRequest.Resolve(units, await plans.InForceOrBuiltInAsync(cancellationToken), unit, period, language);
        }
        catch (TemplateRequestException ex)
        {
            throw new UsageException(ex.Message);
        }

        var path = Path.GetFullPath(output);
        var bytes = writer.Write(request.Unit, request.Period, request.Language);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
        await stdout.WriteLineAsync(path);
        return ExitCodes.Ok;
    }
}
