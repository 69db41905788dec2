using EvidenceChain.Pledges;

namespace EvidenceChain.Engine.Pledges;

/// <summary>
/// What an event would do now, nothing recorded: the decision on the signatures the command carries,
/// the command as the desk fills it from the log (what the signers sign), the number the event would
/// get among its asset's events, and the exact message each signer signs (<see cref="PledgeEventMessage.Of"/>).
/// </summary>
/// <param name="Decision">The decision now; an unsigned command is refused for its signatures.</param>
/// <param name="Command">The command with each registered deposit's roots, unit count and depositor commitments read from its leaf.</param>
/// <param name="Number">The asset's event number the event would take.</param>
/// <param name="Message">The bytes every signer signs; null when the command is malformed (the decision says why).</param>
public sealed record PledgeProposal(PledgeDecision Decision, PledgeCommand Command, ulong Number, byte[]? Message);
