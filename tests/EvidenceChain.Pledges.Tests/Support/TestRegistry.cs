using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Signing;

namespace EvidenceChain.Pledges.Tests.Support;

/// <summary>Registered parties with real keys (Ed25519, and SM2 for one), as the party registry holds them (the Cases tests' pattern).</summary>
internal sealed class TestRegistry : IDisposable
{
    public const long BoundAtMs = 1_700_000_000_000;

    private readonly Dictionary<string, Party> _parties = [];
    private readonly Dictionary<string, SigningKey> _keys = [];

    public Party Add(PartyRole role, bool sm2 = false, long? revokedAtMs = null)
    {
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        SigningKey key = sm2
            ? new Sm2MemoryKey(Sm2PrivateKey(), PartyKey.Sm2DefaultUserId, RandomNumberGenerator.Fill)
            : new Ed25519MemoryKey(RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes));
        var partyKey = new PartyKey(sm2 ? PartyKeyAlgorithm.Sm2 : PartyKeyAlgorithm.Ed25519, key.PublicKey.ToArray(), key.UserId.ToArray(), BoundAtMs, revokedAtMs);
        var party = new Party(id, role, role.ToString(), false, BoundAtMs, [partyKey], [], null);
        _parties[id] = party;
        _keys[id] = key;
        return party;
    }

    public Party? Find(string id) => _parties.GetValueOrDefault(id);

    public void Replace(Party party) => _parties[party.Id] = party;

    public byte[] Sign(Party party, ReadOnlySpan<byte> message) => _keys[party.Id].Sign(message);

    public void Dispose()
    {
        foreach (SigningKey key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private static byte[] Sm2PrivateKey()
    {
        // Any scalar below the curve order; 1 ≤ d < n holds for 31 random bytes under a zero byte.
        byte[] d = RandomNumberGenerator.GetBytes(Sm2MemoryKey.PrivateKeyLengthBytes);
        d[0] = 0;
        d[1] |= 1;
        return d;
    }
}
