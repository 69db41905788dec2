namespace EvidenceChain.Core.Access;

/// <summary>What a registered party is to the notary office. Stable numbers (stored, and in certificates' registry entries).</summary>
public enum PartyRole
{
    /// <summary>The operating notary office: registers parties and their keys, runs the deployment.</summary>
    NotaryOffice = 1,

    /// <summary>A notary (a person) of the office; some may approve payouts.</summary>
    Notary = 2,

    /// <summary>An enterprise or person depositing evidence, and a pledgor.</summary>
    Enterprise = 3,

    /// <summary>A bank lending against escrow or a pledged asset.</summary>
    Lender = 4,

    /// <summary>A real-estate registration centre.</summary>
    Registry = 5,

    /// <summary>A court: sees what its orders grant.</summary>
    Court = 6,

    /// <summary>An appraiser attesting valuations.</summary>
    Appraiser = 7,

    /// <summary>An auditor: read-only, public verification material only.</summary>
    Auditor = 8,
}
