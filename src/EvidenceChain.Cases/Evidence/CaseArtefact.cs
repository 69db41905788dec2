using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Cases.Evidence;

/// <summary>
/// An evidence artefact of a case as its issuer signed it (docs/formats/case-artefact.md): what it
/// is, for which case, who issued it and who signed it (the issuer, or a notary attesting for an
/// issuer that cannot sign), when, until when it holds, its amount and reference, and the digests of
/// the document itself, which stays with the office. Recorded as a case record leaf (type 4,
/// record_schema 2) before a guard may use it.
/// </summary>
/// <param name="CaseId">The case it is for.</param>
/// <param name="Type">What it is.</param>
/// <param name="Subject">What it says, per type (<see cref="ArtefactSubjects"/>); 0 where the type has one meaning.</param>
/// <param name="Leg">The payoff leg or tranche it concerns, 1 to 255; 0 for the whole case.</param>
/// <param name="IssuerPartyId">The registered party that issued it (a bank, the registry, a court, a party, a notary).</param>
/// <param name="SignerPartyId">Who signed: the issuer, or a notary attesting it.</param>
/// <param name="SignerKeyFingerprint">Which registered key of the signer signed.</param>
/// <param name="IssuedAtMs">When it was issued, Unix milliseconds (its day, China Standard Time, is the issue date).</param>
/// <param name="ValidThrough">The last day it holds (a payoff quote's valid-through date), or null for no end.</param>
/// <param name="AmountFen">The amount it states (a quote, a frozen sum), fen; 0 when none.</param>
/// <param name="Reference">The document's own number (certificate number, bank serial, court case number): 0 to 128 bytes of UTF-8, no control characters.</param>
/// <param name="DocumentSha256">SHA-256 of the document.</param>
/// <param name="DocumentSm3">SM3 of the document.</param>
/// <param name="Signature">64 bytes over <see cref="SignedBytes"/>: Ed25519, or SM2 <c>r ‖ s</c> under the key's user ID.</param>
public sealed record CaseArtefact(
    CaseId CaseId,
    ArtefactType Type,
    byte Subject,
    byte Leg,
    string IssuerPartyId,
    string SignerPartyId,
    Digest SignerKeyFingerprint,
    long IssuedAtMs,
    DateOnly? ValidThrough,
    long AmountFen,
    string Reference,
    Digest DocumentSha256,
    Digest DocumentSm3,
    byte[] Signature)
{
    /// <summary>The record_schema of artefacts among case record leaves (type 4).</summary>
    public const ushort Schema = 2;

    public const int ReferenceLengthMaxBytes = 128;
    public const int SignatureLengthBytes = 64;

    private const int PartyIdLengthBytes = 16;
    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("evidencechain/case-artefact/v1\n");

    /// <summary>Whether the signer attests for another issuer (then the signer must be a notary).</summary>
    public bool IsAttested => !string.Equals(IssuerPartyId, SignerPartyId, StringComparison.Ordinal);

    /// <summary>Everything the signature covers: the record without its signature.</summary>
    public byte[] SignedBytes()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid case artefact: " + problem);
        }

        byte[] reference = Encoding.UTF8.GetBytes(Reference);
        var bytes = new List<byte>(s_magic.Length + 200 + reference.Length);
        bytes.AddRange(s_magic);
        Span<byte> field = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(field, CaseId.Value);
        bytes.AddRange(field);
        bytes.Add((byte)Type);
        bytes.Add(Subject);
        bytes.Add(Leg);
        bytes.AddRange(Convert.FromHexString(IssuerPartyId));
        bytes.AddRange(Convert.FromHexString(SignerPartyId));
        bytes.AddRange(Digest.AsBytes(SignerKeyFingerprint).ToArray());
        BinaryPrimitives.WriteInt64BigEndian(field, IssuedAtMs);
        bytes.AddRange(field[..8]);
        BinaryPrimitives.WriteUInt32BigEndian(field, ValidThrough is DateOnly through ? BankRecord.DateNumber(through) : 0);
        bytes.AddRange(field[..4]);
        BinaryPrimitives.WriteInt64BigEndian(field, AmountFen);
        bytes.AddRange(field[..8]);
        bytes.Add((byte)reference.Length);
        bytes.AddRange(reference);
        bytes.AddRange(Digest.AsBytes(DocumentSha256).ToArray());
        bytes.AddRange(Digest.AsBytes(DocumentSm3).ToArray());
        return [.. bytes];
    }

    /// <summary>The canonical record: <see cref="SignedBytes"/> then the signature.</summary>
    public byte[] Encode()
    {
        if (Signature.Length != SignatureLengthBytes)
        {
            throw new InvalidOperationException($"A case artefact's signature is {SignatureLengthBytes} bytes, not {Signature.Length}.");
        }

        return [.. SignedBytes(), .. Signature];
    }

    /// <summary>Decodes a canonical record strictly: every field in range, nothing after the signature.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out CaseArtefact? artefact, out string reason)
    {
        artefact = null;
        const int fixedLength = 16 + 3 + (2 * PartyIdLengthBytes) + Digest.SizeInBytes + 8 + 4 + 8 + 1;
        if (bytes.Length < s_magic.Length + fixedLength || !bytes.StartsWith(s_magic))
        {
            reason = "it does not start with the case artefact magic, or is too short";
            return false;
        }

        ReadOnlySpan<byte> rest = bytes[s_magic.Length..];
        var caseId = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(rest));
        var type = (ArtefactType)rest[16];
        byte subject = rest[17];
        byte leg = rest[18];
        string issuer = Convert.ToHexStringLower(rest.Slice(19, PartyIdLengthBytes));
        string signer = Convert.ToHexStringLower(rest.Slice(19 + PartyIdLengthBytes, PartyIdLengthBytes));
        int at = 19 + (2 * PartyIdLengthBytes);
        Digest fingerprint = Digest.Read(rest.Slice(at, Digest.SizeInBytes));
        at += Digest.SizeInBytes;
        long issuedAtMs = BinaryPrimitives.ReadInt64BigEndian(rest[at..]);
        uint through = BinaryPrimitives.ReadUInt32BigEndian(rest[(at + 8)..]);
        long amountFen = BinaryPrimitives.ReadInt64BigEndian(rest[(at + 12)..]);
        int referenceLength = rest[at + 20];
        at += 21;
        if (rest.Length != at + referenceLength + (2 * Digest.SizeInBytes) + SignatureLengthBytes)
        {
            reason = "its length does not match its reference length: bytes are missing or follow the signature";
            return false;
        }

        string reference;
        try
        {
            reference = new UTF8Encoding(false, true).GetString(rest.Slice(at, referenceLength));
        }
        catch (DecoderFallbackException)
        {
            reason = "its reference is not UTF-8";
            return false;
        }

        at += referenceLength;
        DateOnly? validThrough = null;
        if (through != 0)
        {
            if (!BankRecord.TryDate(through, out DateOnly day))
            {
                reason = $"its valid-through date {through} is not a date";
                return false;
            }

            validThrough = day;
        }

        var decoded = new CaseArtefact(
            caseId, type, subject, leg, issuer, signer, fingerprint, issuedAtMs, validThrough, amountFen, reference,
            Digest.Read(rest.Slice(at, Digest.SizeInBytes)),
            Digest.Read(rest.Slice(at + Digest.SizeInBytes, Digest.SizeInBytes)),
            rest.Slice(at + (2 * Digest.SizeInBytes), SignatureLengthBytes).ToArray());
        if (decoded.Check() is string problem)
        {
            reason = problem;
            return false;
        }

        artefact = decoded;
        reason = string.Empty;
        return true;
    }

    private static bool IsPartyId(string id) => id.Length == 2 * PartyIdLengthBytes && id.All(char.IsAsciiHexDigitLower);

    private string? Check() =>
        !CaseId.IsValid ? "the case id is 0 or all ones"
        : !Enum.IsDefined(Type) ? $"artefact type {(byte)Type} is not defined"
        : !IsPartyId(IssuerPartyId) || !IsPartyId(SignerPartyId) ? "a party id is 32 lowercase hex digits"
        : IssuedAtMs < 0 ? "the issue time is negative"
        : AmountFen < 0 ? "the amount is negative"
        : Encoding.UTF8.GetByteCount(Reference) > ReferenceLengthMaxBytes || Reference.Any(char.IsControl) ? $"the reference is at most {ReferenceLengthMaxBytes} bytes of UTF-8 without control characters"
        : null;
}
