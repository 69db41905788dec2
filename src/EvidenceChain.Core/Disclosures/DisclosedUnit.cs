using System.Globalization;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Disclosures;

/// <summary>
/// One unit opened to a court (disclosure.md §Units): its index in the deposit, its descriptor, its
/// own unit salt (never the master salt), its RFC 9162 inclusion proofs in the SHA-256 and SM3 units
/// trees, and the name of the file, beside the package, that holds its bytes.
/// </summary>
public sealed record DisclosedUnit(
    ulong Index,
    UnitDescriptor Unit,
    DerivedSalt UnitSalt,
    IReadOnlyList<Digest> ProofSha256,
    IReadOnlyList<Digest> ProofSm3,
    string ContentFile)
{
    /// <summary>The proof for <paramref name="hash"/>.</summary>
    public IReadOnlyList<Digest> ProofFor(TreeHash hash) => hash switch
    {
        TreeHash.Sha256 => ProofSha256,
        TreeHash.Sm3 => ProofSm3,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "Unknown tree hash."),
    };

    /// <summary>How reports name the unit: <c>#index path@offset+length</c> (the path "" is a single-file deposit).</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"#{Index} '{Unit.Path}'@{Unit.OffsetBytes}+{Unit.LengthBytes}");
}
