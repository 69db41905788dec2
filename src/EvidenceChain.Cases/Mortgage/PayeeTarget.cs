namespace EvidenceChain.Cases.Mortgage;

/// <summary>Which payee account of the condition set an amendment changes. Numbers never change.</summary>
public enum PayeeTarget : byte
{
    /// <summary>The seller's payout account.</summary>
    Seller = 1,

    /// <summary>The buyer's refund account.</summary>
    BuyerRefund = 2,

    /// <summary>The office's fee account.</summary>
    Fee = 3,

    /// <summary>A payoff leg's account (the command's leg names it).</summary>
    PayoffLeg = 4,
}
