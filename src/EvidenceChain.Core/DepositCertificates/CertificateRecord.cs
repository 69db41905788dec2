using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Core.DepositCertificates;

/// <summary>
/// The record behind a certificate leaf (leaf type 7, record_schema 1; docs/deposit-certificate.md §The
/// certificate's deposit): the notary issued the signed PDF with these digests for this deposit. 128 bytes:
/// 32 random bytes (leaf.md: a record's digest must not be confirmable by guessing), the deposit id, the
/// PDF's SHA-256, the PDF's SM3. The PDF itself is the depositor's to keep; the log keeps its digests.
/// </summary>
public sealed record CertificateRecord(byte[] Nonce, Digest DepositId, DigestPair Pdf)
{
    public const ushort Schema = 1;

    public const int NonceLengthBytes = 32;

    public const int LengthBytes = NonceLengthBytes + (3 * Digest.SizeInBytes);

    private const string IdPrefix = "ECDC";
    private const int IdHexDigits = 16;

    /// <summary>The record of issuing <paramref name="pdf"/> for the deposit <paramref name="depositId"/>.</summary>
    public static CertificateRecord Of(Digest depositId, ReadOnlySpan<byte> pdf, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        byte[] nonce = new byte[NonceLengthBytes];
        random(nonce);
        return new CertificateRecord(nonce, depositId, DigestsOf(pdf));
    }

    /// <summary>The SHA-256 and SM3 of a certificate PDF's bytes, as its record names them.</summary>
    public static DigestPair DigestsOf(ReadOnlySpan<byte> pdf) => new(Sha256.HashData(pdf), Sm3.HashData(pdf));

    /// <summary>
    /// A certificate's number: <c>ECDC-</c> and the first 64 bits of the deposit id in four groups, so anyone
    /// holding the receipt can recompute it and a clerk can read it out. Every certificate of one deposit has it.
    /// </summary>
    public static string CertificateIdOf(Digest depositId)
    {
        string hex = depositId.ToHex()[..IdHexDigits].ToUpperInvariant();
        return IdPrefix + "-" + string.Join('-', hex.Chunk(4).Select(group => new string(group)));
    }

    /// <summary>The key the service keeps a certificate's record under beside the log: one per PDF.</summary>
    public static string KeyOf(Digest pdfSha256) => "certificate:" + pdfSha256.ToHex();

    public byte[] Encode()
    {
        if (Nonce.Length != NonceLengthBytes)
        {
            throw new InvalidOperationException($"A certificate record's nonce is {NonceLengthBytes} bytes, not {Nonce.Length}.");
        }

        var writer = new RecordWriter();
        writer.Put(Nonce);
        writer.PutDigest(DepositId);
        writer.PutDigests(Pdf);
        return writer.ToArray();
    }

    /// <summary>Decodes record_schema 1; false with the reason for anything else.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out CertificateRecord? record, out string reason)
    {
        record = null;
        if (bytes.Length != LengthBytes)
        {
            reason = $"a certificate record has {LengthBytes} bytes, this one {bytes.Length}";
            return false;
        }

        var reader = new RecordReader(bytes);
        byte[] nonce = reader.Take(NonceLengthBytes).ToArray();
        Digest depositId = reader.Digest();
        record = new CertificateRecord(nonce, depositId, reader.Digests());
        reason = string.Empty;
        return true;
    }
}
