namespace EvidenceChain.Cases.Mortgage;

/// <summary>Who bears the notary's fee: the payee unless agreed (提存公证规则; DOMAIN.md §2.3). Numbers never change.</summary>
public enum FeePayer : byte
{
    /// <summary>The seller, the payee of the price: the rule's default.</summary>
    Seller = 1,

    /// <summary>The buyer, where the agreement says so.</summary>
    Buyer = 2,
}
