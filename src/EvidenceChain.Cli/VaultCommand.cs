using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Vault;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain vault keygen|encrypt|decrypt</c>: the owner's encrypted vault (issue 9), offline.
/// <c>keygen</c> writes a new key file owner-only (0600); <c>encrypt</c> and <c>decrypt</c> stream a
/// file through the vault format (docs/formats/vault.md) under it. The key never leaves this
/// machine and is never printed. See <see cref="VaultWorkflow"/> and docs/vault.md.
/// <c>vault put|list|get</c>, with the server options, hand a vault file of one of the caller's
/// deposits to the service to keep, list what it keeps and take one back (<see cref="VaultCustodyWorkflow"/>).
/// </summary>
internal static class VaultCommand
{
    private const string OnlineExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused (with its reason) or could not be reached.";

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
            CreatePut(context, language),
            CreateList(context, language),
            CreateGet(context, language),
        };
    }

    private static Command CreatePut(CliContext context, Option<string> language)
    {
        var file = new Argument<string>("FILE") { Description = "The vault file to hand over (from vault encrypt)." };
        Option<string> deposit = DepositOption();
        var unit = new Option<uint?>("--unit") { Description = "The unit of the deposit whose content the file holds (0-based); leave out for the whole deposit.", HelpName = "N" };
        var command = new Command(
            "put",
            "Hand the service a vault file of one of your deposits to keep: it gets ciphertext only and records a custody event. "
            + "A file that is not a vault file is refused before anything is sent." + OnlineExitCodes)
        {
            file, deposit, unit,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunOnline(context, language, parsed, (text, _) =>
            VaultCustodyWorkflow.PutAsync(context, text, server.Read(parsed), parsed.GetRequiredValue(file), parsed.GetRequiredValue(deposit), parsed.GetValue(unit), cancellationToken)));
        return command;
    }

    private static Command CreateList(CliContext context, Option<string> language)
    {
        Option<string> deposit = DepositOption();
        var command = new Command("list", "List the vault files the service keeps for one of your deposits: SHA-256, length, unit and custody leaf." + OnlineExitCodes) { deposit };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunOnline(context, language, parsed, (text, _) =>
            VaultCustodyWorkflow.ListAsync(context, text, server.Read(parsed), parsed.GetRequiredValue(deposit), cancellationToken)));
        return command;
    }

    private static Command CreateGet(CliContext context, Option<string> language)
    {
        Option<string> deposit = DepositOption();
        var id = new Option<string>("--object") { Description = "The kept file's SHA-256 (64 hex digits), as vault list shows it.", HelpName = "SHA256", Required = true };
        Option<string> output = OutputOption("Where the vault file goes; named only once its length, SHA-256 and SM3 match the custody record; never overwritten.");
        var command = new Command(
            "get",
            "Take back a vault file the service keeps for one of your deposits, checked against its custody record; decrypt it with vault decrypt. "
            + "Exit codes: 0 fetched; 1 the bytes returned are not the recorded ones; 2 unusable input, or the server refused or could not be reached.")
        {
            deposit, id, output,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunOnline(context, language, parsed, (text, report) =>
            VaultCustodyWorkflow.GetAsync(context, text, report, server.Read(parsed), parsed.GetRequiredValue(deposit), parsed.GetRequiredValue(id), parsed.GetRequiredValue(output), cancellationToken)));
        return command;
    }

    /// <summary>Vault problems (files) and online ones (the server) each become their one line and exit code.</summary>
    private static Task<int> RunOnline(CliContext context, Option<string> language, ParseResult parsed, Func<VaultText, ReportText, Task<ExitCode>> work) =>
        VaultWorkflow.RunAsync(
            context,
            parsed.GetValue(language),
            async text => (ExitCode)await OnlineCommand.RunAsync(context, parsed.GetValue(language), (_, report) => work(text, report)).ConfigureAwait(false));

    private static Option<string> DepositOption() => new("--deposit")
    {
        Description = "The deposit id (64 lowercase hex digits) of one of your deposits.",
        HelpName = "DEPOSIT_ID",
        Required = true,
    };

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
