namespace EvidenceChain.Signing.Pkcs11;

/// <summary>
/// Where a key lives on a PKCS#11 device: the vendor's module, the token (by label, since slot
/// numbers change when tokens are added), the key (by label: <c>CKA_LABEL</c> of both the private
/// and the public key object) and a file holding the user PIN.
/// </summary>
/// <param name="LibraryPath">The PKCS#11 module, e.g. <c>/usr/lib/softhsm/libsofthsm2.so</c>.</param>
/// <param name="TokenLabel">The token's label (<c>CK_TOKEN_INFO.label</c>, trailing blanks ignored).</param>
/// <param name="KeyLabel">The key pair's label.</param>
/// <param name="PinFile">A file readable by its owner only (0600) with the user PIN; one trailing line break is ignored.</param>
public sealed record Pkcs11KeyLocation(string LibraryPath, string TokenLabel, string KeyLabel, string PinFile);
