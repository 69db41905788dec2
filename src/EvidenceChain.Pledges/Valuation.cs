using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Pledges;

/// <summary>
/// An appraiser's valuation of an asset (DOMAIN.md §7.2): the appraiser saw the content under NDA,
/// off the platform, recomputed the units roots from the content and salts the owner showed it, and
/// signs which roots matched, the value, the report's digests and the date. Lenders rely on this
/// statement and never see the secret.
/// </summary>
/// <param name="AppraiserPartyId">The appraiser: a registered party of role Appraiser.</param>
/// <param name="KeyFingerprint">Which of its keys signed.</param>
/// <param name="MatchedRoots">1 to <see cref="MatchedRootCountMax"/> units roots the appraiser recomputed; each must be a Secret deposit's of the asset.</param>
/// <param name="ValueFen">The value, fen, more than 0.</param>
/// <param name="ReportDigest">The SHA-256 and SM3 digests of the valuation report.</param>
/// <param name="Date">The valuation's date.</param>
/// <param name="Signature">64 bytes over <see cref="SignedBytes"/>.</param>
public sealed record Valuation(
    string AppraiserPartyId,
    Digest KeyFingerprint,
    IReadOnlyList<DigestPair> MatchedRoots,
    long ValueFen,
    DigestPair ReportDigest,
    DateOnly Date,
    byte[] Signature)
{
    public const int MatchedRootCountMax = 64;

    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("evidencechain/valuation/v1\n");

    /// <summary>
    /// What the appraiser signs: <c>"evidencechain/valuation/v1\n" ‖ asset id (16) ‖ appraiser party id (16)
    /// ‖ key fingerprint (32) ‖ u8(count) ‖ each root's SHA-256 ‖ SM3 (64) ‖ value_fen (8) ‖ report
    /// SHA-256 ‖ SM3 (64) ‖ date (4, yyyymmdd)</c> (docs/formats/pledge-event.md §Valuation).
    /// </summary>
    public byte[] SignedBytes(AssetId assetId)
    {
        if (Problem() is string problem)
        {
            throw new InvalidOperationException("Not a valuation: " + problem);
        }

        var writer = new RecordWriter();
        writer.Put(s_context);
        writer.PutUInt128(assetId.Value);
        WriteAttestation(writer);
        return writer.ToArray();
    }

    /// <summary>Why the valuation is malformed, or null; its signature and roots are checked by the rules.</summary>
    public string? Problem() =>
        !PartyIds.IsValid(AppraiserPartyId) ? "the appraiser is a party id (32 lowercase hex digits)"
        : MatchedRoots is null || MatchedRoots.Count is 0 or > MatchedRootCountMax ? $"a valuation matches 1 to {MatchedRootCountMax} units roots"
        : MatchedRoots.Distinct().Count() != MatchedRoots.Count ? "a matched root is named twice"
        : ValueFen <= 0 ? $"the value is more than 0 fen, not {ValueFen}"
        : Signature is not { Length: PledgeSignature.SignatureLengthBytes } ? $"the appraiser's signature is {PledgeSignature.SignatureLengthBytes} bytes"
        : null;

    internal void WriteTo(RecordWriter writer)
    {
        WriteAttestation(writer);
        writer.Put(Signature);
    }

    internal static Valuation ReadFrom(ref RecordReader reader)
    {
        string appraiser = reader.PartyId();
        Digest fingerprint = reader.Digest();
        var roots = new DigestPair[reader.Byte()];
        for (int i = 0; i < roots.Length; i++)
        {
            roots[i] = reader.Digests();
        }

        return new Valuation(appraiser, fingerprint, roots, reader.Int64(), reader.Digests(), reader.Date(), reader.Take(PledgeSignature.SignatureLengthBytes).ToArray());
    }

    private void WriteAttestation(RecordWriter writer)
    {
        writer.PutPartyId(AppraiserPartyId);
        writer.PutDigest(KeyFingerprint);
        writer.Put((byte)MatchedRoots.Count);
        foreach (DigestPair root in MatchedRoots)
        {
            writer.PutDigests(root);
        }

        writer.PutInt64(ValueFen);
        writer.PutDigests(ReportDigest);
        writer.PutDate(Date);
    }
}
