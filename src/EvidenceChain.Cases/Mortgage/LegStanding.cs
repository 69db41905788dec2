namespace EvidenceChain.Cases.Mortgage;

/// <summary>One payoff leg's progress.</summary>
/// <param name="Leg">The leg's number.</param>
/// <param name="State">Where it stands.</param>
/// <param name="ReservedFen">What is earmarked in its payoff account (the quote).</param>
/// <param name="Attempt">The payment attempt: a payment the bank returned is sent again as the next attempt, under a new id.</param>
/// <param name="Adjustments">How many times the earmark was adjusted to a new quote.</param>
public sealed record LegStanding(byte Leg, LegState State, long ReservedFen, ushort Attempt, ushort Adjustments);
