using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Pledges.Tests.Support;

/// <summary>
/// The registry driven as the engine will drive it: real parties and keys, deposits with real units
/// roots and party commitments (Core's UnitsRoot and PartyCommitment), every event signed over its
/// message, each accepted transition applied and kept in a log.
/// </summary>
internal sealed class PledgeHarness : IDisposable
{
    public const long Yuan = 100;

    public PledgeHarness()
    {
        Company = Parties.Add(PartyRole.Enterprise);
        Buyer = Parties.Add(PartyRole.Enterprise);
        Notary = Parties.Add(PartyRole.Notary);
        Appraiser = Parties.Add(PartyRole.Appraiser, sm2: true);
        Bank = Parties.Add(PartyRole.Lender);
        Bank2 = Parties.Add(PartyRole.Lender, sm2: true);
        Court = Parties.Add(PartyRole.Court);
    }

    public TestRegistry Parties { get; } = new();

    public Party Company { get; }

    public Party Buyer { get; }

    public Party Notary { get; }

    public Party Appraiser { get; }

    public Party Bank { get; }

    public Party Bank2 { get; }

    public Party Court { get; }

    public PledgeRegistry Registry { get; set; } = PledgeRegistry.Empty;

    public List<PledgeTransition> Log { get; } = [];

    public DateOnly Day { get; set; } = new(2025, 12, 1);

    public long AtMs { get; set; } = 1_764_550_000_000;

    public ulong SignedTreeSize { get; set; } = 10_000;

    public PledgeContext Context => new(Day, AtMs, SignedTreeSize, Parties.Find, _ => null);

    public static DigestPair Doc(string text) => ContentHasher.HashData(Encoding.UTF8.GetBytes(text));

    public PledgeAsset AssetOf(AssetId id) => Registry.AssetOf(id) ?? throw new InvalidOperationException($"asset {id} is not registered");

    /// <summary>A deposit made by <paramref name="depositor"/>: its units root over <paramref name="content"/> (one unit) and its depositor commitments, with the opening its receipt gives.</summary>
    public static (AssetDeposit Deposit, DepositorOpening Opening) Deposit(Party depositor, ulong leaf, AssetDepositRole role, string content)
    {
        MasterSalt master = MasterSalt.FromBytes(RandomNumberGenerator.GetBytes(MasterSalt.DefaultLengthBytes));
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        DigestPair units;
        using (var root = new UnitsRoot(master))
        {
            root.Add(new UnitDescriptor(string.Empty, 0, (ulong)bytes.Length), ContentHasher.HashData(bytes));
            units = root.Finish();
        }

        DerivedSalt partySalt = master.DerivePartySalt();
        Digest fingerprint = depositor.Keys[0].Fingerprint;
        var commitments = new DigestPair(
            PartyCommitment.Compute(TreeHash.Sha256, partySalt, fingerprint),
            PartyCommitment.Compute(TreeHash.Sm3, partySalt, fingerprint));
        return (new AssetDeposit(leaf, role, units, 1, commitments), new DepositorOpening(fingerprint, partySalt));
    }

    /// <summary>The command signed by <paramref name="signers"/> over its message at the asset's next event number.</summary>
    public PledgeCommand Signed(PledgeCommand unsigned, params Party[] signers)
    {
        ulong number = (Registry.AssetOf(unsigned.AssetId)?.EventCount ?? 0) + 1;
        if ((unsigned with { Signatures = [new(new string('0', 32), default, new byte[PledgeSignature.SignatureLengthBytes])] }).Problem() is not null)
        {
            // A malformed command has no message; it is refused before its signatures are read.
            return unsigned with { Signatures = [.. signers.Select(p => new PledgeSignature(p.Id, p.Keys[0].Fingerprint, new byte[PledgeSignature.SignatureLengthBytes]))] };
        }

        byte[] message = PledgeEventMessage.Of(unsigned, number);
        return unsigned with { Signatures = [.. signers.Select(p => new PledgeSignature(p.Id, p.Keys[0].Fingerprint, Parties.Sign(p, message)))] };
    }

    public PledgeDecision Try(PledgeCommand command) => Registry.Decide(command, Context);

