using System.CommandLine;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Registry = EvidenceChain.Pledges;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The arguments <c>pledge propose</c> and <c>pledge apply</c> share: the event, <c>--asset</c>, <c>--pledge</c>, the
/// fields from <c>--command FILE</c> (<see cref="PledgeEventJson"/>), and the simple fields as options, which
/// override the file's. <see cref="Read"/> turns them into the request inside the command's work, so a fault
/// is one line and exit 2.
/// </summary>
internal sealed class PledgeEventOptions
{
    private readonly Argument<string> _event = new("EVENT") { Description = $"The event: {CaseArguments.Names<Registry.PledgeEvent>()} (or PascalCase, or its number)." };
    private readonly Option<string> _asset = new("--asset") { Description = "The asset id, 32 lowercase hex digits.", HelpName = "ASSET_ID", Required = true };
    private readonly Option<string> _pledge = new("--pledge") { Description = "The pledge id, 32 lowercase hex digits (pledge events; none for register-asset, record-valuation, record-transfer, record-licence).", HelpName = "PLEDGE_ID" };
    private readonly Option<string> _command = new("--command") { Description = "The event's fields, a JSON file mirroring the proto (docs/pledges.md §CLI).", HelpName = "FILE" };
    private readonly Option<uint?> _route = new("--route") { Description = "The enforcement route: 1 AgreedValuation, 2 SupervisedSale, 3 SupervisedLicence, 4 CourtEnforcement (start-enforcement).", HelpName = "N" };
    private readonly Option<long?> _amountFen = new("--amount-fen") { Description = "What enforcement realised, fen (record-proceeds).", HelpName = "N" };
    private readonly Option<uint?> _resolveTo = new("--resolve-to") { Description = "The state a dispute resolves to: 3 Active, 7 Enforcement, 5 Released (resolve-dispute).", HelpName = "N" };
    private readonly Option<string> _transferee = new("--transferee") { Description = "The new owner's party id (record-transfer).", HelpName = "PARTY_ID" };

    public static PledgeEventOptions AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new PledgeEventOptions();
        command.Arguments.Add(options._event);
        command.Options.Add(options._asset);
        command.Options.Add(options._pledge);
        command.Options.Add(options._command);
        command.Options.Add(options._route);
        command.Options.Add(options._amountFen);
        command.Options.Add(options._resolveTo);
        command.Options.Add(options._transferee);
        return options;
    }

    /// <summary>The request the arguments describe (without signatures).</summary>
    public PledgeEventRequest Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var request = new PledgeEventRequest
        {
            Event = (uint)CaseArguments.Member<Registry.PledgeEvent>(parsed.GetRequiredValue(_event), OnlineProblem.PledgeEventUnknown),
            AssetId = Hex128.Bytes(AssetId(parsed.GetRequiredValue(_asset)).Value),
            PledgeId = parsed.GetValue(_pledge) is string pledge ? Hex128.Bytes(PledgeId(pledge).Value) : ByteString.Empty,
        };
        if (parsed.GetValue(_command) is string path)
        {
            PledgeEventJson.ReadInto(path, request);
        }

        request.Route = parsed.GetValue(_route) ?? request.Route;
        request.AmountFen = parsed.GetValue(_amountFen) ?? request.AmountFen;
        request.ResolveTo = parsed.GetValue(_resolveTo) ?? request.ResolveTo;
        if (parsed.GetValue(_transferee) is string transferee)
        {
            request.TransfereePartyId = CaseArguments.PartyId(transferee);
        }

        return request;
    }

    public static Registry.AssetId AssetId(string hex) =>
        Hex128.TryParse(hex, out UInt128 value) && new Registry.AssetId(value) is { IsValid: true } id ? id : throw new OnlineInputException(OnlineProblem.AssetIdMalformed, hex);

    private static Registry.PledgeId PledgeId(string hex) =>
        Hex128.TryParse(hex, out UInt128 value) && new Registry.PledgeId(value) is { IsValid: true } id ? id : throw new OnlineInputException(OnlineProblem.PledgeIdMalformed, hex);
}
