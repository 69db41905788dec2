using System.Text;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;

namespace EvidenceChain.Core.Tests.Support;

/// <summary>Published keys used across tests, so signatures and examples are reproducible.</summary>
internal static class TestKeys
{
    /// <summary>RFC 8032 §7.1 TEST 1 secret key.</summary>
    public static readonly byte[] Ed25519Seed = Hex.Bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    /// <summary>RFC 8032 §7.1 TEST 1 public key.</summary>
    public static readonly byte[] Ed25519Public = Hex.Bytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    /// <summary>GB/T 32918.2 Annex A (recommended curve): private key d.</summary>
    public static readonly byte[] Sm2PrivateKey = Hex.Bytes("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8");

    /// <summary>GB/T 32918.2 Annex A: the nonce k of the published signature.</summary>
    public static readonly byte[] Sm2Nonce = Hex.Bytes("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21");

    /// <summary>RFC 8032 §7.1 TEST 3 secret key: the log's Ed25519 key after a rotation (TEST 2 is the example depositor's).</summary>
    public static readonly byte[] RotatedEd25519Seed = Hex.Bytes("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");

    /// <summary>The log's SM2 key after a rotation: the scalar 01 02 … 20 (32 bytes), chosen for the tests and published, never a secret.</summary>
    public static readonly byte[] RotatedSm2PrivateKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static readonly byte[] Sm2UserId = Encoding.ASCII.GetBytes("1234567812345678");

    /// <summary>An origin with log id 00 01 … 0f, as in docs/formats/log.md.</summary>
    public static readonly LogOrigin Origin = new("notary.example.cn", "000102030405060708090a0b0c0d0e0f", TreeHash.Sha256);

    /// <summary>Always returns the same bytes: reproduces published SM2 signatures. Never for real signing.</summary>
    public static RandomSource Fixed(byte[] bytes) => destination =>
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = bytes[i % bytes.Length];
        }
    };

    public static Ed25519NoteSigner Ed25519(string name) => new(name, Ed25519Seed);

    public static Sm2NoteSigner Sm2(string name) => new(name, Sm2PrivateKey, Sm2UserId, Fixed(Sm2Nonce));

    public static Ed25519NoteSigner RotatedEd25519(string name) => new(name, RotatedEd25519Seed);

    /// <summary>The rotated SM2 key, signing with the published nonce of <see cref="Sm2Nonce"/> so its signatures are reproducible.</summary>
    public static Sm2NoteSigner RotatedSm2(string name) => new(name, RotatedSm2PrivateKey, Sm2UserId, Fixed(Sm2Nonce));

    public static Sm2NoteSigner Sm2Random(string name) =>
        new(name, Sm2PrivateKey, Sm2UserId, System.Security.Cryptography.RandomNumberGenerator.Fill);
}
