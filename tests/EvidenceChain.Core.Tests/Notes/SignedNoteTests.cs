using System.Text;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Notes;

public class SignedNoteTests
{
    // golang.org/x/mod/sumdb/note's published example (note.go doc comment and note_test.go):
    // the signer key is PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz.
    private const string GoVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoSignerKeyBase64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void TryOpen_GoSumdbExample_Verifies()
    {
        NoteVerifier key = NoteVerifierKey.Parse(GoVerifierKey);

        Verdict verdict = SignedNote.TryOpen(GoNote, [key], out OpenedNote? opened);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(GoText, opened!.Text);
        Assert.Equal(0xc74f20a3u, key.KeyId);
    }

    [Fact]
    public void Sign_GoSumdbExampleKey_ReproducesPublishedNote()
    {
        byte[] signerKey = Convert.FromBase64String(GoSignerKeyBase64);
        using var signer = new Ed25519NoteSigner("PeterNeumann", signerKey.AsSpan(1));

        Assert.Equal(GoNote, SignedNote.Sign(GoText, signer));
        Assert.Equal(GoVerifierKey, signer.Verifier.ToVerifierKey());
    }

    [Fact]
    public void Sign_CheckpointEd25519Line_VerifiesWithOpenSsl()
    {
        // What a court's expert can do without our code: take the Ed25519 line of a checkpoint,
        // drop the 4-byte key ID, and check the rest over the note text with OpenSSL.
        const string name = "notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256";
        using Ed25519NoteSigner signer = TestKeys.Ed25519(name);
        string text = name + "\n1\nCTsGsb/zR+2KwEGf/+bjeIitn0f9I+UffO1rtRNMATc=\n";
        string note = SignedNote.Sign(text, signer);
        byte[] line = Convert.FromBase64String(note.Split(' ')[^1].TrimEnd('\n'));
        string dir = Directory.CreateTempSubdirectory("ec-ed25519-").FullName;
        try
        {
            byte[] spki = [.. Convert.FromHexString("302a300506032b6570032100"), .. TestKeys.Ed25519Public];
            File.WriteAllText(Path.Combine(dir, "pub.pem"), "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(spki) + "\n-----END PUBLIC KEY-----\n");
            File.WriteAllBytes(Path.Combine(dir, "msg"), Encoding.UTF8.GetBytes(text));
            File.WriteAllBytes(Path.Combine(dir, "sig"), line[4..]);

            (int exitCode, string output) = OpenSsl.Run("pkeyutl", "-verify", "-pubin", "-inkey", Path.Combine(dir, "pub.pem"),
                "-rawin", "-in", Path.Combine(dir, "msg"), "-sigfile", Path.Combine(dir, "sig"));

            Assert.True(exitCode == 0, output);
            Assert.Equal(signer.KeyId, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(line));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TryOpen_TextChangedAfterSigning_ReturnsBadSignature()
    {
        string tampered = GoNote.Replace("cryptography", "cryptographY", StringComparison.Ordinal);

        Verdict verdict = SignedNote.TryOpen(tampered, [NoteVerifierKey.Parse(GoVerifierKey)], out OpenedNote? opened);

        Assert.Equal(VerificationFailure.BadSignature, verdict.Failure);
        Assert.Null(opened);
    }

    [Fact]
    public void TryOpen_OnlyUnknownKeys_ReturnsNoTrustedSignature()
    {
        using Ed25519NoteSigner other = TestKeys.Ed25519("PeterNeumann");

        Verdict verdict = SignedNote.TryOpen(GoNote, [other.Verifier], out _);

        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
    }

    [Fact]
    public void TryOpen_UnknownExtraSignature_IgnoredAndReported()
    {
        using Ed25519NoteSigner witness = TestKeys.Ed25519("witness.example");
        string twice = GoNote + SignedNote.Sign(GoText, witness)[(GoText.Length + 1)..];

        Verdict verdict = SignedNote.TryOpen(twice, [NoteVerifierKey.Parse(GoVerifierKey)], out OpenedNote? opened);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal("witness.example", Assert.Single(opened!.UnknownSignatures).KeyName);
    }

    [Theory]
    [InlineData("no blank line\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n\u2014 PeterNeumann not-base64!\n")]
    [InlineData("text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\r\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    [InlineData("text\n\n\u2014 PeterNeumann AAAA\n")]
    public void TryOpen_MalformedNote_ReturnsMalformedNote(string note)
    {
        Verdict verdict = SignedNote.TryOpen(note, [NoteVerifierKey.Parse(GoVerifierKey)], out _);

        Assert.Equal(VerificationFailure.MalformedNote, verdict.Failure);
    }

    [Fact]
    public void TryOpen_TooManySignatureLines_ReturnsMalformedNote()
    {
        string line = GoNote[(GoText.Length + 1)..];
        string note = GoText + "\n" + string.Concat(Enumerable.Repeat(line, SignedNote.SignatureCountMax + 1));

        Assert.Equal(VerificationFailure.MalformedNote, SignedNote.TryOpen(note, [NoteVerifierKey.Parse(GoVerifierKey)], out _).Failure);
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T")]
    [InlineData("PeterNeumann+c74f20a3+AhpdQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWA")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3")]
    [InlineData("")]
    public void ParseVerifierKey_Mangled_Rejected(string key)
    {
        Assert.False(NoteVerifierKey.TryParse(key, out _, out string reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void ParseVerifierKey_PlusInsideBase64_Accepted()
    {
        // transparency-dev/formats v0.1.1 note/note_cosigv1_test.go: a type-0x01 key whose base64 holds a '+'.
        NoteVerifier key = NoteVerifierKey.Parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");

        Assert.Equal("TEST", key.Name);
        Assert.Equal(0x7997405cu, key.KeyId);
    }

    [Fact]
    public void Sign_TextWithoutFinalNewline_Throws()
    {
        using Ed25519NoteSigner signer = TestKeys.Ed25519("a.example");

        Assert.Throws<ArgumentException>(() => SignedNote.Sign("no newline", signer));
    }

    [Fact]
    public void Sign_BothNotaryKeys_OpensWithEitherAndBoth()
    {
        const string name = "notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256";
        using Ed25519NoteSigner ed = TestKeys.Ed25519(name);
        using Sm2NoteSigner sm2 = TestKeys.Sm2Random(name);
        string note = SignedNote.Sign("hello\n", ed, sm2);

        Assert.True(SignedNote.TryOpen(note, [ed.Verifier], out _).IsValid);
        Assert.True(SignedNote.TryOpen(note, [sm2.Verifier], out _).IsValid);
        Assert.True(SignedNote.TryOpen(note, [ed.Verifier, sm2.Verifier], out OpenedNote? both).IsValid);
        Assert.Equal(2, both!.SignedBy.Count);
        Assert.Equal(Encoding.UTF8.GetBytes("hello\n"), Encoding.UTF8.GetBytes(both.Text));
    }
}
