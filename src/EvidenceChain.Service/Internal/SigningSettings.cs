using EvidenceChain.Signing.Pkcs11;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Where the notary's signing keys live (section "Signing"). <see cref="Ed25519"/> <c>file</c> (the
/// default) keeps the Ed25519 key in <c>keys/notary-ed25519.key</c> (0600) like the SM2 key;
/// <c>pkcs11</c> signs with an Ed25519 key pair on a PKCS#11 device, found by
/// <see cref="Pkcs11Section.TokenLabel"/> and <see cref="Pkcs11Section.KeyLabel"/>, made there
/// beforehand with the device's own tools. The SM2 key is always a file: PKCS#11 has no SM2
/// mechanism outside vendor modules.
/// </summary>
internal sealed class SigningSettings
{
    public const string FileMode = "file";
    public const string Pkcs11Mode = "pkcs11";

    /// <summary><c>file</c> or <c>pkcs11</c>.</summary>
    public string Ed25519 { get; set; } = FileMode;

    public Pkcs11Section Pkcs11 { get; set; } = new();

    public bool Ed25519OnDevice => Ed25519.ToLowerInvariant() switch
    {
        FileMode => false,
        Pkcs11Mode => true,
        _ => throw new InvalidOperationException($"Signing:Ed25519 is '{Ed25519}'; use file or pkcs11."),
    };

    /// <summary>The device key's location; every setting is required in mode pkcs11.</summary>
    public Pkcs11KeyLocation Ed25519Location()
    {
        string[] missing =
        [
            .. string.IsNullOrWhiteSpace(Pkcs11.Library) ? ["Library"] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(Pkcs11.TokenLabel) ? ["TokenLabel"] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(Pkcs11.KeyLabel) ? ["KeyLabel"] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(Pkcs11.PinFile) ? ["PinFile"] : Array.Empty<string>(),
        ];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"Signing:Ed25519 is pkcs11 but {string.Join(", ", missing.Select(m => "Signing:Pkcs11:" + m))} is not set.");
        }

        return new Pkcs11KeyLocation(Path.GetFullPath(Pkcs11.Library!), Pkcs11.TokenLabel!, Pkcs11.KeyLabel!, Path.GetFullPath(Pkcs11.PinFile!));
    }

    /// <summary>Section "Signing:Pkcs11".</summary>
    internal sealed class Pkcs11Section
    {
        /// <summary>The vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so.</summary>
        public string? Library { get; set; }

        /// <summary>The token's label.</summary>
        public string? TokenLabel { get; set; }

        /// <summary>The label (CKA_LABEL) of the Ed25519 private and public key objects.</summary>
        public string? KeyLabel { get; set; }

        /// <summary>A file (0600) holding the user PIN.</summary>
        public string? PinFile { get; set; }
    }
}
