using System.Security.Cryptography;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Signing;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The Ed25519 key an issuer signs an artefact with, or a notary an approval (<c>--key KEYFILE</c>): the
/// depositor key's file format (<see cref="OwnerOnlyKeyFile"/>: one line of base64 of a 32-byte seed,
/// owner-only), never made here. The party's key must have been bound to it (<c>party bind-key</c>); its
/// fingerprint names it in what it signs.
/// </summary>
internal static class CaseSigningKey
{
    private static readonly OwnerOnlyKeyFile s_file = new(Ed25519MemoryKey.SeedLengthBytes, OnlineProblem.CaseKeyOpenToOthers, OnlineProblem.CaseKeyMalformed);

    public static Ed25519MemoryKey Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(InputProblem.IsADirectory, path);
        }

        if (!File.Exists(path))
        {
            throw new InputException(InputProblem.FileNotFound, path);
        }

        byte[] seed = s_file.Load(path);
        try
        {
            return new Ed25519MemoryKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The fingerprint the registry knows the key by (commitment.md §Party commitments).</summary>
    public static Digest FingerprintOf(Ed25519MemoryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new PartyKey(key.PublicKey.ToArray(), 0, null).Fingerprint;
    }
}
