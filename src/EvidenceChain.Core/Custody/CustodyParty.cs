using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Custody;

/// <summary>
/// A party named by a custody event, with the salt that hides it in the leaf: the leaf carries
/// <c>H(0x03 ‖ salt ‖ SHA-256("evidencechain/party/v1\n" ‖ party_id))</c> for each hash, so the
/// log shows no party, and the record (kept beside the log) opens it.
/// </summary>
/// <param name="PartyId">32 lowercase hex digits.</param>
/// <param name="Salt">32 random bytes, fresh per event and party.</param>
public sealed record CustodyParty(string PartyId, DerivedSalt Salt)
{
    private static readonly byte[] FingerprintDomain = Encoding.ASCII.GetBytes("evidencechain/party/v1\n");

    public static CustodyParty Create(string partyId, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!PartyIds.IsValid(partyId))
        {
            throw Error.OutOfRange(nameof(partyId), partyId, "A party id is 32 lowercase hex digits.");
        }

        Span<byte> salt = stackalloc byte[DerivedSalt.LengthBytes];
        random(salt);
        return new CustodyParty(partyId, DerivedSalt.FromBytes(salt));
    }

    /// <summary>The party's commitment in the leaf, for both hashes.</summary>
    public DigestPair Commitment()
    {
        Span<byte> preimage = stackalloc byte[FingerprintDomain.Length + PartyIds.LengthBytes];
        FingerprintDomain.CopyTo(preimage);
        Convert.FromHexString(PartyId, preimage[FingerprintDomain.Length..], out _, out _);
        Digest fingerprint = Sha256.HashData(preimage);
        return new DigestPair(
            PartyCommitment.Compute(TreeHash.Sha256, Salt, fingerprint),
            PartyCommitment.Compute(TreeHash.Sm3, Salt, fingerprint));
    }
}
