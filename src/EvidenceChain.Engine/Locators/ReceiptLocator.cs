using System.Security.Cryptography;
using EvidenceChain.Core;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Locators;

/// <summary>
/// A receipt locator: a capability of 128 random bits that opens one deposit's receipt on the
/// public listener. Written as 32 lowercase hex digits — not base64url, which would be ten
/// characters shorter but case-sensitive and full of look-alikes (l, 1, I, O, 0), and locators are
/// printed in court filings and typed back in. It is never a deposit id or a leaf index, so nobody
/// can enumerate receipts; the store keeps only its <see cref="Hash"/>.
/// </summary>
public readonly record struct ReceiptLocator
{
    public const int LengthBytes = 16;
    public const int TextLength = 2 * LengthBytes;

    private readonly string _text;

    private ReceiptLocator(string text) => _text = text;

    /// <summary>SHA-256 of the locator's 16 bytes: what the store keeps, and the locator's public id.</summary>
    public Digest Hash
    {
        get
        {
            Span<byte> bytes = stackalloc byte[LengthBytes];
            Convert.FromHexString(_text, bytes, out _, out _);
            Span<byte> hash = stackalloc byte[Digest.SizeInBytes];
            SHA256.HashData(bytes, hash);
            return Digest.Read(hash);
        }
    }

    public static ReceiptLocator Create(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[LengthBytes];
        random(bytes);
        return new ReceiptLocator(Convert.ToHexStringLower(bytes));
    }

    /// <summary>Exactly 32 lowercase hex digits, else false.</summary>
    public static bool TryParse(string? text, out ReceiptLocator locator)
    {
        if (text is { Length: TextLength } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            locator = new ReceiptLocator(text);
            return true;
        }

        locator = default;
        return false;
    }

    public override string ToString() => _text ?? string.Empty;
}
