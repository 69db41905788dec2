namespace EvidenceChain.Pledges;

/// <summary>What a deposit is to an asset. Numbers never change.</summary>
public enum AssetDepositRole : byte
{
    /// <summary>The secret itself (its files, as committed): what valuations match and pledges encumber.</summary>
    Secret = 1,

    /// <summary>
    /// Evidence of the confidentiality measures the Anti-Unfair Competition Law requires of a trade
    /// secret: NDAs, the access policy, the classification, access logs.
    /// </summary>
    ConfidentialityMeasure = 2,
}
