using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Signing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Pledges;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Core;
using CorePartyRole = EvidenceChain.Core.Access.PartyRole;
using WirePartyRole = EvidenceChain.Protocol.V1.PartyRole;

namespace EvidenceChain.Service.Tests.Support;

/// <summary>
/// Drives the pledge registry over gRPC on one real service (development mode) as a notary office
/// would, with every party's key held here and every event signed offline over the message the
/// service proposes. The company is the development Enterprise: its deposits are made while the
/// service runs in that role, each with a key bound to it on first use, and each content's salt file
/// kept to open the deposit's depositor commitments at registration. Then the service is restarted as
/// the office, which registers a notary, an appraiser, two banks and a buyer; the first bank is named
/// "Development Lender", so a restart in the Lender role (<see cref="RestartAs"/>) acts as that bank.
/// Everything the service answered is kept (<see cref="Returned"/>) to be searched for content.
/// </summary>
public sealed class PledgeDriver : IDisposable
{
    public const long Yuan = 100;

    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, Ed25519MemoryKey> _keys = [];
    private readonly List<byte[]> _returned = [];
    private readonly List<byte[]> _contents = [];
    private ServiceProcess _service = null!;
    private byte[] _companySeed = [];

    private PledgeDriver()
    {
    }

    public string Company { get; private set; } = string.Empty;

    public string Notary { get; private set; } = string.Empty;

    public string Appraiser { get; private set; } = string.Empty;

    /// <summary>The development Lender: the bank a Lender-role restart acts as.</summary>
    public string Bank { get; private set; } = string.Empty;

    public string Bank2 { get; private set; } = string.Empty;

    public string Buyer { get; private set; } = string.Empty;

    /// <summary>The company's deposits, in the order of the contents given: leaf and the salt file that opens it.</summary>
    public IReadOnlyList<(ulong Leaf, SaltFile Salt)> Deposits { get; private set; } = [];

    /// <summary>The notarized pledge contract's leaf (deposited by the office).</summary>
    public ulong ContractLeaf { get; private set; }

    /// <summary>Every response the service gave through this driver, serialized.</summary>
    public IReadOnlyList<byte[]> Returned => _returned;

    /// <summary>The plaintext of every file deposited.</summary>
    public IReadOnlyList<byte[]> Contents => _contents;

    public string DataDirectory => _data.Path;

    internal ServiceProcess Service => _service;

    public PledgeService.PledgeServiceClient Pledges => new(_service.Channel);

    /// <summary>Deposits <paramref name="contents"/> as the company (one single-unit deposit each), then restarts as the office with the other parties registered.</summary>
    public static async Task<PledgeDriver> StartAsync(params string[] contents)
    {
        var driver = new PledgeDriver();
        await driver.InitializeAsync(contents);
        return driver;
    }

    public static ByteString Id(UInt128 value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    public static PledgeDigests DigestsOf(string document)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(document);
        return new PledgeDigests { Sha256 = ByteString.CopyFrom(SHA256.HashData(bytes)), Sm3 = ByteString.CopyFrom(Digest.AsBytes(Sm3.HashData(bytes))) };
    }

    /// <summary>Stops the service cleanly and starts it again on the same data, acting as <paramref name="role"/>.</summary>
    internal void RestartAs(CorePartyRole role)
    {
        Assert.Equal(0, _service.Terminate());
        _service.ThrowIfErrorsLogged();
        _service.Dispose();
        Start(role);
    }

    /// <summary>Stops the service cleanly (its store closed), leaving the data directory to be read.</summary>
    internal void Stop()
    {
        Assert.Equal(0, _service.Terminate());
        _service.ThrowIfErrorsLogged();
    }

    /// <summary>The request for <paramref name="event"/> on the asset (and pledge), without signatures.</summary>
    public static PledgeEventRequest Request(UInt128 asset, PledgeEvent @event, UInt128? pledge = null) =>
        new() { AssetId = Id(asset), Event = (uint)@event, PledgeId = pledge is UInt128 p ? Id(p) : ByteString.Empty };

    /// <summary>Proposes the request, has each signer sign the message proposed, and returns the signed request (not applied).</summary>
    public async Task<PledgeEventRequest> SignAsync(PledgeEventRequest request, params string[] signers)
    {
        ProposePledgeEventResponse proposal = await Keep(Pledges.ProposePledgeEventAsync(request).ResponseAsync);
        Assert.False(proposal.Message.IsEmpty, $"{(PledgeEvent)request.Event}: {proposal.RejectionName} {proposal.Detail}");
        PledgeEventRequest signed = request.Clone();
        signed.Signatures.AddRange(signers.Select(s => Signature(s, proposal.Message.Span)));
        return signed;
    }

