using ServerlessPlan.Bench;

// The cold-start bench's floor runs from this same program, before anything else of the bench is loaded.
if (args is [BareHost.Verb, ..]) return await BareHost.RunAsync(args);
return await BenchApp.RunAsync(args, Console.Out, Console.Error);
