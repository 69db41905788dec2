using System.CommandLine;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The arguments <c>sale propose</c> and <c>sale apply</c> share: those of <c>case propose</c>
/// (<see cref="CaseEventOptions.AddCommonTo{TEvent}"/>, with <see cref="SealedSaleEvent"/>s), the agreement's
/// terms (<c>--terms</c>, notarize-agreement) and the court's plan (<c>--plan</c>, issue-plan). <see cref="Read"/>
/// turns them into the request inside the command's work, so a fault is one line and exit 2.
/// </summary>
internal sealed class SaleEventOptions
{
    private readonly CaseEventOptions _common;
    private readonly Option<string> _terms = new("--terms") { Description = "The sale and escrow agreement's terms, a JSON file (notarize-agreement; docs/service.md §Sealed sales).", HelpName = "FILE" };
    private readonly Option<string> _plan = new("--plan") { Description = "The court's distribution plan, a JSON file as `sale plan` writes it (issue-plan).", HelpName = "FILE" };

    private SaleEventOptions(CaseEventOptions common)
    {
        _common = common;
    }

    public static SaleEventOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new SaleEventOptions(CaseEventOptions.AddCommonTo<SealedSaleEvent>(command, "The seizure number (record-seizure) or tranche (expect-deposit), 1 to 255; none otherwise."));
        command.Options.Add(options._terms);
        command.Options.Add(options._plan);
        return options;
    }

    /// <summary>The request the arguments describe (without approvals).</summary>
    public SealedSaleEventRequest Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        CaseEventRequest common = _common.Read(parsed);
        var request = new SealedSaleEventRequest
        {
            CaseId = common.CaseId,
            Event = common.Event,
            Leg = common.Leg,
            AmountFen = common.AmountFen,
            Payee = common.Payee,
        };
        request.ArtefactLeaves.AddRange(common.ArtefactLeaves);
        if (parsed.GetValue(_terms) is string terms)
        {
            request.Terms = SaleTermsJson.Read(terms);
        }

        if (parsed.GetValue(_plan) is string plan)
        {
            request.Plan = SalePlanJson.Read(plan).ToProto();
        }

        return request;
    }
}
