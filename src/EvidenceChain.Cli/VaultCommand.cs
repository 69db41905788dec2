using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Vault;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain vault keygen|encrypt|decrypt</c>: the owner's encrypted vault (issue 9), offline.
/// <c>keygen</c> writes a new key file owner-only (0600); <c>encrypt</c> and <c>decrypt</c> stream a
/// file through the vault format (docs/formats/vault.md) under it. The key never leaves this
/// machine and is never printed. See <see cref="VaultWorkflow"/> and docs/vault.md.
/// </summary>
internal static class VaultCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        return new Command(
            "vault",
            "Encrypt content under a key only you hold, so it can be kept by others without their being able to read it (offline). "
            + "Key files are written owner-only (0600) and never over an existing file.")
        {
            CreateKeyGen(context, language),
            CreateEncrypt(context, language),
            CreateDecrypt(context, language),
        };
    }

    private static Command CreateKeyGen(CliContext context, Option<string> language)
    {
        Option<string> output = OutputOption("The new key file (one line of base64, mode 0600); never overwritten.");
        var algorithm = new Option<string>("--algorithm")
        {
            Description = $"{VaultWorkflow.XChaCha20Poly1305Name} (default, 32-byte key) or {VaultWorkflow.Sm4GcmName} (16-byte key, for the national algorithms).",
            HelpName = "NAME",
            DefaultValueFactory = _ => VaultWorkflow.XChaCha20Poly1305Name,
        };
        algorithm.AcceptOnlyFromAmong(VaultWorkflow.XChaCha20Poly1305Name, VaultWorkflow.Sm4GcmName);
        var command = new Command("keygen", "Make a new random vault key in a new owner-only file. Exit codes: 0 made; 2 unusable input.")
        {
            output, algorithm,
        };
        command.SetAction((parsed, cancellationToken) => VaultWorkflow.RunAsync(
            context,
            parsed.GetValue(language),
            text => Task.FromResult(VaultWorkflow.KeyGen(context, text, parsed.GetValue(output)!, VaultWorkflow.ParseAlgorithm(parsed.GetValue(algorithm)!)))));
        return command;
    }

    private static Command CreateEncrypt(CliContext context, Option<string> language)
    {
        var file = new Argument<string>("FILE") { Description = "The content to encrypt." };
        Option<string> output = OutputOption("The vault file to write; never overwritten.");
        Option<string> key = KeyOption();
        var segmentSize = new Option<int>("--segment-size")
        {
            Description = $"Bytes per segment, a power of two from {VaultFormat.SegmentSizeMinBytes} to {VaultFormat.SegmentSizeMaxBytes} (default {VaultFormat.SegmentSizeDefaultBytes}).",
            HelpName = "N",
            DefaultValueFactory = _ => VaultFormat.SegmentSizeDefaultBytes,
        };
        var command = new Command("encrypt", "Encrypt FILE into a vault file under your key, streaming. Exit codes: 0 encrypted; 2 unusable input.")
        {
            file, output, key, segmentSize,
        };
        command.SetAction((parsed, cancellationToken) => VaultWorkflow.RunAsync(
            context,
            parsed.GetValue(language),
            text => VaultWorkflow.EncryptAsync(
                context, text, parsed.GetValue(file)!, parsed.GetValue(output)!, parsed.GetValue(key)!, parsed.GetValue(segmentSize), cancellationToken)));
        return command;
    }

    private static Command CreateDecrypt(CliContext context, Option<string> language)
    {
        var file = new Argument<string>("FILE") { Description = "The vault file to decrypt." };
        Option<string> output = OutputOption("Where the content goes (mode 0600); made only if every segment authenticates, never overwritten.");
        Option<string> key = KeyOption();
        var command = new Command(
            "decrypt",
            "Decrypt a vault file under your key. The output appears only after the whole file authenticated. "
            + "Exit codes: 0 decrypted; 1 the file was altered, truncated, reordered, spliced or extended, or the key is not its key; 2 unusable input.")
        {
            file, output, key,
        };
        command.SetAction((parsed, cancellationToken) => VaultWorkflow.RunAsync(
            context,
            parsed.GetValue(language),
            text => VaultWorkflow.DecryptAsync(context, text, parsed.GetValue(file)!, parsed.GetValue(output)!, parsed.GetValue(key)!, cancellationToken)));
        return command;
    }

    private static Option<string> OutputOption(string description) => new("--output", "-o")
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };

    private static Option<string> KeyOption() => new("--key")
    {
        Description = "Your vault key file (from vault keygen; mode 0600).",
        HelpName = "KEYFILE",
        Required = true,
    };
}
