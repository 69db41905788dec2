using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>Reads the hashes of a proof the server sent: at most 64 (STYLE: a proof has at most 64 hashes), 32 bytes each.</summary>
internal static class ProofHashes
{
    public static Digest[] Read(IReadOnlyList<ByteString> hashes, string subject)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count > ProofPlan.ProofLengthMax)
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.WrongProofLength, $"the proof has {hashes.Count} hashes; at most {ProofPlan.ProofLengthMax} are possible"));
        }

        if (hashes.Any(hash => hash.Length != Digest.SizeInBytes))
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(VerificationFailure.WrongProofLength, $"a proof hash is not {Digest.SizeInBytes} bytes"));
        }

        return hashes.Select(hash => Digest.Read(hash.Span)).ToArray();
    }
}
