using System.Text.RegularExpressions;

namespace EvidenceChain.VerifyPage.Tests.Support;

/// <summary>
/// The page's fixture with the local development chain (anvil, started by the service in
/// <c>--Anchor:Mode=local</c>) anchoring often and the built-in TSA stamping checkpoints; and, made
/// once on first use, a deposit whose receipt carries a final anchor.
/// </summary>
public sealed partial class AnchoringPageFixture() : PageFixture(
[
    "--Anchor:Mode=local",
    "--Anchor:Interval=00:00:00.300",
    "--Tsa:Stamping:UseBuiltIn=true",
    "--Tsa:Stamping:Interval=00:00:00.500",
    "--Tsa:Stamping:PollInterval=00:00:00.100",
])
{
    private DepositedEvidence? _final;
    private readonly Lock _finalLock = new();

    /// <summary>
    /// The development chain's JSON-RPC address (http://127.0.0.1:PORT), from the service's "Started
    /// anvil … at URL" line: the chain's own node, what a court would replace with one it trusts.
    /// </summary>
    public string ChainRpc
    {
        get
        {
            Match line = AnvilStartedLine().Match(Service.Output);
            return line.Success ? line.Groups["rpc"].Value : throw new InvalidOperationException("The service logged no anvil start:\n" + Service.Output);
        }
    }

    /// <summary>
    /// A deposit with a marker in every line of its content (so any request that carried the file would
    /// show it), its receipt upgraded by the CLI until its anchor is final. Made on first use, then shared.
    /// </summary>
    internal DepositedEvidence FinalDeposit()
    {
        lock (_finalLock)
        {
            if (_final is null)
            {
                byte[] content = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("EVIDENCE-MARKER-9c1e anchored and final\n", 2000)));
                DepositedEvidence deposit = Deposit("final-anchor.txt", content);
                Cli.UpgradeReceiptUntilFinal(deposit);
                _final = deposit;
            }

            return _final;
        }
    }

    [GeneratedRegex(@"Started anvil \(PID \d+\) at (?<rpc>http://127\.0\.0\.1:\d+)")]
    private static partial Regex AnvilStartedLine();
}
