using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessPlan.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddServerlessPlanFunctions();
builder.Build().Run();
