using System.CommandLine;
using EvidenceChain.Certificates;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli;

/// <summary>
/// <c>evidencechain ca init|issue-party|issue-server|show</c>: the deployment's certificate authority
/// for mutual TLS, without OpenSSL recipes. <c>init</c> makes the CA in a folder; <c>issue-party</c>
/// gives an institution its client certificate and party id; <c>issue-server</c> makes the service's
/// certificate; <c>show</c> prints a certificate and, with <c>--ca</c>, checks it as the service checks
/// a party's. See <see cref="CaWorkflow"/> and docs/certificates.md.
/// </summary>
internal static class CaCommand
{
    public static Command Create(CliContext context, Option<string> language)
    {
        var command = new Command(
            "ca",
            "The deployment's certificate authority for mutual TLS: make it, issue party and server certificates, show a certificate. "
            + "Private keys are written owner-only (0600) and never over an existing file.")
        {
            CreateInit(context, language),
            CreateIssueParty(context, language),
            CreateIssueServer(context, language),
            CreateShow(context, language),
        };
        return command;
    }

    private static Command CreateInit(CliContext context, Option<string> language)
    {
        Option<string> directory = DirectoryOption("The folder for the new CA (made owner-only if missing): ca.crt.pem and ca.key.pem are written there.");
        var name = new Option<string>("--name")
        {
            Description = $"The CA's common name (default: {DeploymentCa.NameDefault}).",
            HelpName = "NAME",
            DefaultValueFactory = _ => DeploymentCa.NameDefault,
        };
        var years = new Option<int>("--years")
        {
            Description = $"How many years the CA is valid, 1 to {CaWorkflow.YearsMax} (default {CaWorkflow.YearsDefault}).",
            HelpName = "N",
            DefaultValueFactory = _ => CaWorkflow.YearsDefault,
        };
        var command = new Command(
            "init",
            "Make a new deployment CA: a P-256 key and a self-signed CA certificate. Refuses if the folder already holds one. "
            + "Exit codes: 0 made; 2 unusable input.")
        {
            directory, name, years,
        };
        command.SetAction(parsed => CaWorkflow.Run(
            context,
            parsed.GetValue(language),
            text => CaWorkflow.Init(context, text, parsed.GetValue(directory)!, parsed.GetValue(name)!, parsed.GetValue(years), TimeProvider.System)));
        return command;
    }

    private static Command CreateIssueParty(CliContext context, Option<string> language)
    {
        Option<string> directory = DirectoryOption("The CA's folder (from ca init).");
        var name = new Option<string>("--name")
        {
            Description = "The party's name, as the certificate's common name, e.g. \"Jinan Notary Office\".",
            HelpName = "NAME",
            Required = true,
        };
        var partyId = new Option<string>("--party-id")
        {
            Description = "The party's id, 32 lowercase hex digits (default: a new random one); give it to renew a party's certificate.",
            HelpName = "HEX",
        };
        Option<int> days = DaysOption("party");
        Option<string> outPrefix = OutOption();
        var command = new Command(
            "issue-party",
            "Issue a party's client certificate (clientAuth, the party id as urn:evidencechain:party:<id>) and print the party id. "
            + "Exit codes: 0 issued; 2 unusable input.")
        {
            directory, name, partyId, days, outPrefix,
        };
        command.SetAction(parsed => CaWorkflow.Run(
            context,
            parsed.GetValue(language),
            text => CaWorkflow.IssueParty(
                context,
                text,
                parsed.GetValue(directory)!,
                parsed.GetValue(name)!,
                parsed.GetValue(partyId),
                parsed.GetValue(days),
                parsed.GetValue(outPrefix)!,
                TimeProvider.System)));
        return command;
    }

    private static Command CreateIssueServer(CliContext context, Option<string> language)
    {
        Option<string> directory = DirectoryOption("The CA's folder (from ca init).");
        var dns = new Option<string[]>("--dns")
        {
            Description = $"A DNS name the service is reached at; repeatable. Without --dns and --ip: {string.Join(" and ", CaWorkflow.ServerDnsNamesDefault.Concat(CaWorkflow.ServerIpAddressesDefault))}.",
            HelpName = "NAME",
        };
        var ip = new Option<string[]>("--ip")
        {
            Description = "An IP address the service is reached at; repeatable.",
            HelpName = "ADDRESS",
        };
        Option<int> days = DaysOption("server");
        Option<string> outPrefix = OutOption();
        var command = new Command(
            "issue-server",
            "Issue the service's server certificate (serverAuth, the names given). Exit codes: 0 issued; 2 unusable input.")
        {
            directory, dns, ip, days, outPrefix,
        };
        command.SetAction(parsed => CaWorkflow.Run(
            context,
            parsed.GetValue(language),
            text => CaWorkflow.IssueServer(
                context,
                text,
                parsed.GetValue(directory)!,
                parsed.GetValue(dns) ?? [],
                parsed.GetValue(ip) ?? [],
                parsed.GetValue(days),
                parsed.GetValue(outPrefix)!,
                TimeProvider.System)));
        return command;
    }

    private static Command CreateShow(CliContext context, Option<string> language)
    {
        var file = new Argument<string>("FILE") { Description = "A certificate file (.crt.pem)." };
        var ca = new Option<string>("--ca")
        {
            Description = "The deployment CA's certificate (ca.crt.pem): also check FILE as the service checks a party's certificate.",
            HelpName = "FILE",
        };
        var command = new Command(
            "show",
            "Print a certificate: subject, party id, validity, usage, fingerprints. "
            + "Exit codes: 0 shown (and, with --ca, a valid party certificate of that CA); 1 with --ca, it is not; 2 unusable input.")
        {
            file, ca,
        };
        command.SetAction(parsed => CaWorkflow.Run(
            context,
            parsed.GetValue(language),
            text => CaWorkflow.Show(context, text, parsed.GetValue(file)!, parsed.GetValue(ca), TimeProvider.System)));
        return command;
    }

    private static Option<string> DirectoryOption(string description)
    {
        var option = new Option<string>("--dir") { Description = description, HelpName = "DIR", Required = true };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--dir needs a folder");
            }
        });
        return option;
    }

    private static Option<int> DaysOption(string kind) => new("--days")
    {
        Description = $"How many days the {kind} certificate is valid, 1 to {CaWorkflow.DaysMax}, and never past the CA (default {CaWorkflow.DaysDefault}).",
        HelpName = "N",
        DefaultValueFactory = _ => CaWorkflow.DaysDefault,
    };

    private static Option<string> OutOption()
    {
        var option = new Option<string>("--out")
        {
            Description = "Where to write: PREFIX.crt.pem (the certificate) and PREFIX.key.pem (its private key, 0600). Existing files are never overwritten.",
            HelpName = "PREFIX",
            Required = true,
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--out needs a file name prefix");
            }
        });
        return option;
    }
}
