namespace EvidenceChain.Cases.Mortgage;

/// <summary>How the buyer's loan, if any, is paid (DOMAIN.md §3.4). Numbers never change.</summary>
public enum LoanRoute : byte
{
    /// <summary>No loan: the buyer pays the whole price into escrow.</summary>
    None = 1,

    /// <summary>The buyer's bank pays the loan into escrow after registration (P5).</summary>
    IntoEscrow = 2,

    /// <summary>The buyer's bank pays the seller directly; the escrow holds only the buyer's own money.</summary>
    DirectToSeller = 3,
}
