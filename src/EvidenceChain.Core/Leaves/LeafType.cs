namespace EvidenceChain.Core.Leaves;

/// <summary>Every kind of leaf the log will hold (leaf.md §Leaf types). Numbers never change; 0 and 9–255 are reserved.</summary>
public enum LeafType : byte
{
    Deposit = 1,
    CustodyEvent = 2,
    LedgerBatch = 3,
    CaseTransition = 4,
    PledgeEvent = 5,
    TimestampToken = 6,
    Certificate = 7,
    KeyStatement = 8,
}
