using System.Collections;
using System.Globalization;
using System.Reflection;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The app settings Core's options classes bind (<c>Section__Property</c>), found by reflection, so a property added
/// to any <c>*Options</c> class with a <c>Section</c> constant is required in the template without editing the test;
/// and, with their defaults, every setting the code reads (<see cref="All"/>).
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

    /// <summary>
    /// Settings whose value is deliberately not the code's default in Functions/local.settings.sample.json or in Azure
    /// (they must still be there), each with the reason. The README always shows the code's default.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EnvironmentSpecific = new Dictionary<string, string>
    {
        ["Digest__Recipients"] = "who receives the digest is the coalition's choice: nobody in code and in Azure until set (digestRecipients), a sample address locally",
        ["Contacts__SecretariatCopy"] = "the ST's address is the coalition's choice: nobody in code and in Azure until set (contactsStCopy), a sample address locally",
        ["Mail__SendGridApiKey"] = "a secret: empty locally (mail goes to the outbox), a Key Vault reference in Azure",
        ["Mail__OutboxDirectory"] = "the demo's local folder (out/outbox); none in code or Azure",
        ["Portal__BaseUrl"] = "the portal is the app itself: in Azure its own https address unless portalBaseUrl names another; none in code or locally (mails then say how to get files)",
    };

    /// <summary>A setting the code reads: its name, its default as configuration text, and whether it is a map or list
    /// (bound from <c>Name__Key</c> settings, e.g. <c>Contacts__Units__GT</c>) rather than one value.</summary>
    public sealed record Setting(string Name, string Default, bool IsMap)
    {
        public override string ToString() => Name;
    }

    /// <summary>Each options class: its section and the settings of its public settable properties.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BySection() =>
        OptionsTypes().ToDictionary(
            t => Section(t),
            t => (IReadOnlyList<string>)Properties(t).Select(p => $"{Section(t)}__{p.Name}").ToList());

    /// <summary>
    /// Every setting of the code with its default: each options property as a new instance of its class holds it, and
    /// each top-level setting (a Core type with <c>Setting</c> and <c>Default</c> constants, e.g. DigestSchedule).
    /// </summary>
    public static IReadOnlyList<Setting> All()
    {
        var options = OptionsTypes().SelectMany(type =>
        {
            var instance = Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"{type.Name} needs a public parameterless constructor.");
            return Properties(type).Select(p => new Setting(
                $"{Section(type)}__{p.Name}", AsSettingText(p.GetValue(instance)), IsMap(p.PropertyType)));
        });
        var topLevel = CoreTypes()
            .Select(t => (Setting: Constant(t, "Setting"), Default: Constant(t, "Default")))
            .Where(c => c.Setting is not null && c.Default is not null)
            .Select(c => new Setting(c.Setting!, c.Default!, IsMap: false));
        return [.. options.Concat(topLevel).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>A value as it is written in configuration: invariant numbers, lowercase booleans, empty for none.</summary>
    public static string AsSettingText(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        ICollection { Count: 0 } => "",
        _ => value.ToString() ?? "",
    };

    private static bool IsMap(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static IEnumerable<Type> CoreTypes() => typeof(StorageNames).Assembly.GetTypes();

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
        CoreTypes().Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal) && SectionField(t) is not null);

    private static string? Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? (string?)field.GetRawConstantValue()
            : null;

    private static FieldInfo? SectionField(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field &&
        field.FieldType == typeof(string)
            ? field
            : null;

    private static string Section(Type type) => (string)SectionField(type)!.GetRawConstantValue()!;
}
