namespace EvidenceChain.Core.Access;

/// <summary>
/// Party ids: 128 random bits as 32 lowercase hex digits. Random, not a name or a sequence number,
/// so an id reveals nothing and cannot be guessed (it appears in certificates and custody events).
/// </summary>
public static class PartyIds
{
    public const int LengthBytes = 16;

    public static string Create(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> id = stackalloc byte[LengthBytes];
        random(id);
        return Convert.ToHexStringLower(id);
    }

    public static bool IsValid(string? id) =>
        id is { Length: LengthBytes * 2 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
