using System.CommandLine;
using System.Text.Json;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The arguments <c>case propose</c> and <c>case apply</c> share: the case, the event, and what the event
/// needs (a leg, an amount, the condition set, the artefacts' leaves, a payee). <see cref="Read"/> turns them
/// into the request, inside the command's work, so a fault is one line and exit 2.
/// </summary>
internal sealed class CaseEventOptions
{
    /// <summary>A condition set is a page of JSON; anything this large is the wrong file.</summary>
    private const int ConditionsFileLengthMaxBytes = 64 * 1024;

    private readonly Argument<string> _case = new("CASE_ID") { Description = "The case id, 32 lowercase hex digits." };

    private readonly Argument<string> _event = new("EVENT")
    {
        Description = $"The event: {CaseArguments.Names<MortgageEvent>()} (or PascalCase, or its number).",
    };

    private readonly Option<byte> _leg = new("--leg") { Description = "The payoff leg, tranche or court order (1 to 255); 0 or none for the whole case.", HelpName = "N" };
    private readonly Option<long> _amountFen = new("--amount-fen") { Description = "A tranche's amount in fen (expect-deposit).", HelpName = "N" };
    private readonly Option<string> _conditions = new("--conditions") { Description = "The condition set, a JSON file (notarize-agreement; docs/service.md).", HelpName = "FILE" };
    private readonly Option<ulong[]> _artefacts = new("--artefact") { Description = "An artefact's leaf, one per requirement, in the order `case propose` lists them; repeatable.", HelpName = "LEAF" };
    private readonly Option<string> _payee = new("--payee") { Description = "A court's or the treasury's account, or an amended payee.", HelpName = "ACCOUNT,NAME" };
    private readonly Option<byte> _payeeTarget = new("--payee-target") { Description = "Which payee amend-payee changes: 1 seller, 2 buyer refund, 3 fee, 4 the leg's payoff.", HelpName = "N" };

    private CaseEventOptions()
    {
    }

    public static CaseEventOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new CaseEventOptions();
        command.Arguments.Add(options._case);
        command.Arguments.Add(options._event);
        command.Options.Add(options._leg);
        command.Options.Add(options._amountFen);
        command.Options.Add(options._conditions);
        command.Options.Add(options._artefacts);
        command.Options.Add(options._payee);
        command.Options.Add(options._payeeTarget);
        return options;
    }

    /// <summary>The request the arguments describe (without approvals).</summary>
    public CaseEventRequest Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var request = new CaseEventRequest
        {
            CaseId = Hex128.Bytes(CaseArguments.CaseId(parsed.GetRequiredValue(_case)).Value),
            Event = (uint)CaseArguments.Member<MortgageEvent>(parsed.GetRequiredValue(_event), OnlineProblem.CaseEventUnknown),
            Leg = parsed.GetValue(_leg),
            AmountFen = parsed.GetValue(_amountFen),
            PayeeTarget = parsed.GetValue(_payeeTarget),
        };
        request.ArtefactLeaves.AddRange(parsed.GetValue(_artefacts) ?? []);
        if (parsed.GetValue(_payee) is string payee)
        {
            request.Payee = CaseArguments.Payee(payee);
        }

        if (parsed.GetValue(_conditions) is string path)
        {
            request.Conditions = ReadConditions(path);
        }

        return request;
    }

    private static CaseConditions ReadConditions(string path)
    {
        try
        {
            return (JsonSerializer.Deserialize(InputFile.ReadText(path, ConditionsFileLengthMaxBytes), CaseJsonContext.Default.CaseConditionsJson)
                ?? throw new OnlineInputException(OnlineProblem.ConditionsFileMalformed, path, "$: null")).ToProto();
        }
        catch (JsonException e)
        {
            throw new OnlineInputException(OnlineProblem.ConditionsFileMalformed, path, CaseJsonContext.Describe(e));
        }
    }
}
