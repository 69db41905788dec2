using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace EvidenceChain.Vault.Tests;

/// <summary>
/// The SM4 block cipher the vault's SM4-GCM runs on, against GB/T 32907-2016 Appendix A (the same
/// examples are in the draft RFC "The SM4 Blockcipher Algorithm", draft-ribose-cfrg-sm4, §A.1).
/// </summary>
public sealed class Sm4BlockCipherTests
{
    private static readonly byte[] s_keyAndPlaintext = Convert.FromHexString("0123456789abcdeffedcba9876543210");

    [Fact]
    public void Encrypt_StandardExample1_MatchesGbT32907()
    {
        byte[] block = Process(forEncryption: true, s_keyAndPlaintext, s_keyAndPlaintext, rounds: 1);

        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(block));
    }

    [Fact]
    public void Decrypt_StandardExample1_GivesThePlaintextBack()
    {
        byte[] block = Process(forEncryption: false, s_keyAndPlaintext, Convert.FromHexString("681edf34d206965e86b3e94f536e4246"), rounds: 1);

        Assert.Equal(s_keyAndPlaintext, block);
    }

    [Fact]
    public void Encrypt_StandardExample2_AMillionTimes_MatchesGbT32907()
    {
        byte[] block = Process(forEncryption: true, s_keyAndPlaintext, s_keyAndPlaintext, rounds: 1_000_000);

        Assert.Equal("595298c7c6fd271f0402f804c33d3f66", Convert.ToHexStringLower(block));
    }

    private static byte[] Process(bool forEncryption, byte[] key, byte[] input, int rounds)
    {
        var engine = new SM4Engine();
        engine.Init(forEncryption, new KeyParameter(key));
        byte[] block = (byte[])input.Clone();
        for (int i = 0; i < rounds; i++)
        {
            engine.ProcessBlock(block, 0, block, 0);
        }

        return block;
    }
}
