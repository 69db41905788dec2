namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>The outcome of one start attempt: a node, or why there is none and anvil's last error line.</summary>
internal readonly record struct AnvilStart(AnvilNode? Node, AnvilStartFailure Failure, string Error);
