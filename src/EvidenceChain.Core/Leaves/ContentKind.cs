namespace EvidenceChain.Core.Leaves;

/// <summary>What a deposit holds (leaf.md §Deposit body). Numbers never change.</summary>
public enum ContentKind : byte
{
    TradeSecret = 1,
    Copyright = 2,
    Data = 3,
    Document = 4,
}
