using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Checkpoints;

public class CheckpointTests
{
    private static readonly Digest s_root = Sm3.HashData("root"u8);

    [Fact]
    public void Checkpoint_RoundTrip_Equal()
    {
        var checkpoint = new Checkpoint(TestKeys.Origin, 1234, s_root);
        string text = checkpoint.ToNoteText();

        Verdict verdict = Checkpoint.TryParse(text, out Checkpoint? parsed);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(checkpoint, parsed);
        Assert.Equal($"notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256\n1234\n{s_root.ToBase64()}\n", text);
    }

    [Theory]
    [InlineData("{0}\n01\n{1}\n")]
    [InlineData("{0}\n-1\n{1}\n")]
    [InlineData("{0}\n9223372036854775808\n{1}\n")]
    [InlineData("{0}\n1\n{1}\nextension\n")]
    [InlineData("{0}\n1\n{1}")]
    [InlineData("{0}\n1\nAAAA\n")]
    [InlineData("example.com/log\n1\n{1}\n")]
    [InlineData("notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/md5\n1\n{1}\n")]
    [InlineData("notary.example.cn/evidencechain/000102030405060708090A0B0C0D0E0F/sha256\n1\n{1}\n")]
    [InlineData("Notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256\n1\n{1}\n")]
    public void TryParse_Malformed_ReturnsMalformedCheckpoint(string template)
    {
        string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, TestKeys.Origin, s_root.ToBase64());

        Assert.Equal(VerificationFailure.MalformedCheckpoint, Checkpoint.TryParse(text, out _).Failure);
    }

    [Fact]
    public void Promise_RoundTrip_AndNeverParsesAsCheckpoint()
    {
        var promise = new Promise(TestKeys.Origin, 17, s_root, 1_764_400_000_000);
        string text = promise.ToNoteText();

        Assert.True(Promise.TryParse(text, out Promise? parsed).IsValid);
        Assert.Equal(promise, parsed);
        Assert.False(Checkpoint.TryParse(text, out _).IsValid);
        Assert.False(Promise.TryParse(new Checkpoint(TestKeys.Origin, 17, s_root).ToNoteText(), out _).IsValid);
    }

    [Fact]
    public void LogOrigin_Create_UsesRandomLogIdAndTreeHash()
    {
        LogOrigin first = LogOrigin.Create("notary.example.cn", TreeHash.Sm3, System.Security.Cryptography.RandomNumberGenerator.Fill);
        LogOrigin second = LogOrigin.Create("notary.example.cn", TreeHash.Sm3, System.Security.Cryptography.RandomNumberGenerator.Fill);

        Assert.NotEqual(first.LogId, second.LogId);
        Assert.EndsWith("/sm3", first.ToString(), StringComparison.Ordinal);
        Assert.True(LogOrigin.TryParse(first.ToString(), out LogOrigin? parsed));
        Assert.Equal(first, parsed);
        Assert.Throws<ArgumentException>(() => LogOrigin.Create("notary.example.cn:8443", TreeHash.Sha256, System.Security.Cryptography.RandomNumberGenerator.Fill));
    }
}
