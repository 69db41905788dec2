namespace EvidenceChain.Cases.Distribution;

/// <summary>How a tier shares what is left when it cannot be paid in full. Numbers never change.</summary>
public enum TierMode : byte
{
    /// <summary>In order of registration or seizure time: each claim is paid in full before the next gets anything.</summary>
    Sequential = 1,

    /// <summary>In proportion to the amounts owed (参与分配), whole fen by the largest-remainder method.</summary>
    ProRata = 2,
}
