namespace EvidenceChain.Core.Custody;

/// <summary>What a custody event is about; the subject's bytes follow its kind in the record.</summary>
public enum CustodySubjectKind : byte
{
    /// <summary>A deposit, by its leaf hash (its deposit id), 32 bytes.</summary>
    Deposit = 1,

    /// <summary>A party, by its id, 16 bytes.</summary>
    Party = 2,

    /// <summary>A key, by its fingerprint, 32 bytes.</summary>
    Key = 3,

    /// <summary>A certificate, by the SHA-256 of its DER encoding, 32 bytes.</summary>
    Certificate = 4,
}
