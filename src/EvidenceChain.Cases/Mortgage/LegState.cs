namespace EvidenceChain.Cases.Mortgage;

/// <summary>Where one payoff leg stands. Numbers never change.</summary>
public enum LegState : byte
{
    /// <summary>Nothing earmarked yet.</summary>
    Open = 1,

    /// <summary>Earmarked on a quote (P2).</summary>
    Reserved = 2,

    /// <summary>Instructed to the bank (P3 pending).</summary>
    Sent = 3,

    /// <summary>On the statement (P3 posted).</summary>
    Confirmed = 4,
}
