using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Custody;

/// <summary>
/// What a <see cref="CustodyAction.VaultStored"/> event records beyond the common fields
/// (custody-event.md §Vault section): the digests and length of the vault file the service took,
/// which are the ciphertext's, never the content's, and which unit of the deposit the owner says it holds.
/// </summary>
/// <param name="CiphertextDigest">SHA-256 and SM3 of the vault file's bytes, header included.</param>
/// <param name="CiphertextLengthBytes">The vault file's length, more than 0.</param>
/// <param name="UnitIndex">The deposit's unit the owner encrypted, or <see cref="WholeDeposit"/>.</param>
public sealed record CustodyVaultObject(DigestPair CiphertextDigest, ulong CiphertextLengthBytes, uint UnitIndex)
{
    /// <summary>The unit index that says the file holds the whole deposit (all its units, as the owner packed them).</summary>
    public const uint WholeDeposit = uint.MaxValue;

    /// <summary>The encoded length: two digests, the length and the unit index.</summary>
    internal const int LengthBytes = (2 * Digest.SizeInBytes) + 8 + 4;

    /// <summary>Whether the section can be encoded canonically; the problem if not.</summary>
    internal string? Check() => CiphertextLengthBytes == 0
        ? "a vault file has at least its header"
        : UnitIndex != WholeDeposit && UnitIndex >= UnitPlan.UnitCountMax
            ? $"unit index {UnitIndex} is not below the most units a deposit has ({UnitPlan.UnitCountMax})"
            : null;
}
