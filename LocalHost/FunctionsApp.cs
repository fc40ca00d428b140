using System.Reflection;
using ServerlessPlan.Functions;

namespace ServerlessPlan.LocalHost;

/// <summary>The deployed Functions app whose functions the local host serves by default (this assembly is never part of it).</summary>
internal static class FunctionsApp
{
    public static Assembly Assembly => typeof(FunctionsServiceCollectionExtensions).Assembly;
}
