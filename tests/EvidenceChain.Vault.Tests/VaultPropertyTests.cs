using CsCheck;
using EvidenceChain.Vault.Tests.Support;

namespace EvidenceChain.Vault.Tests;

/// <summary>Properties over random content: it round-trips, and any single changed byte anywhere in the file makes decryption fail.</summary>
public sealed class VaultPropertyTests
{
    private static readonly VaultKey s_xchacha = VaultKey.Generate(VaultAlgorithm.XChaCha20Poly1305);
    private static readonly VaultKey s_sm4 = VaultKey.Generate(VaultAlgorithm.Sm4Gcm);

    [Fact]
    public void EncryptThenDecrypt_RandomContent_GivesItBack()
    {
        Gen.Select(Gen.Bool, Gen.Byte.Array[0, (3 * VaultFiles.SegmentSize) + 1])
            .Sample(
                (sm4, content) =>
                {
                    VaultKey key = sm4 ? s_sm4 : s_xchacha;
                    Assert.Equal(content, VaultFiles.Decrypt(VaultFiles.Encrypt(content, key), key));
                },
                iter: 100);
    }

    [Fact]
    public void Decrypt_AnySingleByteChanged_Fails()
    {
        // (algorithm, content length, where in the file as a fraction, the XOR mask: never 0)
        Gen.Select(Gen.Bool, Gen.Int[0, (3 * VaultFiles.SegmentSize) + 1], Gen.Double[0, 1], Gen.Byte[1, 255])
            .Sample(
                (sm4, length, where, mask) =>
                {
                    VaultKey key = sm4 ? s_sm4 : s_xchacha;
                    byte[] file = VaultFiles.Encrypt(VaultFiles.Content(length, seed: length), key);
                    int position = Math.Min((int)(where * file.Length), file.Length - 1);
                    file[position] ^= mask;

                    Assert.Throws<VaultFormatException>(() => VaultFiles.Decrypt(file, key));
                },
                iter: 300);
    }
}