    public PledgeDecision Accept(PledgeCommand command)
    {
        PledgeDecision decision = Try(command);
        Assert.True(decision.IsAccepted, $"{command.Event} refused: {decision.Rejection} ({decision.Signer}) {decision.Detail}");
        Registry = Registry.Apply(decision.Transition!);
        Log.Add(decision.Transition!);
        AtMs += 60_000;
        return decision;
    }

    public PledgeDecision Refuse(PledgeCommand command, PledgeRejection expected)
    {
        PledgeDecision decision = Try(command);
        Assert.False(decision.IsAccepted, $"{command.Event} was accepted; expected {expected}");
        Assert.Equal(expected, decision.Rejection);
        Assert.NotEmpty(decision.Detail);
        Assert.Null(decision.Transition);
        return decision;
    }

    // The story's steps, each with its usual signers.

    /// <summary>Registers an asset of the company's: the secret (two files) and its NDA and access policy.</summary>
    public AssetId RegisterSecret(AssetId asset, ulong firstLeaf = 100, Party? owner = null)
    {
        owner ??= Company;
        var deposits = new[]
        {
            Deposit(owner, firstLeaf, AssetDepositRole.Secret, $"process recipe {asset}"),
            Deposit(owner, firstLeaf + 1, AssetDepositRole.Secret, $"furnace parameters {asset}"),
            Deposit(owner, firstLeaf + 2, AssetDepositRole.ConfidentialityMeasure, $"NDA {asset}"),
            Deposit(owner, firstLeaf + 3, AssetDepositRole.ConfidentialityMeasure, $"access policy {asset}"),
        };
        Accept(Signed(Register(asset, owner, deposits), owner, Notary));
        return asset;
    }

    public static PledgeCommand Register(AssetId asset, Party owner, IReadOnlyList<(AssetDeposit Deposit, DepositorOpening Opening)> deposits, string category = "manufacturing process (heat treatment)") =>
        new(PledgeEvent.RegisterAsset, asset, Registration: new AssetRegistration(owner.Id, category, [.. deposits.Select(d => d.Deposit)], [.. deposits.Select(d => d.Opening)]));

    /// <summary>The appraiser's valuation of the asset's secret roots (or of <paramref name="roots"/>), signed with its key.</summary>
    public Valuation Valuation(AssetId asset, long valueFen, IReadOnlyList<DigestPair>? roots = null, Party? appraiser = null, DateOnly? date = null)
    {
        appraiser ??= Appraiser;
        var unsigned = new Valuation(
            appraiser.Id,
            appraiser.Keys[0].Fingerprint,
            roots ?? [.. AssetOf(asset).SecretDeposits.Select(d => d.UnitsRoot)],
            valueFen,
            Doc($"valuation report {asset} {valueFen}"),
            date ?? Day,
            new byte[PledgeSignature.SignatureLengthBytes]);
        return unsigned with { Signature = Parties.Sign(appraiser, unsigned.SignedBytes(asset)) };
    }

    public PledgeDecision Value(AssetId asset, long valueFen) =>
        Accept(Signed(new PledgeCommand(PledgeEvent.RecordValuation, asset, Valuation: Valuation(asset, valueFen)), Notary));

