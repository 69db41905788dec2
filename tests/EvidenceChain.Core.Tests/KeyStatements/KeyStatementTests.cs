using System.Numerics;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.KeyStatements;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Core.Tests.KeyStatements;

/// <summary>Key rotation and compromise statements (key-statement.md): who must sign them, what they say, and what a compromise means for a receipt.</summary>
public sealed class KeyStatementTests : IDisposable
{
    private static readonly string s_name = TestKeys.Origin.ToString();
    private static readonly LogOrigin s_successor = new("notary.example.cn", "101112131415161718191a1b1c1d1e1f", TreeHash.Sha256);
    private static readonly long s_compromisedAtMs = DateTimeOffset.Parse("2026-11-30T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private readonly Ed25519NoteSigner _oldEd25519 = TestKeys.Ed25519(s_name);
    private readonly Sm2NoteSigner _oldSm2 = TestKeys.Sm2Random(s_name);
    private readonly Ed25519NoteSigner _newEd25519 = new(s_name, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly Sm2NoteSigner _newSm2 = new(s_name, Enumerable.Range(32, 32).Select(i => (byte)i).ToArray(), TestKeys.Sm2UserId, System.Security.Cryptography.RandomNumberGenerator.Fill);
    private readonly Ed25519NoteSigner _successorEd25519 = new(s_successor.ToString(), Enumerable.Range(64, 32).Select(i => (byte)i).ToArray());
    private readonly Sm2NoteSigner _successorSm2 = new(s_successor.ToString(), Enumerable.Range(96, 32).Select(i => (byte)i).ToArray(), TestKeys.Sm2UserId, System.Security.Cryptography.RandomNumberGenerator.Fill);

    public void Dispose()
    {
        foreach (NoteSigner signer in (NoteSigner[])[_oldEd25519, _oldSm2, _newEd25519, _newSm2, _successorEd25519, _successorSm2])
        {
            signer.Dispose();
        }
    }

    private NoteVerifier[] OldKeys => [_oldEd25519.Verifier, _oldSm2.Verifier];

    private NoteVerifier[] NewKeys => [_newEd25519.Verifier, _newSm2.Verifier];

    private NoteVerifier[] SuccessorKeys => [_successorEd25519.Verifier, _successorSm2.Verifier];

    private KeyRotation Rotation => new(TestKeys.Origin, OldKeys, NewKeys);

    [Fact]
    public void Rotation_SignedByBothPairs_VerifiesWithTheOldKeysAloneAndNamesTheNewOnes()
    {
        string note = SignedNote.Sign(Rotation.ToNoteText(), _oldEd25519, _oldSm2, _newEd25519, _newSm2);

        Verdict verdict = KeyRotation.Verify(note, OldKeys, out KeyRotation? rotation);

        Assert.True(verdict.IsValid, verdict.Detail);
        Assert.Equal(NewKeys, rotation!.NewKeys);
        Assert.Equal(OldKeys, rotation.OldKeys);
        Assert.Equal(TestKeys.Origin, rotation.Origin);
    }

    [Fact]
    public void Rotation_ANewKeyDidNotSign_Refused()
    {
        string note = SignedNote.Sign(Rotation.ToNoteText(), _oldEd25519, _oldSm2, _newEd25519);

        Verdict verdict = KeyRotation.Verify(note, OldKeys, out KeyRotation? rotation);

        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
        Assert.Contains("new keys", verdict.Detail, StringComparison.Ordinal);
        Assert.Null(rotation);
    }

    [Fact]
    public void Rotation_TrustingOnlyTheNewKeys_RefusedForTheOldKeysAreWhatVouchesForThem()
    {
        string note = SignedNote.Sign(Rotation.ToNoteText(), _oldEd25519, _oldSm2, _newEd25519, _newSm2);

        Verdict verdict = KeyRotation.Verify(note, NewKeys, out _);

        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
        Assert.Contains("old keys", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_TextRoundTrips_AndAKeptKeyIsMalformed()
    {
        Assert.True(KeyRotation.TryParse(Rotation.ToNoteText(), out KeyRotation? parsed).IsValid);
        Assert.Equal(Rotation.ToNoteText(), parsed!.ToNoteText());

        string kept = new KeyRotation(TestKeys.Origin, OldKeys, [_oldEd25519.Verifier, _newSm2.Verifier]).ToNoteText();
        Assert.Equal(VerificationFailure.MalformedKeyStatement, KeyRotation.TryParse(kept, out _).Failure);
        string swapped = new KeyRotation(TestKeys.Origin, OldKeys, [_newSm2.Verifier, _newEd25519.Verifier]).ToNoteText();
        Assert.Equal(VerificationFailure.MalformedKeyStatement, KeyRotation.TryParse(swapped, out _).Failure);
    }

    [Fact]
    public void Compromise_SignedByTheSuccessor_VerifiesAndRoundTrips()
    {
        KeyCompromise compromise = Compromise(frozenSize: 7, FrozenRoot);
        string note = SignedNote.Sign(compromise.ToNoteText(), _successorEd25519, _successorSm2);

        Verdict verdict = KeyCompromise.Verify(note, [.. OldKeys, .. SuccessorKeys], out KeyCompromise? verified);

        Assert.True(verdict.IsValid, verdict.Detail);
        Assert.Equal(compromise.ToNoteText(), verified!.ToNoteText());
        Assert.Equal(s_compromisedAtMs, verified.CompromisedAtMs);
        Assert.Contains("compromised-at 2026-11-30T05:00:00.000Z\n", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compromise_SignedByTheCompromisedKeysOrOneSuccessorKey_Refused()
    {
        KeyCompromise compromise = Compromise(frozenSize: 7, FrozenRoot);

        string byThief = SignedNote.Sign(compromise.ToNoteText(), _oldEd25519, _oldSm2);
        Assert.Equal(VerificationFailure.NoTrustedSignature, KeyCompromise.Verify(byThief, [.. OldKeys, .. SuccessorKeys], out _).Failure);

        string halfSigned = SignedNote.Sign(compromise.ToNoteText(), _successorEd25519);
        Verdict verdict = KeyCompromise.Verify(halfSigned, [.. OldKeys, .. SuccessorKeys], out _);
        Assert.Equal(VerificationFailure.NoTrustedSignature, verdict.Failure);
        Assert.Contains("SM2", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compromise_SuccessorWithTheSameLogIdOrATimeWithoutMilliseconds_Malformed()
    {
        string sameLog = Compromise(7, FrozenRoot).ToNoteText().Replace(s_successor.LogId, TestKeys.Origin.LogId, StringComparison.Ordinal);
        Assert.Equal(VerificationFailure.MalformedKeyStatement, KeyCompromise.TryParse(sameLog, out _).Failure);

        string badTime = Compromise(7, FrozenRoot).ToNoteText().Replace("05:00:00.000Z", "05:00:00Z", StringComparison.Ordinal);
        Assert.Equal(VerificationFailure.MalformedKeyStatement, KeyCompromise.TryParse(badTime, out _).Failure);
    }

    [Fact]
    public void Assess_AnIndependentTimestampOrAConfirmedAnchorBeforeTheCompromise_ProvesTheLeafOlder()
    {
        KeyCompromise compromise = Compromise(frozenSize: 100, FrozenRoot);

        CompromiseAssessment stamped = CompromiseCheck.Assess(compromise, Report(size: 120, OldKeys, timestamps: [Stamp(s_compromisedAtMs - 5_000, isOperator: false)]), []);
        Assert.Equal(CompromiseFinding.ProvenBefore, stamped.Finding);
        Assert.Equal(s_compromisedAtMs - 4_000, stamped.ProvenBeforeMs); // genTime plus the stated accuracy of 1 s
        Assert.Contains("CN=Outside TSA", stamped.ProvenBy, StringComparison.Ordinal);
        Assert.False(stamped.IsWarning);

        EvmAnchorSection anchor = Anchor(blockTimeSeconds: (ulong)(s_compromisedAtMs / 1000) - 10);
        CompromiseAssessment anchored = CompromiseCheck.Assess(compromise, Report(size: 90, OldKeys, anchors: [anchor]), [anchor]);
        Assert.Equal(CompromiseFinding.ProvenBefore, anchored.Finding);
        Assert.Contains("anchor in block 42", anchored.ProvenBy, StringComparison.Ordinal);
        Assert.Equal(0, anchored.UnconfirmedAnchors);
    }

    [Fact]
    public void Assess_OnlyTheOperatorsTimeAnUnconfirmedAnchorATokenWithoutAccuracyOrEvidenceAfterTheCompromise_Warns()
    {
        KeyCompromise compromise = Compromise(frozenSize: 100, FrozenRoot);

        Assert.Equal(CompromiseFinding.NotProvenBefore, CompromiseCheck.Assess(compromise, Report(size: 120, OldKeys), []).Finding);
        Assert.Equal(CompromiseFinding.NotProvenBefore, CompromiseCheck.Assess(compromise, Report(size: 90, OldKeys, timestamps: [Stamp(s_compromisedAtMs - 60_000, isOperator: true)]), []).Finding);
        Assert.Equal(CompromiseFinding.NotProvenBefore, CompromiseCheck.Assess(compromise, Report(size: 90, OldKeys, timestamps: [Stamp(s_compromisedAtMs - 60_000, isOperator: false, statesAccuracy: false)]), []).Finding);

        // A block header checked offline can carry any time: without a trusted node's word it proves nothing.
        EvmAnchorSection early = Anchor(blockTimeSeconds: (ulong)(s_compromisedAtMs / 1000) - 10);
        CompromiseAssessment unconfirmed = CompromiseCheck.Assess(compromise, Report(size: 90, OldKeys, anchors: [early]), []);
        Assert.Equal(CompromiseFinding.NotProvenBefore, unconfirmed.Finding);
        Assert.Equal(1, unconfirmed.UnconfirmedAnchors);

        // A block stamped in the compromise's own second may be after it: the whole second counts.
        EvmAnchorSection sameSecondAnchor = Anchor(blockTimeSeconds: (ulong)(s_compromisedAtMs / 1000));
        CompromiseAssessment sameSecond = CompromiseCheck.Assess(compromise, Report(size: 90, OldKeys, anchors: [sameSecondAnchor]), [sameSecondAnchor]);
        Assert.Equal(CompromiseFinding.NotProvenBefore, sameSecond.Finding);
        Assert.True(sameSecond.IsWarning);
    }

    [Fact]
    public void Assess_TheFrozenCheckpointAnotherRootAtItsSizeAnotherLogOrOtherKeys()
    {
        KeyCompromise compromise = Compromise(frozenSize: 100, FrozenRoot);

        Assert.Equal(CompromiseFinding.FrozenCheckpoint, CompromiseCheck.Assess(compromise, Report(size: 100, OldKeys, root: FrozenRoot), []).Finding);
        CompromiseAssessment fork = CompromiseCheck.Assess(compromise, Report(size: 100, OldKeys, root: Digest.FromHex(new string('e', 64))), []);
        Assert.Equal(CompromiseFinding.ForkOfFrozen, fork.Finding);
        Assert.True(fork.IsWarning);
        Assert.Equal(CompromiseFinding.NotAffected, CompromiseCheck.Assess(compromise, Report(size: 120, NewKeys), []).Finding);
        Assert.Equal(CompromiseFinding.NotAffected, CompromiseCheck.Assess(compromise, Report(size: 120, SuccessorKeys, origin: s_successor), []).Finding);
    }

    private static Digest FrozenRoot => Digest.FromHex(new string('a', 64));

    private KeyCompromise Compromise(ulong frozenSize, Digest frozenRoot) =>
        new(TestKeys.Origin, s_compromisedAtMs, frozenSize, frozenRoot, OldKeys, s_successor);

    private static ReceiptReport Report(
        ulong size,
        IReadOnlyList<NoteVerifier> signedBy,
        Digest? root = null,
        LogOrigin? origin = null,
        IReadOnlyList<ReceiptTimestamp>? timestamps = null,
        IReadOnlyList<EvmAnchorSection>? anchors = null) =>
        new(Verdict.Valid, [], [], signedBy, new Checkpoint(origin ?? TestKeys.Origin, size, root ?? Digest.FromHex(new string('b', 64))), 3, null, null, anchors ?? [], timestamps ?? []);

    private static ReceiptTimestamp Stamp(long genTimeMs, bool isOperator, bool statesAccuracy = true) =>
        new("tsa", 120, new VerifiedTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(genTimeMs), statesAccuracy ? TimeSpan.FromSeconds(1) : null, BigInteger.One, "1.2.3", isOperator ? "CN=Operator TSA" : "CN=Outside TSA", new string('0', 64), isOperator));

    private static EvmAnchorSection Anchor(ulong blockTimeSeconds) =>
        new(AnchorState.Final, 31337, "0x" + new string('1', 40), FrozenRoot, 120, FrozenRoot, [], new EvmLanding("0x" + new string('2', 64), 0, 42, "0x" + new string('3', 64), blockTimeSeconds, 0, [], []));
}
