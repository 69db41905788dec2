using System.Text;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Core.Records;

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

        var writer = new RecordWriter();
        writer.Put(s_magic);
        writer.PutUInt128(CaseId.Value);
        writer.Put((byte)Type);
        writer.Put(Subject);
        writer.Put(Leg);
        writer.PutPartyId(IssuerPartyId);
        writer.PutPartyId(SignerPartyId);
        writer.Put(Digest.AsBytes(SignerKeyFingerprint));
        writer.PutInt64(IssuedAtMs);
        writer.PutUInt32(ValidThrough is DateOnly through ? BankRecord.DateNumber(through) : 0);
        writer.PutInt64(AmountFen);
        writer.PutText(Reference);
        writer.Put(Digest.AsBytes(DocumentSha256));
        writer.Put(Digest.AsBytes(DocumentSm3));
        return writer.ToArray();
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
        try
        {
            var reader = new RecordReader(bytes);
            if (!reader.Take(s_magic.Length).SequenceEqual(s_magic))
            {
                reason = "it does not start with the case artefact magic";
                return false;
            }

            var caseId = new CaseId(reader.UInt128());
            var type = (ArtefactType)reader.Byte();
            byte subject = reader.Byte();
            byte leg = reader.Byte();
            string issuer = reader.PartyId();
            string signer = reader.PartyId();
            Digest fingerprint = Digest.Read(reader.Take(Digest.SizeInBytes));
            long issuedAtMs = reader.Int64();
            uint through = reader.UInt32();
            long amountFen = reader.Int64();
            string reference = reader.Text();
            Digest sha256 = Digest.Read(reader.Take(Digest.SizeInBytes));
            Digest sm3 = Digest.Read(reader.Take(Digest.SizeInBytes));
            byte[] signature = reader.Take(SignatureLengthBytes).ToArray();
            if (!reader.IsAtEnd)
            {
                reason = "bytes follow the signature";
                return false;
            }

            DateOnly? validThrough = through == 0 ? null
                : BankRecord.TryDate(through, out DateOnly day) ? day
                : throw new FormatException($"its valid-through date {through} is not a date");
            var decoded = new CaseArtefact(caseId, type, subject, leg, issuer, signer, fingerprint, issuedAtMs, validThrough, amountFen, reference, sha256, sm3, signature);
            if (decoded.Check() is string problem)
            {
                reason = problem;
                return false;
            }

            artefact = decoded;
            reason = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
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