    public PledgeTerms Terms(Party pledgee, long securedFen, byte rank = 1, bool juniorAllowed = false, bool enforceable = true, Party? pledgor = null) =>
        new((pledgor ?? Company).Id, pledgee.Id, securedFen, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), rank, juniorAllowed, 500, enforceable);

    public PledgeCommand Apply(AssetId asset, PledgeId pledge, PledgeTerms terms) =>
        Signed(new PledgeCommand(PledgeEvent.ApplyPledge, asset, pledge, Terms: terms), Parties.Find(terms.PledgorPartyId)!, Parties.Find(terms.PledgeePartyId)!);

    public PledgeCommand Notarize(AssetId asset, PledgeId pledge) => Signed(new PledgeCommand(PledgeEvent.NotarizePledge, asset, pledge), Notary);

    public PledgeCommand Activate(AssetId asset, PledgeId pledge, DigestPair? notice = null) =>
        Signed(new PledgeCommand(PledgeEvent.ActivatePledge, asset, pledge, Evidence: notice), Notary);

    /// <summary>Applies, notarizes and activates a pledge.</summary>
    public void PutInForce(AssetId asset, PledgeId pledge, PledgeTerms terms, DigestPair? notice = null)
    {
        Accept(Apply(asset, pledge, terms));
        Accept(Notarize(asset, pledge));
        Accept(Activate(asset, pledge, notice));
    }

    public PledgeCommand RequestRelease(AssetId asset, PledgeId pledge, Party by) => Signed(new PledgeCommand(PledgeEvent.RequestRelease, asset, pledge), by);

    public PledgeCommand Release(AssetId asset, PledgeId pledge, Party by, DigestPair? repayment = null) =>
        Signed(new PledgeCommand(PledgeEvent.Release, asset, pledge, Evidence: repayment), by);

    public PledgeCommand DeclareDefault(AssetId asset, PledgeId pledge, Party pledgee) =>
        Signed(new PledgeCommand(PledgeEvent.DeclareDefault, asset, pledge, Evidence: Doc("overdue notice")), pledgee);

    public PledgeCommand StartEnforcement(AssetId asset, PledgeId pledge, Party pledgee, EnforcementRoute route = EnforcementRoute.SupervisedSale, DigestPair? document = null) =>
        Signed(new PledgeCommand(PledgeEvent.StartEnforcement, asset, pledge, Route: route, Evidence: document), pledgee, Notary);

    public PledgeCommand RecordProceeds(AssetId asset, PledgeId pledge, long amountFen) =>
        Signed(new PledgeCommand(PledgeEvent.RecordProceeds, asset, pledge, AmountFen: amountFen, Evidence: Doc("sale record")), Notary);

    public PledgeCommand Transfer(AssetId asset, Party transferee, params Party[] signers) =>
        Signed(new PledgeCommand(PledgeEvent.RecordTransfer, asset, TransfereePartyId: transferee.Id, Evidence: Doc("assignment agreement")), signers);

    public PledgeCommand Licence(AssetId asset, params Party[] signers) =>
        Signed(new PledgeCommand(PledgeEvent.RecordLicence, asset, Evidence: Doc("licence agreement")), signers);

    /// <summary>A command for <paramref name="event"/> with the fields it needs, signed by its usual signers: for the state table.</summary>
    public PledgeCommand Typical(PledgeEvent @event, AssetId asset, PledgeId pledge)
    {
        PledgeAsset current = AssetOf(asset);
        PledgeTerms terms = current.PledgeOf(pledge)?.Terms ?? Terms(Bank, 1_000_000_000);
        Party pledgor = Parties.Find(terms.PledgorPartyId)!;
        Party pledgee = Parties.Find(terms.PledgeePartyId)!;
        return @event switch
        {
            PledgeEvent.RegisterAsset => Signed(Register(asset, Company, [Deposit(Company, 9_000, AssetDepositRole.Secret, "again")]), Company, Notary),
            PledgeEvent.RecordValuation => Signed(new PledgeCommand(@event, asset, Valuation: Valuation(asset, 1)), Notary),
            PledgeEvent.ApplyPledge => Apply(asset, pledge, terms),
            PledgeEvent.NotarizePledge => Notarize(asset, pledge),
            PledgeEvent.ActivatePledge => Activate(asset, pledge),
            PledgeEvent.RequestRelease => RequestRelease(asset, pledge, pledgor),
            PledgeEvent.Release => Release(asset, pledge, pledgee),
            PledgeEvent.DeclareDefault => DeclareDefault(asset, pledge, pledgee),
            PledgeEvent.StartEnforcement => StartEnforcement(asset, pledge, pledgee),
            PledgeEvent.RecordProceeds => RecordProceeds(asset, pledge, 1),
            PledgeEvent.ClosePledge => Signed(new PledgeCommand(@event, asset, pledge), Notary),
            PledgeEvent.Dispute => Signed(new PledgeCommand(@event, asset, pledge, Evidence: Doc("challenge")), Court),
            PledgeEvent.ResolveDispute => Signed(new PledgeCommand(@event, asset, pledge, ResolveTo: PledgeState.Active, Evidence: Doc("judgment")), Court),
            PledgeEvent.Withdraw => Signed(new PledgeCommand(@event, asset, pledge), pledgor),
            PledgeEvent.RecordTransfer => Transfer(asset, Buyer, Company, Notary, Buyer),
            PledgeEvent.RecordLicence => Licence(asset, Company, Notary),
            _ => throw new ArgumentOutOfRangeException(nameof(@event)),
        };
    }

    public void Dispose() => Parties.Dispose();
}
