using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Engine.Tests;

/// <summary>A planned rotation in the notary (key-statement.md §Rotation): the incoming pair co-signs until it takes over, and no key is ever unpublished.</summary>
public sealed class NotaryRotationTests
{
    private static readonly LogOrigin s_origin = LogOrigin.Create("notary.example.cn", TreeHash.Sha256, RandomNumberGenerator.Fill);

    [Fact]
    public void Rotation_BothPairsSignUntilComplete_ThenTheNewPairAlone_AndEveryKeyStaysPublished()
    {
        (Ed25519NoteSigner oldEd25519, Sm2NoteSigner oldSm2) = Pair();
        (Ed25519NoteSigner newEd25519, Sm2NoteSigner newSm2) = Pair();
        NoteVerifier[] oldKeys = [oldEd25519.Verifier, oldSm2.Verifier];
        NoteVerifier[] newKeys = [newEd25519.Verifier, newSm2.Verifier];
        using var notary = new Notary(s_origin, oldEd25519, oldSm2, earlierKeys: [], incoming: (newEd25519, newSm2));
        var checkpoint = new Checkpoint(s_origin, 5, Digest.FromHex(new string('a', 64)));

        Assert.True(notary.RotationPending);
        Assert.Equal([.. oldKeys, .. newKeys], notary.VerifierKeys);
        string during = notary.SignCheckpoint(checkpoint);
        Assert.Equal(4, SignatureLines(during));
        Assert.True(SignedNote.TryOpen(during, oldKeys, out OpenedNote? byOld).IsValid);
        Assert.Equal(oldKeys, byOld!.SignedBy);
        Assert.True(SignedNote.TryOpen(during, newKeys, out OpenedNote? byNew).IsValid);
        Assert.Equal(newKeys, byNew!.SignedBy);
        Assert.True(SignedNote.TryOpen(notary.SignPromise(new Promise(s_origin, 5, Digest.FromHex(new string('b', 64)), 0)), [oldEd25519.Verifier], out _).IsValid);

        notary.CompleteRotation();

        Assert.False(notary.RotationPending);
        Assert.Equal([.. oldKeys, .. newKeys], notary.VerifierKeys);
        string after = notary.SignCheckpoint(checkpoint);
        Assert.Equal(2, SignatureLines(after));
        Assert.False(SignedNote.TryOpen(after, oldKeys, out _).IsValid);
        Assert.True(SignedNote.TryOpen(after, newKeys, out OpenedNote? afterByNew).IsValid);
        Assert.Equal(newKeys, afterByNew!.SignedBy);
        Assert.Throws<InvalidOperationException>(notary.CompleteRotation);
    }

    private static (Ed25519NoteSigner, Sm2NoteSigner) Pair() =>
        (new Ed25519NoteSigner(s_origin.ToString(), RandomNumberGenerator.GetBytes(32)),
         new Sm2NoteSigner(s_origin.ToString(), RandomNumberGenerator.GetBytes(31).Prepend((byte)1).ToArray(), "1234567812345678"u8, RandomNumberGenerator.Fill));

    private static int SignatureLines(string note) => note.Split('\n').Count(l => l.StartsWith('\u2014'));
}
