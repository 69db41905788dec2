namespace EvidenceChain.Core.Receipts;

/// <summary>Where an anchor stood when the notary wrote the receipt (its claim; a verifier checks the chain itself).</summary>
public enum AnchorState
{
    /// <summary>Sent or about to be; not in a block yet.</summary>
    Pending = 1,

    /// <summary>In a block that was not final yet.</summary>
    Included = 2,

    /// <summary>In a block the chain counted as final.</summary>
    Final = 3,

    /// <summary>The chain that held it was reset (a development chain); it proves nothing.</summary>
    Lost = 4,
}
