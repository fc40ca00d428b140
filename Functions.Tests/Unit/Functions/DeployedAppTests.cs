using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Functions;
using ServerlessPlan.LocalHost;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Unit.Functions;

/// <summary>
/// The deployed app carries the functions and nothing of the local host (LocalHost/, what <c>serverlessplan serve</c>,
/// the bench and the tests run): the local host references the Functions app, never the other way round.
/// </summary>
public sealed class DeployedAppTests
{
    private static readonly Assembly App = typeof(FunctionsServiceCollectionExtensions).Assembly;

    private static readonly string LocalHostAssembly = typeof(LocalFunctionsServer).Assembly.GetName().Name!;

    [Fact]
    public void The_Functions_assembly_references_no_local_host_assembly_and_holds_none_of_its_types()
    {
        Assert.Equal("ServerlessPlan.LocalHost", LocalHostAssembly);
        Assert.NotEqual(App, typeof(LocalFunctionsServer).Assembly);
        Assert.DoesNotContain(App.GetReferencedAssemblies(), a => a.Name == LocalHostAssembly);
        Assert.DoesNotContain(App.GetTypes(), t => t.Namespace?.StartsWith("ServerlessPlan.LocalHost", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_Functions_build_output_has_no_local_host_assembly_and_its_dependencies_do_not_name_it()
    {
        var output = Path.GetDirectoryName(FunctionsMetadata.Path)!;
        Assert.True(File.Exists(Path.Combine(output, "ServerlessPlan.Functions.dll")), $"no build of the Functions app in {output}");
        Assert.False(File.Exists(Path.Combine(output, LocalHostAssembly + ".dll")));

        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "ServerlessPlan.Functions.deps.json")))!;
        var libraries = deps["libraries"]!.AsObject().Select(l => l.Key).ToList();
        Assert.Contains(libraries, l => l.StartsWith("ServerlessPlan.Core/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => l.StartsWith(LocalHostAssembly + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void Functions_metadata_lists_every_function_the_app_declares()
    {
        var declared = App.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("IngestUpload", declared);
        Assert.Equal(declared, FunctionsMetadata.FunctionNames(FunctionsMetadata.Load()).Order(StringComparer.Ordinal));
    }
}
