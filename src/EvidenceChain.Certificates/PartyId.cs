using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace EvidenceChain.Certificates;

/// <summary>
/// A registered party's identity in the deployment: a random 128-bit value, written as 32 lowercase
/// hexadecimal digits, and carried in the party's certificate as the subject alternative name URI
/// <c>urn:evidencechain:party:&lt;32 hex&gt;</c>. It is random rather than derived from the name so
/// that renaming an institution, or two institutions of the same name, never confuses identities.
/// The text form is exact: uppercase digits, other lengths or surrounding spaces are not a party id.
/// </summary>
public readonly struct PartyId : IEquatable<PartyId>
{
    /// <summary>The identity's size: 128 bits, enough that random ids never collide.</summary>
    public const int SizeInBytes = 16;

    /// <summary>The length of the text form: two lowercase hexadecimal digits per byte.</summary>
    public const int LengthInChars = SizeInBytes * 2;

    /// <summary>What the certificate's URI holds before the id.</summary>
    public const string UriPrefix = "urn:evidencechain:party:";

    private readonly UInt128 _value;

    private PartyId(UInt128 value) => _value = value;

    /// <summary>A new id from the operating system's cryptographic random generator.</summary>
    public static PartyId NewRandom()
    {
        Span<byte> bytes = stackalloc byte[SizeInBytes];
        RandomNumberGenerator.Fill(bytes);
        return FromBytes(bytes);
    }

    /// <summary>The id whose big-endian bytes are <paramref name="bytes"/>, exactly <see cref="SizeInBytes"/> of them.</summary>
    public static PartyId FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != SizeInBytes)
        {
            throw new ArgumentException($"A party id is {SizeInBytes} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new PartyId(new UInt128(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])));
    }

    /// <summary>Parses exactly <see cref="LengthInChars"/> lowercase hexadecimal digits.</summary>
    public static bool TryParse(string? text, out PartyId partyId)
    {
        partyId = default;
        if (text is null || text.Length != LengthInChars)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        partyId = new PartyId(UInt128.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Parses exactly <see cref="LengthInChars"/> lowercase hexadecimal digits; throws <see cref="FormatException"/> otherwise.</summary>
    public static PartyId Parse(string text) =>
        TryParse(text, out PartyId partyId)
            ? partyId
            : throw new FormatException($"A party id is {LengthInChars} lowercase hexadecimal digits; got {(text is null ? "null" : $"{text.Length} characters")}.");

    /// <summary>Parses the URI form: <see cref="UriPrefix"/> followed by the exact text form.</summary>
    public static bool TryParseUri(string? uri, out PartyId partyId)
    {
        partyId = default;
        return uri is not null
            && uri.StartsWith(UriPrefix, StringComparison.Ordinal)
            && TryParse(uri[UriPrefix.Length..], out partyId);
    }

    /// <summary>The URI the party's certificate carries: <c>urn:evidencechain:party:&lt;32 hex&gt;</c>.</summary>
    public string ToUri() => UriPrefix + ToString();

    /// <summary>The 32 lowercase hexadecimal digits.</summary>
    public override string ToString() => _value.ToString("x32", CultureInfo.InvariantCulture);

    public bool Equals(PartyId other) => _value == other._value;

    public override bool Equals(object? obj) => obj is PartyId other && Equals(other);

    public override int GetHashCode() => _value.GetHashCode();

    public static bool operator ==(PartyId left, PartyId right) => left.Equals(right);

    public static bool operator !=(PartyId left, PartyId right) => !left.Equals(right);
}