    /// <summary>Signs as <see cref="SignAsync"/> and applies.</summary>
    public async Task<ApplyPledgeEventResponse> ApplyAsync(PledgeEventRequest request, params string[] signers) =>
        await Keep(Pledges.ApplyPledgeEventAsync(await SignAsync(request, signers)).ResponseAsync);

    public Task<GetAssetResponse> GetAssetAsync(UInt128 asset) => Keep(Pledges.GetAssetAsync(new GetAssetRequest { AssetId = Id(asset) }).ResponseAsync);

    public Task<GetEncumbranceStatementResponse> StatementAsync(UInt128 asset, ulong asOfEvent = 0) =>
        Keep(Pledges.GetEncumbranceStatementAsync(new GetEncumbranceStatementRequest { AssetId = Id(asset), AsOfEvent = asOfEvent }).ResponseAsync);

    /// <summary>The registration of the company's deposits <paramref name="secrets"/> (role Secret) and <paramref name="measures"/> (ConfidentialityMeasure), each opened with its salt file.</summary>
    public PledgeEventRequest Registration(UInt128 asset, int[] secrets, int[] measures, string category = "manufacturing process (heat treatment)")
    {
        var registration = new Protocol.V1.AssetRegistration { OwnerPartyId = Company, Category = category };
        foreach ((int index, AssetDepositRole role) in secrets.Select(i => (i, AssetDepositRole.Secret)).Concat(measures.Select(i => (i, AssetDepositRole.ConfidentialityMeasure))))
        {
            DepositorOpening opening = new Depositor(_companySeed).Opening(Deposits[index].Salt);
            registration.Deposits.Add(new AssetDepositEntry
            {
                LeafIndex = Deposits[index].Leaf,
                Role = (uint)role,
                KeyFingerprint = ByteString.CopyFrom(Digest.AsBytes(opening.KeyFingerprint)),
                PartySalt = ByteString.CopyFrom(Digest.AsBytes(opening.PartySalt.Value)),
            });
        }

        PledgeEventRequest request = Request(asset, PledgeEvent.RegisterAsset);
        request.Registration = registration;
        return request;
    }

    /// <summary>The appraiser's valuation of the asset's Secret deposits (their roots as the service holds them), dated today, signed by <paramref name="signer"/>'s key (the appraiser's unless given).</summary>
    public async Task<PledgeEventRequest> ValuationAsync(UInt128 asset, long valueFen, string? signer = null)
    {
        GetAssetResponse current = await GetAssetAsync(asset);
        DigestPair[] roots = [.. current.Deposits.Where(d => d.Role == (uint)AssetDepositRole.Secret).Select(d => new DigestPair(Digest.Read(d.UnitsRoot.Sha256.Span), Digest.Read(d.UnitsRoot.Sm3.Span)))];
        DigestPair report = ContentHasher.HashData("valuation report 2025-118 (资产评估报告)"u8);
        var valuation = new Valuation(Appraiser, Fingerprint(Appraiser), roots, valueFen, report, Today, new byte[EvidenceChain.Pledges.PledgeSignature.SignatureLengthBytes]);
        byte[] signature = _keys[signer ?? Appraiser].Sign(valuation.SignedBytes(new AssetId(asset)));
        var wire = new PledgeValuation
        {
            AppraiserPartyId = Appraiser,
            KeyFingerprint = ByteString.CopyFrom(Digest.AsBytes(valuation.KeyFingerprint)),
            ValueFen = valueFen,
            Report = new PledgeDigests { Sha256 = ByteString.CopyFrom(Digest.AsBytes(report.Sha256)), Sm3 = ByteString.CopyFrom(Digest.AsBytes(report.Sm3)) },
            Date = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Signature = ByteString.CopyFrom(signature),
        };
        wire.MatchedRoots.AddRange(roots.Select(r => new PledgeDigests { Sha256 = ByteString.CopyFrom(Digest.AsBytes(r.Sha256)), Sm3 = ByteString.CopyFrom(Digest.AsBytes(r.Sm3)) }));
        PledgeEventRequest request = Request(asset, PledgeEvent.RecordValuation);
        request.Valuation = wire;
        return request;
    }

    /// <summary>ApplyPledge by the company to <paramref name="pledgee"/>: 10,000,000.00 yuan unless given, 2026–2028, rank 1 unless given, on the office's contract, 赋强.</summary>
    public PledgeEventRequest Application(UInt128 asset, UInt128 pledge, string pledgee, long securedFen = 10_000_000 * Yuan, uint rank = 1)
    {
        PledgeEventRequest request = Request(asset, PledgeEvent.ApplyPledge, pledge);
        request.Terms = new Protocol.V1.PledgeTerms
        {
            PledgorPartyId = Company,
            PledgeePartyId = pledgee,
            SecuredFen = securedFen,
            TermStart = "2026-01-01",
            TermEnd = "2028-12-31",
            Rank = rank,
            ContractLeaf = ContractLeaf,
            Enforceable = true,
        };
        return request;
    }

