namespace EvidenceChain.Cases.Mortgage;

/// <summary>The kind of a loan a payoff leg clears (DOMAIN.md §3.6). Numbers never change.</summary>
public enum LoanKind : byte
{
    /// <summary>A commercial bank mortgage loan.</summary>
    Commercial = 1,

    /// <summary>A housing provident fund loan (公积金).</summary>
    ProvidentFund = 2,
}
