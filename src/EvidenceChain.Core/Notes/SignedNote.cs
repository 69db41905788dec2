using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Notes;

/// <summary>
/// C2SP signed notes (https://c2sp.org/signed-note): text ending in a newline, a blank line, then
/// one line per signature. <see cref="TryOpen"/> is the only way to read a note's text, and it
/// checks the signatures first, so no caller can act on text it has not verified.
/// </summary>
public static class SignedNote
{
    public const int NoteLengthMaxBytes = 16 * 1024;
    public const int SignatureCountMax = 32;
    private const string SignaturePrefix = "\u2014 ";

    /// <summary>Signs a note text (which must end in a newline) with each signer, in order.</summary>
    public static string Sign(string text, params NoteSigner[] signers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signers);
        if (!text.EndsWith('\n') || HasForbiddenCharacter(text))
        {
            throw new ArgumentException("A note text ends in a newline and has no other control characters.", nameof(text));
        }

        byte[] message = Encoding.UTF8.GetBytes(text);
        var note = new StringBuilder(text).Append('\n');
        foreach (NoteSigner signer in signers)
        {
            byte[] signature = signer.Sign(message);
            byte[] line = new byte[4 + signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(line, signer.KeyId);
            signature.CopyTo(line, 4);
            note.Append(SignaturePrefix).Append(signer.Name).Append(' ').Append(Convert.ToBase64String(line)).Append('\n');
        }

        return note.ToString();
    }

    /// <summary>
    /// Verifies a note against the trusted keys (signed-note §Signatures): every line from a trusted
    /// key must verify, at least one must be present, and lines from unknown keys are ignored.
    /// </summary>
    public static Verdict TryOpen(string note, IReadOnlyList<NoteVerifier> trusted, out OpenedNote? opened)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(trusted);
        opened = null;
        Verdict parsed = TryParse(note, out string text, out List<NoteSignature> signatures);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        byte[] message = Encoding.UTF8.GetBytes(text);
        var signedBy = new List<NoteVerifier>();
        var unknown = new List<NoteSignature>();
        foreach (NoteSignature signature in signatures)
        {
            NoteVerifier? key = trusted.FirstOrDefault(k => k.Name == signature.KeyName && k.KeyId == signature.KeyId);
            if (key is null)
            {
                unknown.Add(signature);
                continue;
            }

            if (!key.Verify(message, signature.Signature))
            {
                return Verdict.Fail(VerificationFailure.BadSignature, $"the {key.AlgorithmName} signature of trusted key {key.Name}+{key.KeyId:x8} does not verify");
            }

            if (!signedBy.Contains(key))
            {
                signedBy.Add(key);
            }
        }

        if (signedBy.Count == 0)
        {
            return Verdict.Fail(VerificationFailure.NoTrustedSignature, $"none of the {signatures.Count} signatures is from a trusted key");
        }

        opened = new OpenedNote(text, signedBy, unknown);
        return Verdict.Valid;
    }

    private static Verdict TryParse(string note, out string text, out List<NoteSignature> signatures)
    {
        text = string.Empty;
        signatures = [];
        if (Encoding.UTF8.GetByteCount(note) > NoteLengthMaxBytes)
        {
            return Malformed($"the note is longer than {NoteLengthMaxBytes} bytes");
        }

        if (HasForbiddenCharacter(note) || note.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return Malformed("the note holds a control character other than newline, or invalid UTF-8");
        }

        int split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            return Malformed("there is no blank line between the text and the signatures, or the note does not end in a newline");
        }

        text = note[..(split + 1)];
        string[] lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > SignatureCountMax)
        {
            return Malformed($"the note has {lines.Length} signature lines; at most {SignatureCountMax} are accepted");
        }

        foreach (string line in lines)
        {
            if (!TryParseSignatureLine(line, out NoteSignature? signature))
            {
                return Malformed($"'{Truncate(line)}' is not a signature line");
            }

            signatures.Add(signature!);
        }

        return Verdict.Valid;
    }

    private static bool TryParseSignatureLine(string line, out NoteSignature? signature)
    {
        signature = null;
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = line[SignaturePrefix.Length..].Split(' ');
        if (parts.Length != 2 || !NoteName.IsValid(parts[0]))
        {
            return false;
        }

        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (decoded.Length < 5 || Convert.ToBase64String(decoded) != parts[1])
        {
            return false;
        }

        signature = new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(decoded), decoded[4..]);
        return true;
    }

    private static bool HasForbiddenCharacter(string text) => text.Any(c => c < 0x20 && c != '\n');

    private static Verdict Malformed(string reason) => Verdict.Fail(VerificationFailure.MalformedNote, reason);

    private static string Truncate(string line) => line.Length <= 40 ? line : line[..40] + "…";
}