    /// <summary>Registered (the company's deposits given), valued at 35,000,000.00 yuan.</summary>
    public async Task RegisterAndValueAsync(UInt128 asset, int[] secrets, int[] measures)
    {
        await ApplyAsync(Registration(asset, secrets, measures), Company, Notary);
        await ApplyAsync(await ValuationAsync(asset, 35_000_000 * Yuan), Notary);
    }

    /// <summary>Applied for by the company and <paramref name="pledgee"/>, notarized, put in force.</summary>
    public async Task<ApplyPledgeEventResponse> PledgeInForceAsync(UInt128 asset, UInt128 pledge, string pledgee)
    {
        await ApplyAsync(Application(asset, pledge, pledgee), Company, pledgee);
        await ApplyAsync(Request(asset, PledgeEvent.NotarizePledge, pledge), Notary);
        return await ApplyAsync(Request(asset, PledgeEvent.ActivatePledge, pledge), Notary);
    }

    public Protocol.V1.PledgeSignature Signature(string party, ReadOnlySpan<byte> message) => new()
    {
        PartyId = party,
        KeyFingerprint = ByteString.CopyFrom(Digest.AsBytes(Fingerprint(party))),
        Signature = ByteString.CopyFrom(_keys[party].Sign(message)),
    };

    public async Task WaitSignedAsync(ulong leaf)
    {
        for (int attempt = 0; attempt < 300 && (await _service.Client.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize <= leaf; attempt++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>The verifier keys the service published in its data directory: what a lender or court is given.</summary>
    public IReadOnlyList<NoteVerifier> TrustedKeys() =>
        [.. File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)];

    public async Task<T> Keep<T>(Task<T> call)
        where T : IMessage
    {
        T response = await call;
        _returned.Add(response.ToByteArray());
        return response;
    }

    public void Dispose()
    {
        _service.Dispose();
        foreach (Ed25519MemoryKey key in _keys.Values)
        {
            key.Dispose();
        }

        _data.Dispose();
        _service.ThrowIfErrorsLogged();
    }

    private static DateOnly Today => DailyBalances.DayOf(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private Digest Fingerprint(string party) => PartyCommitment.FingerprintEd25519(_keys[party].PublicKey);

    private async Task InitializeAsync(string[] contents)
    {
        // The company deposits as the development Enterprise: its key is bound to it on first use.
        Start(CorePartyRole.Enterprise);
        _companySeed = RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes);
        var company = new Depositor(_companySeed);
        Company = (await new PartyService.PartyServiceClient(_service.Channel).WhoAmIAsync(new WhoAmIRequest())).Id;
        _keys[Company] = new Ed25519MemoryKey(_companySeed);
        string origin = (await _service.Client.GetLogInfoAsync(new GetLogInfoRequest())).Origin;
        var deposits = new List<(ulong, SaltFile)>();
        foreach (string content in contents)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(content);
            _contents.Add(bytes);
            (Core.Deposits.DepositEntry entry, SaltFile salt) = Depositor.Commit(bytes);
            DepositResponse response = await Keep(_service.Client.DepositAsync(company.Request(origin, [entry])).ResponseAsync);
            deposits.Add((response.Deposits[0].LeafIndex, salt));
        }

        Deposits = deposits;
        RestartAs(CorePartyRole.NotaryOffice);

        var parties = new PartyService.PartyServiceClient(_service.Channel);
        Notary = await PartyAsync(parties, WirePartyRole.Notary, "公证员 李四");
        Appraiser = await PartyAsync(parties, WirePartyRole.Appraiser, "武汉某资产评估有限公司");
        Bank = await PartyAsync(parties, WirePartyRole.Lender, "Development Lender");
        Bank2 = await PartyAsync(parties, WirePartyRole.Lender, "另一家银行");
        Buyer = await PartyAsync(parties, WirePartyRole.Enterprise, "受让方公司");

        // The notarized pledge contract, deposited by the office with a key bound to it on first use.
        byte[] contract = Encoding.UTF8.GetBytes("质押合同（经公证） " + Guid.NewGuid());
        DepositResponse deposited = await Keep(_service.Client.DepositAsync(new Depositor().Request(origin, [Depositor.Commit(contract).Entry])).ResponseAsync);
        ContractLeaf = deposited.Deposits[0].LeafIndex;
        await WaitSignedAsync(ContractLeaf);
    }

    private async Task<string> PartyAsync(PartyService.PartyServiceClient parties, WirePartyRole role, string name)
    {
        Protocol.V1.Party party = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = name });
        var key = new Ed25519MemoryKey(RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes));
        _keys[party.Id] = key;
        await parties.BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
        return party.Id;
    }

    private void Start(CorePartyRole role) =>
        _service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");
}
