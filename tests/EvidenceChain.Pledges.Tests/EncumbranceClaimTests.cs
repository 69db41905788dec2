using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Pledges.Tests;

/// <summary>
/// The notary's encumbrance claim: its note text round-trips and parses strictly, it is never a checkpoint
/// or a promise, and a statement's claim verifies only when a trusted Ed25519 and a trusted SM2 key of the
/// log signed it (of either generation after a rotation, as for a checkpoint), it is about the statement's
/// checkpoint and asset, and the statement lists exactly the events it counts.
/// </summary>
public sealed class EncumbranceClaimTests : IDisposable
{
    private static readonly LogOrigin s_origin = new("notary.example.cn", "000102030405060708090a0b0c0d0e0f", TreeHash.Sha256);
    private static readonly AssetId s_asset = new(0xA55E7);
    private static readonly Digest s_root = Digest.Read(SHA256.HashData("tree"u8));

    private readonly Ed25519NoteSigner _ed25519 = new(s_origin.ToString(), RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes));
    private readonly Sm2NoteSigner _sm2 = new(s_origin.ToString(), Sm2PrivateKey(), "1234567812345678"u8, RandomNumberGenerator.Fill);

    [Fact]
    public void ToNoteText_TryParse_RoundTrips_AndIsNeverACheckpointOrPromise()
    {
        var claim = new EncumbranceClaim(s_origin, s_asset, 40, s_root, 7);
        string text = claim.ToNoteText();

        Assert.Equal($"evidencechain/encumbrance/v1\n{s_origin}\n000000000000000000000000000a55e7\n40\n{s_root.ToBase64()}\n7\n", text);
        Assert.True(EncumbranceClaim.TryParse(text, out EncumbranceClaim? parsed, out string reason), reason);
        Assert.Equal(claim, parsed);
        Assert.False(Checkpoint.TryParse(text, out _).IsValid);
        Assert.False(Promise.TryParse(text, out _).IsValid);
        Assert.False(EncumbranceClaim.TryParse(new Checkpoint(s_origin, 40, s_root).ToNoteText(), out _, out _));
        Assert.False(EncumbranceClaim.TryParse(new Promise(s_origin, 40, s_root, 7).ToNoteText(), out _, out _));
    }

    [Theory]
    [InlineData("evidencechain/encumbrance/v2\n{origin}\n000000000000000000000000000a55e7\n40\n{root}\n7\n", "starts with evidencechain/encumbrance/v1")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n40\n{root}\n7", "exactly six lines")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n40\n{root}\n7\nextra\n", "exactly six lines")]
    [InlineData("evidencechain/encumbrance/v1\nnotary.example.cn/other\n000000000000000000000000000a55e7\n40\n{root}\n7\n", "is not an EvidenceChain origin")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000A55E7\n40\n{root}\n7\n", "is not an asset id")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\na55e7\n40\n{root}\n7\n", "is not an asset id")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n00000000000000000000000000000000\n40\n{root}\n7\n", "is not an asset id")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\nffffffffffffffffffffffffffffffff\n40\n{root}\n7\n", "is not an asset id")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n040\n{root}\n7\n", "is not a tree size")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n+40\n{root}\n7\n", "is not a tree size")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n40\nAAAA\n7\n", "the root is not 32 bytes")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n40\n{root}\n-7\n", "is not an event count")]
    [InlineData("evidencechain/encumbrance/v1\n{origin}\n000000000000000000000000000a55e7\n40\n{root}\n41\n", "at most the tree size 40")]
    public void TryParse_Malformed_RefusedWithAReason(string template, string expected)
    {
        string text = template.Replace("{origin}", s_origin.ToString(), StringComparison.Ordinal).Replace("{root}", s_root.ToBase64(), StringComparison.Ordinal);

        Assert.False(EncumbranceClaim.TryParse(text, out EncumbranceClaim? claim, out string reason));
        Assert.Null(claim);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryVerify_SignedByBothKeys_AboutTheStatement_AllEventsListed_Verifies()
    {
        string note = SignedClaim(new EncumbranceClaim(s_origin, s_asset, 40, s_root, 7), _ed25519, _sm2);

        Assert.True(Verify(note, [1, 2, 3, 4, 5, 6, 7], 0, out EncumbranceClaim? claim, out string reason), reason);
        Assert.Equal(7UL, claim!.EventCount);
        Assert.True(Verify(note, [1, 2, 3], 3, out _, out reason), reason);
        Assert.True(Verify(note, [1, 2, 3, 4, 5, 6, 7], 9, out _, out reason), reason);
    }

    [Fact]
    public void TryVerify_LastEventLeftOutOfAStatementOfAll_FailsOnTheSignedCount()
    {
        string note = SignedClaim(new EncumbranceClaim(s_origin, s_asset, 40, s_root, 7), _ed25519, _sm2);

        Assert.False(Verify(note, [1, 2, 3, 4, 5, 6], 0, out EncumbranceClaim? claim, out string reason));
        Assert.Null(claim);
        Assert.Contains("has exactly 7 events in the tree of size 40", reason, StringComparison.Ordinal);
        Assert.Contains("it shows 6", reason, StringComparison.Ordinal);
        Assert.False(Verify(note, [1, 2], 3, out _, out reason));
        Assert.False(Verify(note, [1, 2, 4], 3, out _, out reason));
        Assert.Contains("record 3 is event 4", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryVerify_NotAboutTheStatement_Fails()
    {
        Assert.False(Verify(SignedClaim(new EncumbranceClaim(s_origin, s_asset, 39, s_root, 7), _ed25519, _sm2), [1], 1, out _, out string size));
        Assert.Contains("the tree of size 39", size, StringComparison.Ordinal);
        Assert.False(Verify(SignedClaim(new EncumbranceClaim(s_origin, s_asset, 40, Digest.Read(SHA256.HashData("other"u8)), 7), _ed25519, _sm2), [1], 1, out _, out string root));
        Assert.Contains("the checkpoint signs size 40 and root", root, StringComparison.Ordinal);
        Assert.False(Verify(SignedClaim(new EncumbranceClaim(s_origin, new AssetId(0xB0B), 40, s_root, 7), _ed25519, _sm2), [1], 1, out _, out string asset));
        Assert.Contains("about asset 00000000000000000000000000000b0b", asset, StringComparison.Ordinal);
    }

    [Fact]
    public void TryVerify_MissingSignedByAnotherKeyOrByOneKeyOnly_Fails()
    {
        var claim = new EncumbranceClaim(s_origin, s_asset, 40, s_root, 7);
        using var other = new Ed25519NoteSigner(s_origin.ToString(), RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes));

        Assert.False(Verify(string.Empty, [1], 1, out _, out string missing));
        Assert.Contains("carries no encumbrance claim signed by the notary", missing, StringComparison.Ordinal);
        Assert.False(Verify(SignedClaim(claim, other), [1], 1, out _, out string stranger));
        Assert.Contains("NoTrustedSignature", stranger, StringComparison.Ordinal);
        Assert.False(Verify(SignedClaim(claim, _ed25519), [1], 1, out _, out string half));
        Assert.Contains("NoTrustedSignature: no trusted SM2 key", half, StringComparison.Ordinal);
        string forged = SignedClaim(claim, _ed25519, _sm2).Replace("\n7\n\n", "\n8\n\n", StringComparison.Ordinal);
        Assert.False(Verify(forged, [1], 1, out _, out string bad));
        Assert.Contains("BadSignature", bad, StringComparison.Ordinal);
    }

    [Fact]
    public void TryVerify_KeysRotated_EitherGenerationOrBothVerify_OneAlgorithmAloneFails()
    {
        var claim = new EncumbranceClaim(s_origin, s_asset, 40, s_root, 7);
        using var ed25519New = new Ed25519NoteSigner(s_origin.ToString(), RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes));
        using var sm2New = new Sm2NoteSigner(s_origin.ToString(), Sm2PrivateKey(), "1234567812345678"u8, RandomNumberGenerator.Fill);
        NoteVerifier[] allGenerations = [_ed25519.Verifier, _sm2.Verifier, ed25519New.Verifier, sm2New.Verifier];

        Assert.True(Verify(SignedClaim(claim, ed25519New, sm2New), allGenerations, out string reason), reason);
        Assert.True(Verify(SignedClaim(claim, _ed25519, _sm2, ed25519New, sm2New), allGenerations, out reason), reason);
        Assert.True(Verify(SignedClaim(claim, _ed25519, _sm2), allGenerations, out reason), reason);
        Assert.True(Verify(SignedClaim(claim, _ed25519, sm2New), allGenerations, out reason), reason);
        Assert.False(Verify(SignedClaim(claim, _ed25519, ed25519New), allGenerations, out reason));
        Assert.Contains("NoTrustedSignature: no trusted SM2 key", reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ed25519.Dispose();
        _sm2.Dispose();
    }

    private static string SignedClaim(EncumbranceClaim claim, params NoteSigner[] signers) => SignedNote.Sign(claim.ToNoteText(), signers);

    private static byte[] Sm2PrivateKey()
    {
        // Any scalar below the curve order; 1 ≤ d < n holds for 31 random bytes under a zero byte.
        byte[] d = RandomNumberGenerator.GetBytes(Sm2NoteSigner.PrivateKeyLengthBytes);
        d[0] = 0;
        d[1] |= 1;
        return d;
    }

    /// <summary>Verifies against the checkpoint of size 40 and <see cref="s_root"/>, signed by both keys and verified as a statement's would be.</summary>
    private bool Verify(string note, ulong[] eventNumbers, ulong askedAsOfEvent, out EncumbranceClaim? claim, out string reason) =>
        Verify(note, [_ed25519.Verifier, _sm2.Verifier], eventNumbers, askedAsOfEvent, out claim, out reason);

    /// <summary>A statement of all 7 events, verified with <paramref name="trusted"/>; its checkpoint signed by the first pair.</summary>
    private bool Verify(string note, IReadOnlyList<NoteVerifier> trusted, out string reason) => Verify(note, trusted, [1, 2, 3, 4, 5, 6, 7], 0, out _, out reason);

    private bool Verify(string note, IReadOnlyList<NoteVerifier> trusted, ulong[] eventNumbers, ulong askedAsOfEvent, out EncumbranceClaim? claim, out string reason)
    {
        string checkpointNote = SignedNote.Sign(new Checkpoint(s_origin, 40, s_root).ToNoteText(), _ed25519, _sm2);
        Assert.True(CheckpointVerifier.Verify(checkpointNote, trusted, out VerifiedCheckpoint? checkpoint).IsValid);
        return EncumbranceClaimVerifier.TryVerify(note, trusted, checkpoint!, s_asset, eventNumbers, askedAsOfEvent, out claim, out reason);
    }
}
