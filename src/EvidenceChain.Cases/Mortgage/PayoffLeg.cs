namespace EvidenceChain.Cases.Mortgage;

/// <summary>One loan of the seller's that the escrow pays off.</summary>
/// <param name="Leg">Its number in the case, 1 to <see cref="ConditionSet.PayoffLegCountMax"/>, each once.</param>
/// <param name="Kind">Commercial or provident fund.</param>
/// <param name="LenderPartyId">The registered lender whose quote, consent and settlement certificate the guards ask for.</param>
/// <param name="Payee">The account the payoff is paid to.</param>
public sealed record PayoffLeg(byte Leg, LoanKind Kind, string LenderPartyId, PayeeAccount Payee);
