using EvidenceChain.Cli;
using EvidenceChain.Cli.Offline;

return await CliApp.RunAsync(args, CliContext.FromConsole()).ConfigureAwait(false);
