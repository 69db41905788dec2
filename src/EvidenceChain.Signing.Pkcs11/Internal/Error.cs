using Net.Pkcs11Interop.Common;

namespace EvidenceChain.Signing.Pkcs11.Internal;

/// <summary>Every exception of this adapter, built in one place so the operator's sentences stay consistent.</summary>
internal static class Error
{
    public static Pkcs11KeyException ModuleMissing(string path) =>
        new($"The PKCS#11 module {path} does not exist.");

    public static Pkcs11KeyException ModuleUnusable(string path, Exception inner) =>
        new($"The PKCS#11 module {path} cannot be loaded and initialized: {inner.Message}", inner);

    public static Pkcs11KeyException TokenNotFound(string tokenLabel, string path, IEnumerable<string> labels)
    {
        string present = string.Join(", ", labels.Select(l => $"'{l}'"));
        return new($"No token labelled '{tokenLabel}' in {path}; tokens present: {(present.Length == 0 ? "none" : present)}.");
    }

    public static Pkcs11KeyException TokenAmbiguous(string tokenLabel, int count) =>
        new($"{count} tokens are labelled '{tokenLabel}'; a token label must name one token.");

    public static Pkcs11KeyException PinFileMissing(string path) =>
        new($"The PIN file {path} does not exist.");

    public static Pkcs11KeyException PinFileReadableByOthers(string path, UnixFileMode mode) =>
        new($"The PIN file {path} can be read by others (mode {Convert.ToString((int)mode, 8)}); make it 0600 (chmod 600).");

    public static Pkcs11KeyException PinFileMalformed(string path) =>
        new($"The PIN file {path} must hold the PIN on one line, in UTF-8.");

    public static Pkcs11KeyException PinIncorrect(string pinFile, string tokenLabel, Pkcs11Exception inner) =>
        new($"The PIN in {pinFile} is not the user PIN of token '{tokenLabel}' ({inner.RV}); the token counts failed logins and may lock.", inner);

    public static Pkcs11KeyException PinLocked(string tokenLabel, Pkcs11Exception inner) =>
        new($"The user PIN of token '{tokenLabel}' is locked ({inner.RV}); its security officer must reset it.", inner);

    public static Pkcs11KeyException KeyNotFound(string what, string keyLabel, string tokenLabel) =>
        new($"No {what} labelled '{keyLabel}' on token '{tokenLabel}'.");

    public static Pkcs11KeyException KeyAmbiguous(string what, string keyLabel, string tokenLabel, int count) =>
        new($"{count} objects on token '{tokenLabel}' are {what}s labelled '{keyLabel}'; a key label must name one key pair.");

    public static Pkcs11KeyException NotEd25519(string keyLabel, string tokenLabel) =>
        new($"The key labelled '{keyLabel}' on token '{tokenLabel}' is an Edwards key on another curve than Ed25519.");

    public static Pkcs11KeyException PublicKeyMalformed(string keyLabel, string tokenLabel, int lengthBytes) =>
        new($"The public key labelled '{keyLabel}' on token '{tokenLabel}' has a CKA_EC_POINT of {lengthBytes} bytes; an Ed25519 point has 32 (or 34 as a DER octet string).");

    public static Pkcs11KeyException PairMismatch(string keyLabel, string tokenLabel) =>
        new($"The private and public key labelled '{keyLabel}' on token '{tokenLabel}' are not one pair: a signature by the one does not verify under the other.");

    public static Pkcs11KeyException DeviceFailed(string operation, string keyLabel, string tokenLabel, Pkcs11Exception inner) =>
        new($"Token '{tokenLabel}' failed to {operation} with key '{keyLabel}': {inner.Method} returned {inner.RV}.", inner);
}
