namespace EvidenceChain.Core.Notes;

/// <summary>Parses C2SP verifier key strings (<c>name+keyid+base64(encoding)</c>) into verifiers.</summary>
public static class NoteVerifierKey
{
    /// <summary>
    /// Parses a verifier key; false with a reason for a malformed key, an unknown signature type, or
    /// a key ID that does not match the name and key (which would mean a corrupted or forged key).
    /// </summary>
    public static bool TryParse(string text, out NoteVerifier? verifier, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        verifier = null;
        // The base64 key may itself contain '+', so only the first two are separators.
        string[] parts = text.Trim().Split('+', 3);
        if (parts.Length != 3 || !NoteName.IsValid(parts[0]) || parts[1].Length != 8
            || !uint.TryParse(parts[1], System.Globalization.NumberStyles.AllowHexSpecifier, null, out uint keyId))
        {
            reason = "a verifier key has the form name+8-hex-digit-key-id+base64-key";
            return false;
        }

        byte[] encoding;
        try
        {
            encoding = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            reason = "the key part of the verifier key is not base64";
            return false;
        }

        if (encoding.Length == 1 + Ed25519NoteVerifier.PublicKeyLengthBytes && encoding[0] == Ed25519NoteVerifier.SignatureType)
        {
            verifier = new Ed25519NoteVerifier(parts[0], encoding.AsSpan(1));
        }
        else if (Sm2NoteVerifier.TryDecode(parts[0], encoding, out Sm2NoteVerifier? sm2))
        {
            verifier = sm2;
        }
        else
        {
            reason = encoding.Length > 0 ? $"signature type 0x{encoding[0]:x2} with this key layout is not supported" : "the key is empty";
            return false;
        }

        if (verifier!.KeyId != keyId)
        {
            verifier = null;
            reason = $"the key ID {keyId:x8} does not match the name and key (expected {NoteVerifier.ComputeKeyId(parts[0], encoding):x8})";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    public static NoteVerifier Parse(string text) =>
        TryParse(text, out NoteVerifier? verifier, out string reason) ? verifier! : throw Error.Malformed("verifier key", reason);
}
