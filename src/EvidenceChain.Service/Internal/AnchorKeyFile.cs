namespace EvidenceChain.Service.Internal;

/// <summary>The anchoring account's private key: one line of hex in a file only its owner can read.</summary>
internal static class AnchorKeyFile
{
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The anchoring key file {path} does not exist.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) != 0)
        {
            throw new InvalidOperationException($"{path} can be read by others; make it 0600 (chmod 600) before starting.");
        }

        string key = File.ReadAllText(path).Trim();
        string hex = key.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? key[2..] : key;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            ? "0x" + hex
            : throw new InvalidOperationException($"{path} does not hold a 32-byte private key in hex.");
    }
}
