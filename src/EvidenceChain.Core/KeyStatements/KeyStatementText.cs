using System.Globalization;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.KeyStatements;

/// <summary>
/// What the two key statements (key-statement.md) share: they are signed notes, recorded in a log as
/// a record leaf of type <see cref="Leaves.LeafType.KeyStatement"/> whose record is the whole note,
/// and each names a log's keys as C2SP verifier keys, one Ed25519 and one SM2.
/// </summary>
public static class KeyStatementText
{
    /// <summary>The record schema of a key statement leaf: the record is the signed note's UTF-8 bytes.</summary>
    public const ushort Schema = 1;

    /// <summary>The record key a store finds a statement by: its note's SHA-256.</summary>
    public static string RecordKeyOf(string note) =>
        "key-statement:" + Sha256.HashData(System.Text.Encoding.UTF8.GetBytes(note)).ToHex();

    /// <summary>Times are UTC milliseconds in one form, as in the conformance manifest.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string FormatTime(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static bool TryParseTime(string text, out long unixMs)
    {
        unixMs = 0;
        if (!DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time))
        {
            return false;
        }

        unixMs = new DateTimeOffset(time, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }

    /// <summary>A pair of keys named by <paramref name="origin"/>: one Ed25519, one SM2, in that order; null with a reason otherwise.</summary>
    internal static IReadOnlyList<NoteVerifier>? KeyPair(IEnumerable<string> lines, LogOrigin origin, out string reason)
    {
        var keys = new List<NoteVerifier>();
        foreach (string line in lines)
        {
            if (!NoteVerifierKey.TryParse(line, out NoteVerifier? key, out reason))
            {
                return null;
            }

            keys.Add(key!);
        }

        if (keys.Count != 2 || keys[0] is not Ed25519NoteVerifier || keys[1] is not Sm2NoteVerifier)
        {
            reason = "a key pair is one Ed25519 key and then one SM2 key";
            return null;
        }

        if (keys.Any(k => k.Name != origin.ToString()))
        {
            reason = $"a key of the pair is not named by the log's origin {origin}";
            return null;
        }

        reason = "";
        return keys;
    }

    internal static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedKeyStatement, reason);
}
