using System.Globalization;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// An event's fields as a file (<c>pledge propose|apply … --command FILE</c>): the proto's <c>PledgeEventRequest</c>
/// without the asset, pledge, event and signatures (those are arguments), in snake_case, read strictly
/// (<see cref="PledgeJsonContext"/>). Digests, fingerprints and salts are lowercase hex, the valuation's
/// signature base64; every field is optional, as each event takes only its own (docs/pledges.md §Events):
/// <c>{"registration": {"owner_party_id", "category", "deposits": [{"leaf_index", "role", "key_fingerprint",
/// "party_salt"}]}, "valuation": {…}, "terms": {…}, "evidence": {"sha256", "sm3"}, "route", "amount_fen",
/// "resolve_to", "transferee_party_id"}</c>. The server checks the values; the shapes are checked here,
/// naming their path.
/// </summary>
internal sealed record PledgeEventJson(
    PledgeEventJson.RegistrationJson? Registration = null,
    PledgeEventJson.ValuationJson? Valuation = null,
    PledgeEventJson.TermsJson? Terms = null,
    PledgeEventJson.DigestsJson? Evidence = null,
    uint Route = 0,
    long AmountFen = 0,
    uint ResolveTo = 0,
    string? TransfereePartyId = null)
{
    /// <summary>A registration of 64 deposits or a valuation of 64 roots is a few pages; anything this large is the wrong file.</summary>
    public const int FileLengthMaxBytes = 256 * 1024;

    /// <summary>The file at <paramref name="path"/>, its fields put into <paramref name="request"/>.</summary>
    public static void ReadInto(string path, PledgeEventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PledgeEventJson json = CaseJsonContext.Read(path, FileLengthMaxBytes, PledgeJsonContext.Default.PledgeEventJson, OnlineProblem.PledgeCommandFileMalformed);
        var reader = new Reader(path);
        if (json.Registration is RegistrationJson r)
        {
            var registration = new AssetRegistration { OwnerPartyId = r.OwnerPartyId, Category = r.Category };
            for (int i = 0; i < r.Deposits.Count; i++)
            {
                DepositJson d = r.Deposits[i];
                registration.Deposits.Add(new AssetDepositEntry
                {
                    LeafIndex = d.LeafIndex,
                    Role = d.Role,
                    KeyFingerprint = reader.Hex(d.KeyFingerprint, $"$.registration.deposits[{i}].key_fingerprint"),
                    PartySalt = reader.Hex(d.PartySalt, $"$.registration.deposits[{i}].party_salt"),
                });
            }

            request.Registration = registration;
        }

        if (json.Valuation is ValuationJson v)
        {
            reader.Day(v.Date, "$.valuation.date");
            var valuation = new PledgeValuation
            {
                AppraiserPartyId = v.AppraiserPartyId,
                KeyFingerprint = reader.Hex(v.KeyFingerprint, "$.valuation.key_fingerprint"),
                ValueFen = v.ValueFen,
                Report = reader.Digests(v.Report, "$.valuation.report"),
                Date = v.Date,
                Signature = reader.Base64(v.Signature, "$.valuation.signature"),
            };
            valuation.MatchedRoots.AddRange(v.MatchedRoots.Select((d, i) => reader.Digests(d, $"$.valuation.matched_roots[{i}]")));
            request.Valuation = valuation;
        }

        if (json.Terms is TermsJson t)
        {
            reader.Day(t.TermStart, "$.terms.term_start");
            reader.Day(t.TermEnd, "$.terms.term_end");
            request.Terms = new PledgeTerms
            {
                PledgorPartyId = t.PledgorPartyId,
                PledgeePartyId = t.PledgeePartyId,
                SecuredFen = t.SecuredFen,
                TermStart = t.TermStart,
                TermEnd = t.TermEnd,
                Rank = t.Rank,
                JuniorAllowed = t.JuniorAllowed,
                ContractLeaf = t.ContractLeaf,
                Enforceable = t.Enforceable,
            };
        }

        if (json.Evidence is DigestsJson e)
        {
            request.Evidence = reader.Digests(e, "$.evidence");
        }

        request.Route = json.Route;
        request.AmountFen = json.AmountFen;
        request.ResolveTo = json.ResolveTo;
        request.TransfereePartyId = json.TransfereePartyId ?? string.Empty;
    }

    /// <summary><c>{"owner_party_id", "category", "deposits": [deposit, …]}</c>.</summary>
    internal sealed record RegistrationJson(string OwnerPartyId, string Category, IReadOnlyList<DepositJson> Deposits);

    /// <summary>A deposit of the asset: its leaf, role (1 Secret, 2 ConfidentialityMeasure) and the opening from its receipt's <c>depositor_opening</c>.</summary>
    internal sealed record DepositJson(ulong LeafIndex, uint Role, string KeyFingerprint, string PartySalt);

    /// <summary>The appraiser's signed valuation (docs/formats/pledge-event.md §Valuation); date YYYY-MM-DD.</summary>
    internal sealed record ValuationJson(string AppraiserPartyId, string KeyFingerprint, IReadOnlyList<DigestsJson> MatchedRoots, long ValueFen, DigestsJson Report, string Date, string Signature);

    /// <summary>ApplyPledge's terms; days YYYY-MM-DD; rank 1 senior, 2 to 16 junior.</summary>
    internal sealed record TermsJson(
        string PledgorPartyId, string PledgeePartyId, long SecuredFen, string TermStart, string TermEnd, uint Rank, ulong ContractLeaf, bool JuniorAllowed = false, bool Enforceable = false);

    /// <summary>A SHA-256 and an SM3 digest of the same bytes, 64 lowercase hex digits each.</summary>
    internal sealed record DigestsJson(string Sha256, string Sm3);

    private sealed class Reader(string path)
    {
        private const int DigestLengthBytes = 32;

        public ByteString Hex(string hex, string at) =>
            hex.Length == 2 * DigestLengthBytes && hex.All(char.IsAsciiHexDigitLower)
                ? ByteString.CopyFrom(Convert.FromHexString(hex))
                : throw new OnlineInputException(OnlineProblem.PledgeCommandFileMalformed, path, $"{at}: not 64 lowercase hex digits");

        public PledgeDigests Digests(DigestsJson digests, string at) =>
            new() { Sha256 = Hex(digests.Sha256, at + ".sha256"), Sm3 = Hex(digests.Sm3, at + ".sm3") };

        public ByteString Base64(string text, string at)
        {
            byte[] bytes = new byte[64];
            return Convert.TryFromBase64String(text, bytes, out int length) && length == bytes.Length
                ? ByteString.CopyFrom(bytes)
                : throw new OnlineInputException(OnlineProblem.PledgeCommandFileMalformed, path, $"{at}: not the base64 of 64 bytes");
        }

        public void Day(string day, string at)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new OnlineInputException(OnlineProblem.PledgeCommandFileMalformed, path, $"{at}: a day is YYYY-MM-DD, not '{day}'");
            }
        }
    }
}
