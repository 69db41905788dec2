using System.Globalization;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Checkpoints;

/// <summary>
/// The notary's promise at acceptance (receipt.md §Promise), like a CT SCT but per batch: a signed
/// note over the RFC 9162 root of the batch's leaf hashes. Its first line is not an origin, so a
/// promise can never be mistaken for a checkpoint signed by the same key.
/// </summary>
public sealed record Promise(LogOrigin Origin, ulong BatchLeafCount, Digest BatchRoot, long AcceptedAtMs)
{
    public const string Header = "evidencechain/promise/v1";

    public string ToNoteText() =>
        $"{Header}\n{Origin}\n{BatchLeafCount.ToString(CultureInfo.InvariantCulture)}\n{BatchRoot.ToBase64()}\n{AcceptedAtMs.ToString(CultureInfo.InvariantCulture)}\n";

    public static Verdict TryParse(string noteText, out Promise? promise)
    {
        ArgumentNullException.ThrowIfNull(noteText);
        promise = null;
        string[] lines = noteText.Split('\n');
        if (lines.Length != 6 || lines[5].Length != 0 || lines[0] != Header)
        {
            return Malformed($"a promise has exactly five lines and starts with {Header}");
        }

        if (!LogOrigin.TryParse(lines[1], out LogOrigin? origin))
        {
            return Malformed($"'{lines[1]}' is not an EvidenceChain origin");
        }

        if (!Checkpoint.TryParseDecimal(lines[2], out ulong count) || count == 0)
        {
            return Malformed($"'{lines[2]}' is not a batch leaf count");
        }

        if (!Digest.TryFromBase64(lines[3], out Digest root))
        {
            return Malformed("the batch root is not 32 bytes of standard base64");
        }

        if (!Checkpoint.TryParseDecimal(lines[4], out ulong acceptedAt) || acceptedAt > long.MaxValue)
        {
            return Malformed($"'{lines[4]}' is not a time in Unix milliseconds");
        }

        promise = new Promise(origin!, count, root, (long)acceptedAt);
        return Verdict.Valid;
    }

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedPromise, reason);
}
