namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// Why a disclosure package does not prove what it claims (disclosure.md §Verification), in the
/// order the checks run. The numbers are stable: they appear in reports, so they never change and
/// are never reused.
/// </summary>
public enum DisclosureFailure
{
    /// <summary>Nothing failed.</summary>
    None = 0,

    /// <summary>The package is not a disclosure package of a layout this version reads.</summary>
    MalformedDisclosure = 1,

    /// <summary>The package's <c>format</c> names a version this verifier does not know.</summary>
    UnsupportedVersion = 2,

    /// <summary>The embedded receipt does not verify (its own reason is in the receipt report).</summary>
    ReceiptInvalid = 3,

    /// <summary>The package's <c>unit_count</c> is not the deposit leaf's.</summary>
    UnitCountMismatch = 4,

    /// <summary>A unit's index is not below the deposit's unit count.</summary>
    UnitIndexOutOfRange = 5,

    /// <summary>Two entries disclose the same unit index.</summary>
    DuplicateUnit = 6,

    /// <summary>The content given for a unit does not have the unit's <c>length_bytes</c>.</summary>
    ContentLengthMismatch = 7,

    /// <summary>An inclusion proof does not have the length RFC 9162 fixes for its index and the unit count.</summary>
    WrongProofLength = 8,

    /// <summary>
    /// The commitment recomputed from the content, the unit salt and the descriptor, with its proof,
    /// does not lead to the units root in the deposit leaf. The content was altered, the salt or the
    /// descriptor is wrong, or the proof is another unit's: by design the verifier cannot tell which.
    /// </summary>
    UnitNotInUnitsTree = 9,
}
