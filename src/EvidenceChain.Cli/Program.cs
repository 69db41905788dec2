using EvidenceChain.Cli;

return CliApp.Run(args, CliContext.FromConsole());
