using System.Buffers.Binary;
using System.Text;

namespace EvidenceChain.Core.Commitments;

/// <summary>
/// The depositor's secret master salt (commitment.md §Salts): 32 to 64 random bytes made on the
/// client, from which every unit salt and the party salt derive with HMAC-SHA256. It never goes
/// into a receipt or to the service.
/// </summary>
public sealed class MasterSalt
{
    public const int LengthMinBytes = 32;
    public const int LengthMaxBytes = 64;

    /// <summary>The length this implementation draws.</summary>
    public const int DefaultLengthBytes = 32;

    private static readonly byte[] s_unitSaltLabel = Encoding.ASCII.GetBytes("evidencechain/v1/unit-salt");
    private static readonly byte[] s_partySaltLabel = Encoding.ASCII.GetBytes("evidencechain/v1/party-salt");

    private readonly byte[] _bytes;

    private MasterSalt(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Wraps existing salt bytes (from a salt file).</summary>
    /// <exception cref="ArgumentException">Fewer than 32 or more than 64 bytes.</exception>
    public static MasterSalt FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is < LengthMinBytes or > LengthMaxBytes)
        {
            throw new ArgumentException($"A master salt has {LengthMinBytes} to {LengthMaxBytes} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new MasterSalt(bytes.ToArray());
    }

    /// <summary>Draws a new master salt from <paramref name="random"/>.</summary>
    public static MasterSalt Create(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        byte[] bytes = new byte[DefaultLengthBytes];
        random(bytes);
        return new MasterSalt(bytes);
    }

    /// <summary><c>HMAC-SHA256(master_salt, "evidencechain/v1/unit-salt" ‖ u64(unitIndex))</c>.</summary>
    public DerivedSalt DeriveUnitSalt(ulong unitIndex)
    {
        Span<byte> message = stackalloc byte[s_unitSaltLabel.Length + sizeof(ulong)];
        s_unitSaltLabel.CopyTo(message);
        BinaryPrimitives.WriteUInt64BigEndian(message[s_unitSaltLabel.Length..], unitIndex);
        Span<byte> salt = stackalloc byte[DerivedSalt.LengthBytes];
        HmacSha256.HashData(_bytes, message, salt);
        return DerivedSalt.FromBytes(salt);
    }

    /// <summary><c>HMAC-SHA256(master_salt, "evidencechain/v1/party-salt")</c>.</summary>
    public DerivedSalt DerivePartySalt()
    {
        Span<byte> salt = stackalloc byte[DerivedSalt.LengthBytes];
        HmacSha256.HashData(_bytes, s_partySaltLabel, salt);
        return DerivedSalt.FromBytes(salt);
    }
}
