using System.Security.Cryptography;

namespace EvidenceChain.Core.Signing;

/// <summary>
/// The signer port: a private key that signs messages with one <see cref="SigningAlgorithm"/> and
/// shows its public key. Every signature the notary makes goes through it. Where the private key
/// lives is the implementation's business: in process memory (<see cref="Ed25519MemoryKey"/>,
/// <see cref="Sm2MemoryKey"/>; the service keeps them in 0600 files) or inside a cryptographic
/// device that never lets it out (EvidenceChain.Signing.Pkcs11).
/// </summary>
/// <remarks>
/// The public key and the SM2 user ID are fixed when the key is opened and checked here, once; an
/// implementation only signs (<see cref="SignCore"/>), and what it returns is checked for length
/// before anyone sees it. SM2 binds the signer's user ID into every signature (Z_A, GB/T 32918.2
/// §5.5), so the ID belongs to the key, not to the call.
/// </remarks>
public abstract class SigningKey : IDisposable
{
    /// <summary>The length of an Ed25519 public key (RFC 8032 §5.1.5).</summary>
    public const int Ed25519PublicKeyLengthBytes = 32;

    /// <summary>The length of an uncompressed SM2 point, 0x04 ‖ x ‖ y.</summary>
    public const int Sm2PublicKeyLengthBytes = 65;

    /// <summary>The length of a signature of either algorithm: Ed25519's R ‖ S, SM2's r ‖ s.</summary>
    public const int SignatureLengthBytes = 64;

    private readonly byte[] _publicKey;
    private readonly byte[] _userId;
    private bool _disposed;

    /// <param name="algorithm">What the key signs with.</param>
    /// <param name="publicKey">Ed25519: the raw 32-byte key; SM2: the 65-byte uncompressed point.</param>
    /// <param name="userId">SM2: the user ID every signature is made under; Ed25519: empty.</param>
    protected SigningKey(SigningAlgorithm algorithm, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> userId)
    {
        switch (algorithm)
        {
            case SigningAlgorithm.Ed25519:
                if (publicKey.Length != Ed25519PublicKeyLengthBytes)
                {
                    throw Error.WrongLength(nameof(publicKey), Ed25519PublicKeyLengthBytes, publicKey.Length);
                }

                if (!userId.IsEmpty)
                {
                    throw new ArgumentException("An Ed25519 key has no user ID.", nameof(userId));
                }

                break;
            case SigningAlgorithm.Sm2WithSm3:
                if (publicKey.Length != Sm2PublicKeyLengthBytes || publicKey[0] != 0x04)
                {
                    throw new ArgumentException("An SM2 public key is a 65-byte uncompressed point starting with 0x04.", nameof(publicKey));
                }

                break;
            default:
                throw Error.OutOfRange(nameof(algorithm), algorithm, "The algorithm is Ed25519 or SM2 with SM3.");
        }

        Algorithm = algorithm;
        _publicKey = publicKey.ToArray();
        _userId = userId.ToArray();
    }

    /// <summary>What the key signs with.</summary>
    public SigningAlgorithm Algorithm { get; }

    /// <summary>Ed25519: the raw 32-byte key; SM2: the 65-byte uncompressed point.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>SM2: the user ID inside every signature; Ed25519: empty.</summary>
    public ReadOnlySpan<byte> UserId => _userId;

    /// <summary>Signs the message; returns the 64-byte signature.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    /// <exception cref="CryptographicException">The implementation returned a signature of the wrong length.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] signature = SignCore(message);
        if (signature.Length != SignatureLengthBytes)
        {
            // Not a misuse by the caller: a device or driver answered with something else.
            throw new CryptographicException($"The {Algorithm} key returned a signature of {signature.Length} bytes; a signature has exactly {SignatureLengthBytes}.");
        }

        return signature;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Dispose(disposing: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Signs with the private key; <see cref="Sign"/> has checked that the key is open.</summary>
    protected abstract byte[] SignCore(ReadOnlySpan<byte> message);

    /// <summary>Releases the private key (or the session that reaches it).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
