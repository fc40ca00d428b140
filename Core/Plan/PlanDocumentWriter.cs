using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Writes a <see cref="PlanCatalog"/> as a plan file in the loader's format (docs/plan-catalog.md), in one canonical
/// form: fixed member order, every year listed with explicit nulls, numbers without trailing zeros, LF line ends.
/// The same plan always gives the same bytes, so a hash of them says whether two plans are the same plan
/// (<see cref="Sha256"/>). Documentation-only members (source, notes, resolutions) are not part of a catalog and are
/// not written.
/// </summary>
public static class PlanDocumentWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Accents and «» stay readable in the file; this is a document for people too, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static byte[] Write(PlanCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", catalog.Id);
            WriteLocalized(json, "title", catalog.Title.Es, catalog.Title.En);
            json.WriteNumber("firstYear", catalog.FirstYear);
            json.WriteNumber("lastYear", catalog.LastYear);
            json.WriteStartArray("axes");
            foreach (var axis in catalog.Axes) WriteAxis(json, axis, catalog);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Lowercase hex SHA-256 of <see cref="Write"/>: equal for equal plans, different for any change.</summary>
    public static string Sha256(PlanCatalog catalog) => Convert.ToHexStringLower(SHA256.HashData(Write(catalog)));

    private static void WriteAxis(Utf8JsonWriter json, Axis axis, PlanCatalog catalog)
    {
        json.WriteStartObject();
        json.WriteString("code", axis.Code);
        WriteLocalized(json, "name", axis.Name.Es, axis.Name.En);
        json.WriteStartArray("strategicObjectives");
        foreach (var strategic in axis.StrategicObjectives)
        {
            json.WriteStartObject();
            WriteObjective(json, strategic.Code, strategic.Label, strategic.Text, strategic.EnglishText);
            json.WriteStartArray("operationalObjectives");
            foreach (var operational in strategic.OperationalObjectives)
            {
                json.WriteStartObject();
                WriteObjective(json, operational.Code, operational.Label, operational.Text, operational.EnglishText);
                json.WriteStartArray("activities");
                foreach (var activity in operational.Activities) WriteActivity(json, activity, catalog);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteObjective(Utf8JsonWriter json, string code, string label, string text, string? english)
    {
        json.WriteString("code", code);
        json.WriteString("label", label);
        json.WriteString("text", text);
        json.WriteStartObject("en");
        json.WriteString("text", english ?? throw MissingEnglish(code));
        json.WriteEndObject();
    }

    private static void WriteActivity(Utf8JsonWriter json, PlanActivity activity, PlanCatalog catalog)
    {
        var english = activity.English ?? throw MissingEnglish(activity.Code);
        json.WriteStartObject();
        json.WriteString("code", activity.Code);
        json.WriteString("label", activity.Label);
        json.WriteString("text", activity.Text);
        json.WriteString("meta", activity.Meta);
        json.WriteString("indicador", activity.Indicador);
        json.WriteString("responsable", activity.Responsable);
        json.WriteStartObject("en");
        json.WriteString("text", english.Text);
        json.WriteString("meta", english.Meta);
        json.WriteString("indicador", english.Indicador);
        json.WriteString("responsable", english.Responsable);
        json.WriteEndObject();
        json.WriteString("reporting", ReportingLevels.ToCode(activity.Reporting));
        json.WriteBoolean("indicatorIsCount", activity.IndicatorIsCount);
        json.WriteStartArray("years");
        // Every year of the plan, in order: a year the activity does not list is blank, which is what listing it as null says.
        for (var year = catalog.FirstYear; year <= catalog.LastYear; year++)
        {
            var target = activity.ForYear(year);
            json.WriteStartObject();
            json.WriteNumber("year", year);
            WritePercent(json, "programado", target?.Programado);
            WritePercent(json, "ejecutado", target?.Ejecutado);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLocalized(Utf8JsonWriter json, string name, string es, string en)
    {
        json.WriteStartObject(name);
        json.WriteString("es", es);
        json.WriteString("en", en);
        json.WriteEndObject();
    }

    private static void WritePercent(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v) json.WriteNumber(name, Canonical(v));
        else json.WriteNull(name);
    }

    /// <summary>50.0m and 50m are the same percentage: drop trailing zeros so they write the same.</summary>
    private static decimal Canonical(decimal value) => value / 1.0000000000000000000000000000m;

    private static InvalidOperationException MissingEnglish(string code) =>
        new($"{code} has no English text; a plan file needs both languages.");
}
