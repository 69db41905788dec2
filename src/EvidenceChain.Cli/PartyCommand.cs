using System.CommandLine;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain party whoami | register --role ROLE --name NAME [--can-approve] | bind-key --party ID
/// (--key-file FILE | --public-key HEX | --sm2 HEX|FILE [--user-id ID]) | revoke-key --party ID
/// --fingerprint HEX | revoke-cert --party ID --fingerprint HEX | deactivate --party ID | list</c>, each
/// with <c>[--server URL [--cert FILE --cert-key FILE] --ca FILE]</c>: the party registry over
/// PartyService (changes are the notary office's alone, docs/roles.md); and <c>evidencechain party
/// my-key [--depositor-key FILE | --sm2 [--sm2-key FILE] [--user-id ID]]</c>, which prints the local
/// depositor key's (or SM2 request key's) public half for the office to bind. See <see cref="PartyWorkflow"/>.
/// </summary>
internal static class PartyCommand
{
    private const string ExitCodes = " Exit codes: 0 done; 2 unusable input, or the server refused (with its reason) or could not be reached.";

    private static readonly Dictionary<string, PartyRole> s_roles = new(StringComparer.Ordinal)
    {
        ["notary-office"] = PartyRole.NotaryOffice,
        ["notary"] = PartyRole.Notary,
        ["enterprise"] = PartyRole.Enterprise,
        ["lender"] = PartyRole.Lender,
        ["registry"] = PartyRole.Registry,
        ["court"] = PartyRole.Court,
        ["appraiser"] = PartyRole.Appraiser,
        ["auditor"] = PartyRole.Auditor,
    };

    public static Command Create(CliContext context, Option<string> language) =>
        new("party", "The parties that may call the service: who you are, and (the notary office only) register parties, bind and revoke their keys, revoke certificates, deactivate, list.")
        {
            WhoAmI(context, language),
            Register(context, language),
            BindKey(context, language),
            RevokeKey(context, language),
            RevokeCertificate(context, language),
            Deactivate(context, language),
            List(context, language),
            MyKey(context, language),
        };

