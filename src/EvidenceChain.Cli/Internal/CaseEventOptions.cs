using System.CommandLine;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The arguments <c>case propose</c> and <c>case apply</c> share: the case, the event, and what the event
/// needs (a leg, an amount, the condition set, the artefacts' leaves, a payee). <see cref="Read"/> turns them
/// into the request, inside the command's work, so a fault is one line and exit 2. <c>sale propose</c> and
/// <c>sale apply</c> use the same options but the 带押过户 condition set and payee target
/// (<see cref="AddCommonTo{TEvent}"/>), with their own events.
/// </summary>
internal sealed class CaseEventOptions
{
    /// <summary>A condition set is a page of JSON; anything this large is the wrong file.</summary>
    private const int ConditionsFileLengthMaxBytes = 64 * 1024;

    private readonly Argument<string> _case = new("CASE_ID") { Description = "The case id, 32 lowercase hex digits." };
    private readonly Argument<string> _event;
    private readonly Func<string, uint> _eventOf;
    private readonly Option<byte> _leg;
    private readonly Option<long> _amountFen = new("--amount-fen") { Description = "A tranche's amount in fen (expect-deposit).", HelpName = "N" };
    private readonly Option<string>? _conditions;
    private readonly Option<ulong[]> _artefacts = new("--artefact") { Description = "An artefact's leaf, one per requirement, in the order `propose` lists them; repeatable.", HelpName = "LEAF" };
    private readonly Option<string> _payee = new("--payee") { Description = "A court's or the treasury's account, or an amended payee.", HelpName = "ACCOUNT,NAME" };
    private readonly Option<byte>? _payeeTarget;

    private CaseEventOptions(string eventNames, Func<string, uint> eventOf, string legDescription, bool mortgage)
    {
        _event = new("EVENT") { Description = $"The event: {eventNames} (or PascalCase, or its number)." };
        _eventOf = eventOf;
        _leg = new("--leg") { Description = legDescription, HelpName = "N" };
        if (mortgage)
        {
            _conditions = new("--conditions") { Description = "The condition set, a JSON file (notarize-agreement; docs/service.md).", HelpName = "FILE" };
            _payeeTarget = new("--payee-target") { Description = "Which payee amend-payee changes: 1 seller, 2 buyer refund, 3 fee, 4 the leg's payoff.", HelpName = "N" };
        }
    }

    public static CaseEventOptions AddTo(Command command) =>
        AddTo(command, new CaseEventOptions(
            CaseArguments.Names<MortgageEvent>(),
            text => (uint)CaseArguments.Member<MortgageEvent>(text, OnlineProblem.CaseEventUnknown),
            "The payoff leg, tranche or court order (1 to 255); 0 or none for the whole case.",
            mortgage: true));

    /// <summary>The case, an event of <typeparamref name="TEvent"/>, <c>--leg</c>, <c>--amount-fen</c>, <c>--artefact</c> and <c>--payee</c>.</summary>
    public static CaseEventOptions AddCommonTo<TEvent>(Command command, string legDescription)
        where TEvent : struct, Enum =>
        AddTo(command, new CaseEventOptions(
            CaseArguments.Names<TEvent>(),
            text => Convert.ToUInt32(CaseArguments.Member<TEvent>(text, OnlineProblem.CaseEventUnknown), System.Globalization.CultureInfo.InvariantCulture),
            legDescription,
            mortgage: false));

    private static CaseEventOptions AddTo(Command command, CaseEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Arguments.Add(options._case);
        command.Arguments.Add(options._event);
        command.Options.Add(options._leg);
        command.Options.Add(options._amountFen);
        if (options._conditions is not null)
        {
            command.Options.Add(options._conditions);
        }

        command.Options.Add(options._artefacts);
        command.Options.Add(options._payee);
        if (options._payeeTarget is not null)
        {
            command.Options.Add(options._payeeTarget);
        }

        return options;
    }

    /// <summary>The request the arguments describe (without approvals).</summary>
    public CaseEventRequest Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var request = new CaseEventRequest
        {
            CaseId = Hex128.Bytes(CaseArguments.CaseId(parsed.GetRequiredValue(_case)).Value),
            Event = _eventOf(parsed.GetRequiredValue(_event)),
            Leg = parsed.GetValue(_leg),
            AmountFen = parsed.GetValue(_amountFen),
            PayeeTarget = _payeeTarget is null ? 0u : parsed.GetValue(_payeeTarget),
        };
        request.ArtefactLeaves.AddRange(parsed.GetValue(_artefacts) ?? []);
        if (parsed.GetValue(_payee) is string payee)
        {
            request.Payee = CaseArguments.Payee(payee);
        }

        if (_conditions is not null && parsed.GetValue(_conditions) is string path)
        {
            request.Conditions = ReadConditions(path);
        }

        return request;
    }

    private static CaseConditions ReadConditions(string path) =>
        CaseJsonContext.Read(path, ConditionsFileLengthMaxBytes, CaseJsonContext.Default.CaseConditionsJson, OnlineProblem.ConditionsFileMalformed).ToProto();
}
