using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace EvidenceChain.Core;

/// <summary>
/// SHA-256 over data that arrives in pieces, reusable after each <see cref="GetHashAndReset"/>, on the
/// implementation <see cref="CryptoMode"/> chooses. Its members are <see cref="IncrementalHash"/>'s, which it replaces.
/// </summary>
internal sealed class IncrementalSha256 : IDisposable
{
    private readonly IncrementalHash? _platform;
    private readonly Sha256Digest? _managed;

    public IncrementalSha256()
        : this(CryptoMode.IsManagedOnly)
    {
    }

    /// <summary>Either implementation regardless of the switch, so tests can hold one against the other.</summary>
    internal IncrementalSha256(bool managed)
    {
        if (managed)
        {
            _managed = new Sha256Digest();
        }
        else
        {
            _platform = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    public void AppendData(ReadOnlySpan<byte> data)
    {
        if (_platform is not null)
        {
            _platform.AppendData(data);
        }
        else
        {
            _managed!.BlockUpdate(data);
        }
    }

    /// <summary>Writes the digest of everything appended to <paramref name="destination"/> (at least 32 bytes) and starts afresh.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        Debug.Assert(destination.Length >= Sha256.HashSizeInBytes);
        if (_platform is not null)
        {
            _platform.GetHashAndReset(destination);
        }
        else
        {
            _managed!.DoFinal(destination);
        }
    }

    public void Dispose() => _platform?.Dispose();
}
