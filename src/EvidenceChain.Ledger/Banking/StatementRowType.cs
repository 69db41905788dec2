namespace EvidenceChain.Ledger.Banking;

/// <summary>What a row of a bank statement is (docs/formats/bank-statement.md, column <c>type</c>). Numbers never change.</summary>
#pragma warning disable CA1008 // 0 is no type on purpose: a row always names its type.
public enum StatementRowType : byte
#pragma warning restore CA1008
{
    /// <summary>A transaction on the escrow account (<c>line</c>): money in or out.</summary>
    Line = 1,

    /// <summary>Interest the bank credited to the escrow account (<c>interest</c>).</summary>
    Interest = 2,

    /// <summary>The account's closing balance at the end of a day (<c>closing</c>).</summary>
    Closing = 3,
}
