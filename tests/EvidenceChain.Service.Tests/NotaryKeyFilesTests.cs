extern alias ServiceAssembly;

using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Testing;
using ServiceAssembly::EvidenceChain.Service.Internal;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The key files through a rotation (docs/operations.md#rotating-the-log-keys), on real files: a pending rotation is left
/// alone at start, and one a crash interrupted between its file moves is finished, never half done.
/// </summary>
public sealed class NotaryKeyFilesTests : IDisposable
{
    private static readonly LogOrigin s_origin = LogOrigin.Create("notary.example.cn", TreeHash.Sha256, RandomNumberGenerator.Fill);
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void FinishInterruptedRotation_PendingRotation_LeftPending()
    {
        var keys = new NotaryKeyFiles(_data.Path);
        keys.Create(s_origin, ed25519OnDevice: null);
        keys.CreateNext(s_origin);

        keys.FinishInterruptedRotation(TimeProvider.System);

        Assert.True(keys.RotationPending);
        Assert.Empty(Directory.GetDirectories(keys.KeysDirectory, "retired-*"));
    }

    [Fact]
    public void FinishInterruptedRotation_CrashAfterTheEd25519KeyMoved_TheSm2KeyFollowsAndTheNewPairLoads()
    {
        var keys = new NotaryKeyFiles(_data.Path);
        keys.Create(s_origin, ed25519OnDevice: null);
        keys.CreateNext(s_origin);
        NoteVerifier[] published = [.. keys.ReadPublished(s_origin)];

        // What CompleteRotation had done for the first key when the process died.
        string retired = Path.Combine(keys.KeysDirectory, "retired-crash");
        Directory.CreateDirectory(retired);
        File.Move(keys.Ed25519Path, Path.Combine(retired, "notary-ed25519.key"));
        File.Move(keys.NextEd25519Path, keys.Ed25519Path);

        keys.FinishInterruptedRotation(TimeProvider.System);

        Assert.False(File.Exists(keys.NextEd25519Path) || File.Exists(keys.NextSm2Path));
        (Ed25519NoteSigner ed25519, Sm2NoteSigner sm2) = keys.Load(s_origin, ed25519OnDevice: null);
        using (ed25519)
        using (sm2)
        {
            Assert.Equal<NoteVerifier>(published[2..], [ed25519.Verifier, sm2.Verifier]);
        }

        Assert.Contains(Directory.GetDirectories(keys.KeysDirectory, "retired-*"), d => File.Exists(Path.Combine(d, "notary-sm2.key")));
    }
}
