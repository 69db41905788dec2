using EvidenceChain.Core.Notes;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// Collects the verifier keys a verification trusts. They come only from the verifier's own
/// configuration (checkpoint.md §Verifier keys): <c>--key</c> values, and one trust file, which is
/// <c>--trust</c>, else <c>$EVIDENCECHAIN_TRUST</c>, else the per-user default if it exists. Never
/// from the receipt, which is the thing under examination.
/// </summary>
internal static class TrustedKeys
{
    public const string TrustFileVariable = "EVIDENCECHAIN_TRUST";
    public const string KeyOption = "--key";
    public const string TrustOption = "--trust";

    /// <summary>A key file holds a handful of keys; anything this large is the wrong file.</summary>
    public const int KeyFileLengthMaxBytes = 64 * 1024;

    public static TrustedKeySet Load(IReadOnlyList<string> keyArguments, string? trustFile, CliContext context)
    {
        var keys = new List<NoteVerifier>();
        var sources = new List<string>();
        foreach (string argument in keyArguments)
        {
            // A value naming an existing file is a key file; anything else must be a key itself.
            if (File.Exists(argument))
            {
                keys.AddRange(ReadKeyFile(argument));
                sources.Add(argument);
            }
            else if (NoteVerifierKey.TryParse(argument, out NoteVerifier? key, out string reason))
            {
                keys.Add(key!);
                AddOnce(sources, KeyOption);
            }
            else
            {
                throw new InputException(InputProblem.KeyMalformed, argument, reason);
            }
        }

        string? trustPath = ResolveTrustFile(trustFile, context);
        if (trustPath is not null)
        {
            keys.AddRange(ReadKeyFile(trustPath));
            sources.Add(trustPath);
        }

        // A key named twice is listed once in the report (verifiers are equal by name and key).
        var distinct = keys.Distinct().ToList();
        if (distinct.Count == 0)
        {
            throw new InputException(InputProblem.NoTrustedKey, string.Empty, DefaultTrustFile(context));
        }

        return new TrustedKeySet(distinct, sources);
    }

    /// <summary><c>$XDG_CONFIG_HOME/evidencechain/trusted.keys</c>, or <c>~/.config/evidencechain/trusted.keys</c>.</summary>
    public static string DefaultTrustFile(CliContext context) => Path.Combine(context.ConfigDirectory(), "trusted.keys");

    private static string? ResolveTrustFile(string? trustFile, CliContext context)
    {
        // A file the user named explicitly must exist; only the default may be absent.
        if (trustFile is not null)
        {
            return File.Exists(trustFile) ? trustFile : throw new InputException(InputProblem.TrustFileNotFound, trustFile, TrustOption);
        }

        string? fromEnvironment = context.GetEnvironmentVariable(TrustFileVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? fromEnvironment : throw new InputException(InputProblem.TrustFileNotFound, fromEnvironment, TrustFileVariable);
        }

        string defaultPath = DefaultTrustFile(context);
        return File.Exists(defaultPath) ? defaultPath : null;
    }

    /// <summary>One verifier key per line; blank lines and lines starting with '#' are skipped.</summary>
    private static List<NoteVerifier> ReadKeyFile(string path)
    {
        string text = InputFile.ReadText(path, KeyFileLengthMaxBytes);
        var keys = new List<NoteVerifier>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!NoteVerifierKey.TryParse(line, out NoteVerifier? key, out string reason))
            {
                throw new InputException(InputProblem.KeyFileLineMalformed, $"{path}:{i + 1}", reason);
            }

            keys.Add(key!);
        }

        return keys;
    }

    private static void AddOnce(List<string> sources, string source)
    {
        if (!sources.Contains(source))
        {
            sources.Add(source);
        }
    }
}
