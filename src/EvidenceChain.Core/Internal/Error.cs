namespace EvidenceChain.Core;

/// <summary>All exception construction in one place (as NSec does), so messages stay consistent.</summary>
internal static class Error
{
    public static ArgumentException WrongLength(string parameter, int wantedBytes, int gotBytes) =>
        new($"Expected exactly {wantedBytes} bytes, got {gotBytes}.", parameter);

    public static ArgumentException TooShort(string parameter, int wantedBytes, int gotBytes) =>
        new($"The destination needs at least {wantedBytes} bytes, got {gotBytes}.", parameter);

    public static ArgumentOutOfRangeException OutOfRange(string parameter, object value, string rule) =>
        new(parameter, value, rule);

    public static FormatException Malformed(string what, string why) => new($"Malformed {what}: {why}");
}
