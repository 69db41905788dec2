using System.Globalization;
using System.Text;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Receipts;

/// <summary>
/// The C2SP tlog-proof text (receipt.md §The proof): header, <c>extra</c> line carrying the leaf,
/// <c>index</c> line, one base64 hash per line, a blank line, then the signed checkpoint verbatim.
/// </summary>
public sealed record TlogProof(byte[] Leaf, ulong LeafIndex, IReadOnlyList<Digest> Proof, string CheckpointNote)
{
    public const string Header = "c2sp.org/tlog-proof@v1";
    public const int TextLengthMaxBytes = 64 * 1024;

    public string Format()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("extra ").Append(Convert.ToBase64String(Leaf)).Append('\n');
        text.Append("index ").Append(LeafIndex.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (Digest hash in Proof)
        {
            text.Append(hash.ToBase64()).Append('\n');
        }

        return text.Append('\n').Append(CheckpointNote).ToString();
    }

    public static Verdict TryParse(string text, out TlogProof? proof)
    {
        ArgumentNullException.ThrowIfNull(text);
        proof = null;
        if (Encoding.UTF8.GetByteCount(text) > TextLengthMaxBytes)
        {
            return Malformed($"the proof is longer than {TextLengthMaxBytes} bytes");
        }

        int blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            return Malformed("there is no blank line before the checkpoint");
        }

        string[] lines = text[..blank].Split('\n');
        if (lines[0] != Header)
        {
            return Malformed($"the first line must be {Header}");
        }

        if (lines.Length < 3 || !lines[1].StartsWith("extra ", StringComparison.Ordinal))
        {
            return Malformed("the 'extra' line with the leaf is missing");
        }

        byte[] leaf;
        try
        {
            leaf = Convert.FromBase64String(lines[1]["extra ".Length..]);
        }
        catch (FormatException)
        {
            return Malformed("the 'extra' line is not base64");
        }

        if (!lines[2].StartsWith("index ", StringComparison.Ordinal)
            || !Checkpoints.Checkpoint.TryParseDecimal(lines[2]["index ".Length..], out ulong leafIndex))
        {
            return Malformed("the 'index' line is missing or not a decimal number without leading zeroes");
        }

        if (lines.Length - 3 > ProofPlan.ProofLengthMax)
        {
            return Malformed($"the proof has {lines.Length - 3} hashes; at most {ProofPlan.ProofLengthMax} are allowed");
        }

        var hashes = new Digest[lines.Length - 3];
        for (int i = 0; i < hashes.Length; i++)
        {
            if (!Digest.TryFromBase64(lines[i + 3], out hashes[i]))
            {
                return Malformed($"proof line {i + 1} is not a 32-byte base64 hash");
            }
        }

        proof = new TlogProof(leaf, leafIndex, hashes, text[(blank + 2)..]);
        return Verdict.Valid;
    }

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedReceipt, "tlog-proof: " + reason);
}
