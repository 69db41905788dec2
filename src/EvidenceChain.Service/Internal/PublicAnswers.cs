namespace EvidenceChain.Service.Internal;

/// <summary>
/// The public JSON API's bodies. Property names become snake_case and are part of the API: never
/// renamed, only added to. Hashes in proofs are base64 (as in checkpoints and tlog proofs); chain
/// hashes are written as the chain writes them (0x hex).
/// </summary>
internal static class PublicAnswers
{
    /// <summary>The latest signed checkpoint: the note as signed, and its size.</summary>
    public sealed record Checkpoint(string Origin, ulong TreeSize, string Note);

    /// <summary>The consistency proof between two signed tree sizes.</summary>
    public sealed record Consistency(ulong FirstTreeSize, ulong SecondTreeSize, IReadOnlyList<string> Proof);

    /// <summary>The anchors covering a tree of <see cref="TreeSize"/> leaves, on each chain.</summary>
    public sealed record AnchorList(bool AnchoringEnabled, ulong TreeSize, IReadOnlyList<Anchor> Anchors);

    /// <summary>One anchor: its state (pending, included, final, lost), where, and (landed) the transaction.</summary>
    public sealed record Anchor(
        string State,
        AnchorChain Chain,
        ulong TreeSize,
        string Root,
        string? TransactionHash,
        ulong? BlockNumber,
        string? BlockHash,
        ulong? BlockTime);

    /// <summary>The chain and contract; <see cref="LogId"/> is SHA-256 of the log's origin, in hex, as the contract keys it.</summary>
    public sealed record AnchorChain(string Kind, long ChainId, string Contract, string GenesisHash, string LogId);

    /// <summary>Every refusal: one sentence a person understands.</summary>
    public sealed record KeyStatements(string Origin, IReadOnlyList<string> Statements);

    public sealed record Refusal(string Error);
}
