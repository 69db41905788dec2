namespace EvidenceChain.Cli.Tests.Support;

/// <summary>What a CLI run returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
