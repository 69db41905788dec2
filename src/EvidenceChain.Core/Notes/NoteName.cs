namespace EvidenceChain.Core.Notes;

/// <summary>Key names (signed-note §Format): non-empty, no Unicode spaces, no '+'.</summary>
internal static class NoteName
{
    public const int LengthMaxChars = 320;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= LengthMaxChars
        && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));

    public static void Check(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid key name: it must be non-empty, without spaces or '+'.", nameof(name));
        }
    }
}
