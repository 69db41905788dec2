using System.Runtime.InteropServices;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// Finds the anvil binary that `npm ci` installs from the repository's pinned <c>@foundry-rs/anvil</c>.
/// That package's <c>node_modules/.bin/anvil</c> is a Node wrapper (bin.mjs) that spawns the binary of an
/// optional per-platform package, which would put a second process between us and the node; we pick
/// the same per-platform package the wrapper picks (its const.mjs) and start the binary directly.
/// </summary>
internal static class AnvilBinary
{
    /// <summary>The binary under the first node_modules folder found walking up from each start directory in turn, or null.</summary>
    public static string? Find(IEnumerable<string> startDirectories)
    {
        string? relative = PlatformRelativePath();
        if (relative is null)
        {
            return null;
        }

        foreach (string start in startDirectories)
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>node_modules/@foundry-rs/anvil-&lt;platform&gt;-&lt;arch&gt;/bin/anvil, or null on a platform the package does not ship.</summary>
    public static string? PlatformRelativePath()
    {
        string? platform = OperatingSystem.IsLinux() ? "linux"
            : OperatingSystem.IsMacOS() ? "darwin"
            : OperatingSystem.IsWindows() ? "win32"
            : null;
        string? architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        if (platform is null || architecture is null)
        {
            return null;
        }

        string binary = OperatingSystem.IsWindows() ? "anvil.exe" : "anvil";
        return Path.Combine("node_modules", "@foundry-rs", $"anvil-{platform}-{architecture}", "bin", binary);
    }
}
