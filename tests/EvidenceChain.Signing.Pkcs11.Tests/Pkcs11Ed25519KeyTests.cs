using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Signing;
using EvidenceChain.Signing.Pkcs11.Tests.Support;
using BouncyEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace EvidenceChain.Signing.Pkcs11.Tests;

/// <summary>
/// The notary's Ed25519 key on a real PKCS#11 module (SoftHSM 2): generated inside the token,
/// found by token and key label with the PIN from a file, signing checkpoints that the ordinary
/// verifier accepts, and refusing with a sentence that names the fault when something is wrong.
/// </summary>
[Collection(SharedSoftHsm.Name)]
[SupportedOSPlatform("linux")]
public class Pkcs11Ed25519KeyTests(SoftHsm hsm)
{
    private static readonly LogOrigin s_origin = LogOrigin.Create("notary.example", TreeHash.Sha256, RandomNumberGenerator.Fill);

    [Fact]
    public void Open_KeyGeneratedOnToken_SignsCheckpointTheVerifierAccepts()
    {
        byte[] generated = hsm.GenerateEd25519("notary-generated");

        using var signer = new Ed25519NoteSigner(s_origin.ToString(), Pkcs11Ed25519Key.Open(hsm.Location("notary-generated")));
        var checkpoint = new Checkpoint(s_origin, 7, Digest.Read(SHA256.HashData("root"u8)));
        string note = SignedNote.Sign(checkpoint.ToNoteText(), signer);

        Assert.Equal(generated, ((Ed25519NoteVerifier)signer.Verifier).PublicKeyBytes.ToArray());
        var trusted = new Ed25519NoteVerifier(s_origin.ToString(), generated);
        Verdict verdict = CheckpointVerifier.Verify(note, [trusted], out VerifiedCheckpoint? verified);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(checkpoint, verified!.Checkpoint);
    }

    [Fact]
    public void Sign_KeyGeneratedOnToken_VerifiesWithAnIndependentEd25519()
    {
        byte[] generated = hsm.GenerateEd25519("independent-check");
        byte[] message = Encoding.UTF8.GetBytes(new Checkpoint(s_origin, 1, default).ToNoteText());

        using Pkcs11Ed25519Key key = Pkcs11Ed25519Key.Open(hsm.Location("independent-check"));
        byte[] signature = key.Sign(message);

        // BouncyCastle's RFC 8032 code shares nothing with SoftHSM's OpenSSL or the core's libsodium.
        Assert.True(BouncyEd25519.Verify(signature, 0, generated, 0, message, 0, message.Length));
        message[0] ^= 1;
        Assert.False(BouncyEd25519.Verify(signature, 0, generated, 0, message, 0, message.Length));
    }

    [Fact]
    public void Sign_ImportedSeed_EqualsTheMemoryKeysSignature()
    {
        // Ed25519 is deterministic (RFC 8032 §5.1.6): the same seed signs the same message to the
        // same bytes on the device as in memory, whoever implements it.
        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes);
        hsm.ImportEd25519("imported", seed);
        byte[] message = "a checkpoint, or anything\n"u8.ToArray();

        using Pkcs11Ed25519Key device = Pkcs11Ed25519Key.Open(hsm.Location("imported"));
        using var memory = new Ed25519MemoryKey(seed);

        Assert.Equal(SigningAlgorithm.Ed25519, device.Algorithm);
        Assert.Equal(memory.PublicKey.ToArray(), device.PublicKey.ToArray());
        Assert.Equal(memory.Sign(message), device.Sign(message));
    }

    [Fact]
    public void Open_TwoKeysOnOneToken_EachSignsAfterTheOtherIsClosed()
    {
        hsm.GenerateEd25519("first");
        hsm.GenerateEd25519("second");

        Pkcs11Ed25519Key first = Pkcs11Ed25519Key.Open(hsm.Location("first"));
        using Pkcs11Ed25519Key second = Pkcs11Ed25519Key.Open(hsm.Location("second"));
        Assert.Equal(SigningKey.SignatureLengthBytes, first.Sign("x"u8).Length);
        first.Dispose();

        Assert.Equal(SigningKey.SignatureLengthBytes, second.Sign("x"u8).Length);
        Assert.Throws<ObjectDisposedException>(() => first.Sign("x"u8));
    }

    [Fact]
    public void Open_WrongPin_SaysThePinIsWrong()
    {
        hsm.GenerateEd25519("wrong-pin");
        string pinFile = hsm.WritePinFile("wrong.pin", "000000\n");

        var e = Assert.Throws<Pkcs11KeyException>(() => Pkcs11Ed25519Key.Open(hsm.Location("wrong-pin", pinFile)));

        Assert.Contains($"The PIN in {pinFile} is not the user PIN of token '{SoftHsm.TokenLabel}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("CKR_PIN_INCORRECT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingKeyLabel_SaysNoSuchKeyOnTheToken()
    {
        var e = Assert.Throws<Pkcs11KeyException>(() => Pkcs11Ed25519Key.Open(hsm.Location("no-such-key")));

        Assert.Equal($"No Ed25519 private key labelled 'no-such-key' on token '{SoftHsm.TokenLabel}'.", e.Message);
    }

    [Fact]
    public void Open_MissingTokenLabel_NamesTheTokensPresent()
    {
        var e = Assert.Throws<Pkcs11KeyException>(() => Pkcs11Ed25519Key.Open(hsm.Location("any", tokenLabel: "no-such-token")));

        Assert.Equal($"No token labelled 'no-such-token' in {hsm.LibraryPath}; tokens present: '{SoftHsm.TokenLabel}'.", e.Message);
    }

    [Fact]
    public void Open_PinFileReadableByOthers_IsRefused()
    {
        string pinFile = hsm.WritePinFile("loose.pin", SoftHsm.UserPin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var e = Assert.Throws<Pkcs11KeyException>(() => Pkcs11Ed25519Key.Open(hsm.Location("any", pinFile)));

        Assert.Equal($"The PIN file {pinFile} can be read by others (mode 604); make it 0600 (chmod 600).", e.Message);
    }

    [Fact]
    public void Open_HalvesOfTwoDifferentKeys_IsRefused()
    {
        hsm.ImportEd25519("halves", RandomNumberGenerator.GetBytes(32), publicSeed: RandomNumberGenerator.GetBytes(32));

        var e = Assert.Throws<Pkcs11KeyException>(() => Pkcs11Ed25519Key.Open(hsm.Location("halves")));

        Assert.Equal($"The private and public key labelled 'halves' on token '{SoftHsm.TokenLabel}' are not one pair: a signature by the one does not verify under the other.", e.Message);
    }

    [Fact]
    public void Open_MissingModule_SaysSo()
    {
        var location = hsm.Location("any") with { LibraryPath = "/nonexistent/libpkcs11.so" };

        var e = Assert.Throws<Pkcs11KeyException>(() => Pkcs11Ed25519Key.Open(location));

        Assert.Equal("The PKCS#11 module /nonexistent/libpkcs11.so does not exist.", e.Message);
    }

    [Fact]
    public void NoteSigner_Sm2OverAnEd25519Key_IsRefused()
    {
        hsm.GenerateEd25519("not-sm2");
        using Pkcs11Ed25519Key key = Pkcs11Ed25519Key.Open(hsm.Location("not-sm2"));

        var e = Assert.Throws<ArgumentException>(() => new Sm2NoteSigner(s_origin.ToString(), key));

        Assert.Equal("key", e.ParamName);
    }
}
