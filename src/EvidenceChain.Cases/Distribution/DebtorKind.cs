namespace EvidenceChain.Cases.Distribution;

/// <summary>What the debtor is, which decides how ordinary claims share (<see cref="Allocator.OrdinaryModeFor"/>). Numbers never change.</summary>
public enum DebtorKind : byte
{
    /// <summary>A natural person.</summary>
    Individual = 1,

    /// <summary>Another organisation that is not a company (a partnership, a sole proprietorship, …).</summary>
    OtherNonCorporate = 2,

    /// <summary>A company outside bankruptcy; in bankruptcy the bankruptcy court distributes instead.</summary>
    Company = 3,
}
