namespace EvidenceChain.Cases.Accounts;

/// <summary>What a case's ledger account holds (DOMAIN.md §6.1 <c>L:c:&lt;case&gt;:…</c>, <c>M:*</c>). Numbers never change.</summary>
public enum CaseAccountPurpose : byte
{
    /// <summary><c>L:c:buyer</c>: the buyer's money in escrow (the depositor's).</summary>
    Buyer = 1,

    /// <summary><c>L:c:seller</c>: the seller's entitlement once the conditions are met.</summary>
    Seller = 2,

    /// <summary><c>L:c:payoff:&lt;leg&gt;</c>: earmarked to pay off one loan of the seller's.</summary>
    Payoff = 3,

    /// <summary><c>L:c:fees</c>: the notary's fees, until earned and paid out.</summary>
    Fees = 4,

    /// <summary><c>L:c:hold:&lt;order&gt;</c>: an amount a court froze.</summary>
    Hold = 5,

    /// <summary><c>L:treasury-payable</c> of the case: lapsed money owed to the State (Civil Code art. 574).</summary>
    TreasuryPayable = 6,

    /// <summary><c>L:c:proceeds</c> (带封过户): the price once the title moved, until the court's plan allocates it.</summary>
    Proceeds = 20,

    /// <summary><c>L:c:payee:&lt;k&gt;</c> (带封过户): what the court's plan allocates to claim k, until paid out.</summary>
    Payee = 21,

    /// <summary><c>L:c:surplus</c> (带封过户): what is left for the debtor after every claim, until paid out.</summary>
    DebtorSurplus = 22,

    /// <summary><c>M:c:buyer-claim</c> (memo): the buyer's claim against the seller after a failed transfer, off the escrow balance.</summary>
    BuyerClaim = 10,

    /// <summary><c>M:c:seller-debt</c> (memo): the other side of the buyer's claim.</summary>
    SellerDebt = 11,
}
