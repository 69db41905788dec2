namespace EvidenceChain.Cases.Sealed;

/// <summary>The account a claim's allocation is paid to, as the court's plan names it.</summary>
/// <param name="ClaimNumber">The claim.</param>
/// <param name="Payee">The creditor's account.</param>
public sealed record ClaimPayee(byte ClaimNumber, PayeeAccount Payee);
