using System.CommandLine;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>--key</c> and <c>--trust</c> for the online commands, read exactly as <c>verify</c> reads them
/// (keys from the user's own configuration, never from the server). Unlike <c>verify</c>, the online
/// commands run without them, and then say that only the server's own keys were used.
/// </summary>
internal static class TrustedKeysOption
{
    public static Option<string[]> CreateKeyOption() => new(TrustedKeys.KeyOption)
    {
        Description = "A trusted verifier key (name+keyid+base64) or a file of them, one per line; repeatable.",
        HelpName = "VKEY",
    };

    public static Option<string> CreateTrustOption() => new(TrustedKeys.TrustOption)
    {
        Description = $"A trust file of verifier keys (default: ${TrustedKeys.TrustFileVariable}, else ~/.config/evidencechain/trusted.keys).",
        HelpName = "FILE",
    };

    /// <summary>The trusted keys, or null when none is configured anywhere.</summary>
    public static TrustedKeySet? LoadOptional(IReadOnlyList<string> keyArguments, string? trustFile, CliContext context)
    {
        try
        {
            return TrustedKeys.Load(keyArguments, trustFile, context);
        }
        catch (InputException e) when (e.Problem == InputProblem.NoTrustedKey)
        {
            return null;
        }
    }
}