    private static Command WhoAmI(CliContext context, Option<string> language)
    {
        var command = new Command("whoami", "Print your own party, as the service knows it from your certificate." + ExitCodes);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.WhoAmIAsync(context, text, server.Read(parsed), cancellationToken)));
        return command;
    }

    private static Command Register(CliContext context, Option<string> language)
    {
        var role = new Option<string>("--role") { Description = "The party's role.", HelpName = string.Join('|', s_roles.Keys), Required = true };
        role.AcceptOnlyFromAmong([.. s_roles.Keys]);
        var name = new Option<string>("--name") { Description = "The institution's name (1 to 200 characters).", HelpName = "NAME", Required = true };
        var canApprove = new Option<bool>("--can-approve") { Description = "For a notary: may approve payouts." };
        var command = new Command("register", "Register a party (the notary office only); prints its new id, for its certificate (`ca issue-party --party-id`)." + ExitCodes)
        {
            role, name, canApprove,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.RegisterAsync(
            context, text, server.Read(parsed), s_roles[parsed.GetRequiredValue(role)], parsed.GetRequiredValue(name), parsed.GetValue(canApprove), cancellationToken)));
        return command;
    }

    private static Command BindKey(CliContext context, Option<string> language)
    {
        Option<string> party = PartyOption();
        var keyFile = new Option<string>("--key-file")
        {
            Description = "A depositor key file, as `deposit` makes it (yours; another party hands you only its public key: use --public-key).",
            HelpName = "FILE",
        };
        var publicKey = new Option<string>("--public-key") { Description = "The depositor's Ed25519 public key, 64 hex digits, as `party my-key` prints it.", HelpName = "HEX" };
        var sm2 = new Option<string>("--sm2")
        {
            Description = "An SM2 public key: 130 hex digits (04‖x‖y, as `party my-key --sm2` prints them), or a file holding them or a PEM public key (`openssl pkey -pubout`).",
            HelpName = "HEX|FILE",
        };
        Option<string> userId = UserIdOption("With --sm2: the user ID the key signs under, at most 255 bytes of UTF-8 (default: the GB/T 32918 default 1234567812345678).");
        var command = new Command(
            "bind-key",
            "Bind a party's request-signing key, Ed25519 or SM2, to it (the notary office only); a key signs for one party only, for good. "
            + "To rotate, bind the new key, then revoke the old: what the old one signed still verifies. Deposits are signed with Ed25519 depositor keys only." + ExitCodes)
        {
            party, keyFile, publicKey, sm2, userId,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.BindKeyAsync(
            context, text, server.Read(parsed), parsed.GetRequiredValue(party), parsed.GetValue(keyFile), parsed.GetValue(publicKey),
            parsed.GetValue(sm2), parsed.GetValue(userId), cancellationToken)));
        return command;
    }

    private static Command RevokeKey(CliContext context, Option<string> language)
    {
        Option<string> party = PartyOption();
        Option<string> fingerprint = FingerprintOption("The key's fingerprint, as `party list`/`whoami` or `party my-key` prints it.");
        var command = new Command("revoke-key", "Revoke a party's request-signing key, Ed25519 or SM2 (the notary office only): it signs nothing new; what it signed stays the party's." + ExitCodes)
        {
            party, fingerprint,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.RevokeKeyAsync(
            context, text, server.Read(parsed), parsed.GetRequiredValue(party), parsed.GetRequiredValue(fingerprint), cancellationToken)));
        return command;
    }

    private static Command RevokeCertificate(CliContext context, Option<string> language)
    {
        Option<string> party = PartyOption();
        Option<string> fingerprint = FingerprintOption("The certificate's SHA-256 fingerprint, as `ca issue-party` or `ca show` prints it.");
        var command = new Command("revoke-cert", "Revoke one certificate of a party (the notary office only); its holder is refused from the next call." + ExitCodes)
        {
            party, fingerprint,
        };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.RevokeCertificateAsync(
            context, text, server.Read(parsed), parsed.GetRequiredValue(party), parsed.GetRequiredValue(fingerprint), cancellationToken)));
        return command;
    }

    private static Command Deactivate(CliContext context, Option<string> language)
    {
        Option<string> party = PartyOption();
        var command = new Command("deactivate", "Deactivate a party (the notary office only): it can no longer call; its records stay." + ExitCodes) { party };
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.DeactivateAsync(
            context, text, server.Read(parsed), parsed.GetRequiredValue(party), cancellationToken)));
        return command;
    }

    private static Command List(CliContext context, Option<string> language)
    {
        var command = new Command("list", "List every registered party, one a line (the notary office only)." + ExitCodes);
        ServerOptions server = ServerOptions.AddTo(command);
        command.SetAction((parsed, cancellationToken) => Run(context, language, parsed, text => PartyWorkflow.ListAsync(context, text, server.Read(parsed), cancellationToken)));
        return command;
    }

    private static Command MyKey(CliContext context, Option<string> language)
    {
        Option<string> depositorKey = DepositorKey.CreateOption(madeOnFirstUse: true);
        var sm2 = new Option<bool>("--sm2") { Description = "Your SM2 request key instead of the depositor key (made on first use, 0600)." };
        Option<string> sm2Key = Sm2RequestKey.CreateOption();
        Option<string> userId = UserIdOption("With --sm2: the user ID to have the key bound under, at most 255 bytes of UTF-8 (default: 1234567812345678).");
        var command = new Command(
            "my-key",
            "Print your depositor key's public key (hex) and fingerprint, or with --sm2 your SM2 request key's, to hand to the notary office for `party bind-key`. Offline. "
            + "Exit codes: 0 printed; 2 unusable input.")
        {
            depositorKey, sm2, sm2Key, userId,
        };
        command.SetAction((parsed, _) => OnlineCommand.RunAsync(
            context,
            parsed.GetValue(language),
            (online, _) =>
            {
                PartyText text = PartyText.For(parsed.GetValue(language));
                bool isSm2 = parsed.GetValue(sm2) || parsed.GetValue(sm2Key) is not null;
                if (!isSm2 && parsed.GetValue(userId) is not null)
                {
                    throw new OnlineInputException(OnlineProblem.UserIdWithoutSm2, parsed.GetValue(userId)!);
                }

                return Task.FromResult(isSm2
                    ? PartyWorkflow.MySm2Key(context, text, parsed.GetValue(sm2Key), parsed.GetValue(userId))
                    : PartyWorkflow.MyKey(context, online, text, parsed.GetValue(depositorKey)));
            }));
        return command;
    }

    private static Task<int> Run(CliContext context, Option<string> language, ParseResult parsed, Func<PartyText, Task<ExitCode>> work) =>
        OnlineCommand.RunAsync(context, parsed.GetValue(language), (_, _) => work(PartyText.For(parsed.GetValue(language))));

    private static Option<string> UserIdOption(string description) => new("--user-id") { Description = description, HelpName = "ID" };

    private static Option<string> PartyOption() => new("--party") { Description = "The party's id (32 hex digits).", HelpName = "ID", Required = true };

    private static Option<string> FingerprintOption(string description) => new("--fingerprint") { Description = description, HelpName = "HEX", Required = true };
}
