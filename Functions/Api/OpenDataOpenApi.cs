using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.OpenData;

namespace ServerlessPlan.Functions.Api;

/// <summary>
/// The OpenAPI 3.0 document of the open-data API (<c>GET /api/v1/openapi.json</c>), built from <see cref="OpenDataSchema"/>
/// so a table's JSON rows are described by the same columns the package writes: one row schema per table, the query
/// parameters, every answer the functions give (200, 400, 401, 403, 404, 429) and the two ways to sign in — an Entra ID
/// bearer token or the portal's App Service session cookie.
/// </summary>
public static class OpenDataOpenApi
{
    public static string Json { get; } = Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Build()
    {
        var schemas = new JsonObject { ["Problem"] = Problem() };
        foreach (var table in OpenDataSchema.Tables) schemas[RowSchema(table)] = Row(table);
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "ServerlessPlan open data",
                ["version"] = OpenDataSchema.Version,
                ["description"] = "The record of the Coalición Regional's operational plan as tables (docs/data.md). For Coalition.Reader.",
            },
            ["paths"] = new JsonObject
            {
                ["/" + PortalRoutes.OpenDataDataset] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "getDataset",
                        ["summary"] = "One table of the package",
                        ["parameters"] = new JsonArray(
                            Parameter("table", "path", true, new JsonObject { ["type"] = "string", ["enum"] = Strings(OpenDataSchema.Tables.Select(t => t.Name)) }),
                            Period(), AsOf(), Format(["csv", "parquet", "json"]), Lang()),
                        ["responses"] = Responses(new JsonObject
                        {
                            ["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } },
                            ["application/vnd.apache.parquet"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
                            ["application/json"] = new JsonObject
                            {
                                ["schema"] = new JsonObject
                                {
                                    ["type"] = "array",
                                    ["items"] = new JsonObject
                                    {
                                        ["oneOf"] = new JsonArray(OpenDataSchema.Tables.Select(t => (JsonNode)Ref(RowSchema(t))).ToArray()),
                                    },
                                },
                            },
                        }, 400, 401, 403, 404, 429),
                    },
                },
                ["/" + PortalRoutes.OpenDataDescriptor] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "getDataPackage",
                        ["summary"] = "The Frictionless datapackage.json describing the tables, with links to them",
                        ["parameters"] = new JsonArray(Period(), AsOf(), Format(["csv", "parquet"]), Lang()),
                        ["responses"] = Responses(new JsonObject
                        {
                            ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } },
                        }, 400, 401, 403),
                    },
                },
                ["/" + PortalRoutes.OpenDataOpenApi] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["operationId"] = "getOpenApi",
                        ["summary"] = "This document",
                        ["security"] = new JsonArray(),
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = "The OpenAPI document",
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["entraId"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "An Entra ID access token for the app's registration (docs/data.md, \"Signing in from a script or Power BI\").",
                    },
                    ["portalSession"] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "cookie",
                        ["name"] = "AppServiceAuthSession",
                        ["description"] = "The portal's sign-in session (App Service Authentication).",
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["entraId"] = new JsonArray() }, new JsonObject { ["portalSession"] = new JsonArray() }),
        };
    }

    public static string RowSchema(DatasetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return char.ToUpperInvariant(table.Name[0]) + table.Name[1..] + "Row";
    }

    private static JsonObject Row(DatasetTable table)
    {
        var properties = new JsonObject();
        foreach (var field in table.Fields)
        {
            var property = field.Type switch
            {
                DatasetFieldType.Integer => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
                DatasetFieldType.Number => new JsonObject { ["type"] = "number", ["format"] = "double" },
                DatasetFieldType.Boolean => new JsonObject { ["type"] = "boolean" },
                DatasetFieldType.DateTime => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                _ => new JsonObject { ["type"] = "string" },
            };
            if (field.Enum is { } values) property["enum"] = Strings(values);
            if (!field.Required) property["nullable"] = true;
            property["title"] = $"{field.Title.Es} / {field.Title.En}";
            property["description"] = field.Description;
            properties[field.Name] = property;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = table.Description,
            ["required"] = Strings(table.Fields.Select(f => f.Name)),
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Problem() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 9457 problem details, in the language asked with lang (else the portal's language cookie, else Spanish).",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["code"] = new JsonObject { ["type"] = "string" },
        },
    };

    private static JsonObject Responses(JsonObject ok, params int[] failures)
    {
        var responses = new JsonObject { ["200"] = new JsonObject { ["description"] = "The data", ["content"] = ok } };
        foreach (var status in failures)
        {
            var description = status switch
            {
                400 => "A parameter is wrong",
                401 => "Not signed in",
                403 => "Signed in without Coalition.Reader",
                404 => "No such table",
                _ => "Too many builds at once; try again after Retry-After seconds",
            };
            var response = new JsonObject
            {
                ["description"] = description,
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
            };
            if (status == 401)
            {
                response["headers"] = new JsonObject
                {
                    ["WWW-Authenticate"] = new JsonObject
                    {
                        ["description"] = "The bearer challenge: Bearer realm=\"{authority}\", authorization_uri=\"{authority}/oauth2/authorize\", the Entra ID authority to ask for a token (how Power BI's Web connector signs in; docs/data.md).",
                        ["schema"] = new JsonObject { ["type"] = "string" },
                    },
                };
            }

            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        return responses;
    }

    private static JsonObject Parameter(string name, string where, bool required, JsonObject schema, string? description = null)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = where, ["required"] = required, ["schema"] = schema };
        if (description is not null) parameter["description"] = description;
        return parameter;
    }

    private static JsonObject Lang() => Parameter("lang", "query", false,
        new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("es", "en") }, "The language of problem details; absent: the portal's language cookie, else Spanish. Data and column names do not change.");

    private static JsonObject Period() => Parameter("period", "query", false,
        new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{4}-Q[1-4]$" }, "One quarter, YYYY-Qn; absent: every quarter of every plan in force.");

    private static JsonObject AsOf() => Parameter("asOf", "query", false,
        new JsonObject { ["type"] = "string", ["format"] = "date-time" }, "The record as it stood at this instant (UTC); absent: as stored now.");

    private static JsonObject Format(string[] formats) => Parameter("format", "query", false,
        new JsonObject { ["type"] = "string", ["enum"] = Strings(formats), ["default"] = "csv" });

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
