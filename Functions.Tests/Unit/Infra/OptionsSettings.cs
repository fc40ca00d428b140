using System.Reflection;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The app settings Core's options classes bind (<c>Section__Property</c>), found by reflection, so a property added
/// to any <c>*Options</c> class with a <c>Section</c> constant is required in the template without editing the test.
/// </summary>
internal static class OptionsSettings
{
    /// <summary>Settings that deliberately have no app setting in Azure, each with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotDeployed = new Dictionary<string, string>
    {
        ["Mail__SendGridHost"] = "tests point SendGrid at a local endpoint; Azure uses the real API",
        ["Mail__OutboxDirectory"] = "local demo folder; in Azure the outbox is the blob container",
        ["Storage__Prefix"] = "isolates tests and side-by-side local environments; empty (no prefix) in Azure",
        ["Plan__File"] = "optional plan file outside the assembly; the embedded plan (Plan__Id) is the default",
        ["Plan__UnitsFile"] = "optional units file; the embedded units.json is the default",
    };

    /// <summary>Each options class: its section and the settings of its public settable properties.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BySection() =>
        OptionsTypes().ToDictionary(
            t => Section(t),
            t => (IReadOnlyList<string>)t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{Section(t)}__{p.Name}")
                .ToList());

    /// <summary>
    /// Settings bound to a dictionary property (<c>Contacts__Units</c>): app settings extend them with one more segment
    /// per key (<c>Contacts__Units__GT</c>).
    /// </summary>
    public static IReadOnlySet<string> Dictionaries() =>
        OptionsTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } && p.PropertyType.IsGenericType &&
                            p.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                .Select(p => $"{Section(t)}__{p.Name}"))
            .ToHashSet();

    private static IEnumerable<Type> OptionsTypes() =>
        typeof(StorageNames).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal) && SectionField(t) is not null);

    private static FieldInfo? SectionField(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field &&
        field.FieldType == typeof(string)
            ? field
            : null;

    private static string Section(Type type) => (string)SectionField(type)!.GetRawConstantValue()!;
}
