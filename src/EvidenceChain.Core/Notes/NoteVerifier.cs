using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Notes;

/// <summary>
/// A trusted public key for C2SP signed notes (checkpoint.md §Verifier keys): a key name, the
/// public key encoding (type byte first) and the 4-byte key ID derived from both. Two verifiers
/// are equal when name and key encoding are, so a key listed twice counts once.
/// </summary>
public abstract class NoteVerifier : IEquatable<NoteVerifier>
{
    private protected NoteVerifier(string name, byte[] keyEncoding)
    {
        NoteName.Check(name);
        Name = name;
        KeyEncoding = keyEncoding;
        KeyId = ComputeKeyId(name, keyEncoding);
    }

    public string Name { get; }

    /// <summary><c>SHA-256(key name ‖ 0x0A ‖ public key encoding)[:4]</c>, big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The public key encoding: the signature type byte(s) followed by the key.</summary>
    public ReadOnlyMemory<byte> KeyEncoding { get; }

    /// <summary>A short name of the algorithm for reports: "Ed25519" or "SM2".</summary>
    public abstract string AlgorithmName { get; }

    /// <summary>SHA-256 of the public key encoding, in hex: what a report prints for each trusted key.</summary>
    public string Fingerprint => Sha256.HashData(KeyEncoding.Span).ToHex();

    /// <summary>Checks a signature over the note text (without the key ID prefix).</summary>
    public abstract bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>The C2SP verifier key string: <c>name+keyid+base64(encoding)</c>.</summary>
    public string ToVerifierKey() => $"{Name}+{KeyId:x8}+{Convert.ToBase64String(KeyEncoding.Span)}";

    public override string ToString() => ToVerifierKey();

    public bool Equals(NoteVerifier? other) =>
        other is not null && Name == other.Name && KeyEncoding.Span.SequenceEqual(other.KeyEncoding.Span);

    public override bool Equals(object? obj) => Equals(obj as NoteVerifier);

    public override int GetHashCode() => HashCode.Combine(Name, KeyId);

    internal static uint ComputeKeyId(string name, ReadOnlySpan<byte> keyEncoding)
    {
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        using var hash = new IncrementalSha256();
        hash.AppendData(nameBytes);
        hash.AppendData([0x0A]);
        hash.AppendData(keyEncoding);
        Span<byte> digest = stackalloc byte[Digest.SizeInBytes];
        hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt32BigEndian(digest);
    }
}
