using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain sale</c> against a real service: a notary office drives a 带封过户 case through the CLI
/// alone from the first seizure to the court's plan — artefacts signed here by the court, the registry,
/// a notary and the parties with <c>case artefact</c>, the agreement's terms from a JSON file, the
/// buyer's price posted by an imported statement line, the software's proposal saved as the court's plan,
/// its digests recomputed offline and carried by the court's plan artefact — then shows it, and a court
/// verifies its statement offline with <c>case verify</c>, reading the distribution; a statement missing a
/// transition or the batch that booked the plan is refused. The plan is not finalized here: that waits
/// for the 15-day objection window on the real calendar, which the pure-rule tests drive instead
/// (SealedSaleRules tests). Unusable input is one line and exit 2. Setup that is no step of the case
/// (registering parties and binding their keys, creating the escrow bank account) goes over gRPC, as in
/// <see cref="CaseCommandTests"/>, whose helpers are private to it and are therefore written again here.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class SaleCommandTests : IDisposable
{
    private const string BankNumber = "6222021001007654321";
    private const ulong Bank = 0xB5;
    private const string CaseHex = "00000000000000000000000005a1e0c1";
    private const long PriceFen = 100_000_000;

    private readonly TempDirectory _data = new();
    private readonly ServiceHostProcess _service;
    private readonly OnlineWorkspace _workspace;
    private readonly GrpcChannel _channel;
    private readonly Dictionary<string, string> _names = [];
    private int _serial;

    public SaleCommandTests()
    {
        _service = ServiceHostProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Bank:Accounts:{BankNumber}={Hex(Bank)}");
        _workspace = new OnlineWorkspace(_service.Address);
        _channel = GrpcChannel.ForAddress(_service.Address);
    }

    private static string Today => Day(0);

    [Fact]
    public async Task Sale_SeizureToPlan_ThroughTheCli_StatementVerifiesOfflineWithItsDistribution()
    {
        string court = await PartyAsync("court", PartyRole.Court);
        string registry = await PartyAsync("registry", PartyRole.Registry);
        string notary = await PartyAsync("notary", PartyRole.Notary, canApprove: true);
        string buyer = await PartyAsync("buyer", PartyRole.Enterprise);
        string debtor = await PartyAsync("debtor", PartyRole.Enterprise);
        CreateAccountsResponse created = await new EscrowService.EscrowServiceClient(_channel).CreateAccountsAsync(new CreateAccountsRequest
        {
            Accounts = { new LedgerAccount { Id = Id(Bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } },
        });
        Assert.Equal("Ok", Assert.Single(created.ResultNames));

        CliResult opened = await RunAsync("sale", "open", CaseHex, "--number", "(2026)鲁济南证字第0101号", "--bank-account", Hex(Bank));
        Assert.Contains($"sealed sale {CaseHex} opened in Seized", opened.Output, StringComparison.Ordinal);

        // Seizure, mediation, the court's approval with its floor: artefacts by type name and subject number.
        ulong seizure = await ArtefactAsync("court-document", court, "--subject", "6", "--leg", "1", "--amount-fen", "30000000", "--reference", "(2025)鲁0102执123号");
        await ApplyAsync("Seized", "record-seizure", "--leg", "1", "--artefact", Leaf(seizure));
        await ApplyAsync("SaleProposed", "propose-sale", "--artefact", Leaf(await ArtefactAsync("mediation-record", notary, "--amount-fen", PriceFen.ToString(CultureInfo.InvariantCulture))));
        await ApplyAsync("CourtApproved", "3", "--artefact", Leaf(await ArtefactAsync("6", court, "--subject", "8", "--amount-fen", "90000000")));

        string terms = _workspace.Write("terms.json", $$"""
            {
              "price_fen": {{PriceFen}},
              "buyer_party_ids": ["{{buyer}}"],
              "debtor_party_ids": ["{{debtor}}"],
              "debtor_kind": 1,
              "buyer_refund_payee": { "bank_account": "6228480000000000013", "name": "李四" },
              "debtor_payee": { "bank_account": "6228480000000000014", "name": "王五" },
              "payment_due_date": "{{Day(10)}}"
            }
            """);
        string[] notarize =
        [
            "notarize-agreement", "--terms", terms,
            "--artefact", Leaf(await ArtefactAsync("notarized-agreement", notary)),
            "--artefact", Leaf(await ArtefactAsync("party-consent", buyer)),
            "--artefact", Leaf(await ArtefactAsync("party-consent", debtor)),
        ];
        CliResult proposed = await RunAsync(["sale", "propose", CaseHex, .. notarize]);
        Assert.Contains("  artefact 1: NotarizedAgreement", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("NotarizeAgreement can be applied now: the case would move to AgreementNotarized", proposed.Output, StringComparison.Ordinal);
        await ApplyAsync("AgreementNotarized", notarize);

        CliResult expected = await ApplyAsync("AgreementNotarized", "expect-deposit", "--leg", "1", "--amount-fen", PriceFen.ToString(CultureInfo.InvariantCulture));
        await ImportLineAsync(BookedTransfer().Match(expected.Output).Groups["id"].Value, PriceFen, 'C');
        ulong fundedLeaf = LeafOf((await ApplyAsync("Funded", "confirm-funding")).Output);
        await ApplyAsync("AssistanceIssued", "issue-assistance", "--artefact", Leaf(await ArtefactAsync("court-document", court, "--subject", "11")));
        await ApplyAsync(
            "Transferred",
            "confirm-transfer",
            "--artefact",
            Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "7", "--leg", "1")),
            "--artefact",
            Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "4", "--leg", "1")));

        // DOMAIN.md §4.3's example: costs, a mortgage, and two ordinary creditors sharing pro rata.
        string tiers = _workspace.Write("tiers.json", """
            {
              "tiers": [
                { "kind": 1, "mode": 1, "claims": [{ "number": 1, "amount_fen": 2000000, "rank_ms": 1700000000000, "payee": { "bank_account": "37010000000000001", "name": "历下区人民法院" } }] },
                { "kind": 3, "mode": 1, "claims": [{ "number": 2, "amount_fen": 50000000, "rank_ms": 1600000000000, "payee": { "bank_account": "62220000111122222", "name": "JINAN BANK" } }] },
                { "kind": 5, "mode": 2, "claims": [
                  { "number": 3, "amount_fen": 30000000, "rank_ms": 1700000000000, "payee": { "bank_account": "62220000333344444", "name": "张三" } },
                  { "number": 4, "amount_fen": 40000000, "rank_ms": 1700100000000, "payee": { "bank_account": "62220000555566666", "name": "李四" } }] }
              ]
            }
            """);
        string planPath = _workspace.File("plan.json");
        CliResult plan = await RunAsync("sale", "plan", CaseHex, "--tiers", tiers, "-o", planPath);
        Assert.Contains("claim 3 (Ordinary, ProRata): owed 300000.00 yuan, allocated 205714.29 yuan to 62220000333344444 (张三)", plan.Output, StringComparison.Ordinal);
        Assert.Contains("claim 4 (Ordinary, ProRata): owed 400000.00 yuan, allocated 274285.71 yuan to 62220000555566666 (李四)", plan.Output, StringComparison.Ordinal);
        Match digests = DigestsOf().Match(plan.Output);
        Assert.True(digests.Success, plan.Output);
        Assert.Equal(4, JsonNode.Parse(File.ReadAllText(planPath))!["allocations"]!.AsArray().Count);

        // The court's clerk recomputes the digests offline and signs the plan's canonical bytes.
        string planBytes = _workspace.File("plan.bin");
        CliResult recomputed = await RunAsync("sale", "plan-digests", planPath, "--case", CaseHex, "--bytes", planBytes);
        Assert.Contains(digests.Value, recomputed.Output, StringComparison.Ordinal);
        Assert.Contains("plan check: the allocations sum to the proceeds", recomputed.Output, StringComparison.Ordinal);
        Assert.Equal(digests.Groups["sha256"].Value, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(planBytes))));
        ulong courtPlan = await ArtefactAsync("court-document", court, "--subject", "12", "--amount-fen", PriceFen.ToString(CultureInfo.InvariantCulture), "--document", planBytes);
        CliResult issued = await ApplyAsync("PlanIssued", "issue-plan", "--plan", planPath, "--artefact", Leaf(courtPlan));
        Assert.Equal(4, BookedTransfer().Count(issued.Output));
        ulong issuedLeaf = LeafOf(issued.Output);

        CliResult early = await _workspace.RunAsync("sale", "propose", CaseHex, "finalize-plan", "--lang", "en");
        Assert.Equal(2, early.ExitCode);
        Assert.StartsWith("error: the server would refuse this event: ObjectionWindowOpen: ", early.Error, StringComparison.Ordinal);

        CliResult shown = await RunAsync("sale", "show", CaseHex);
        Assert.Contains($"case {CaseHex} ((2026)鲁济南证字第0101号): PlanIssued, 9 transitions", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  enforcing court {court}", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  seizure 1: property 1, First, court {court} ((2025)鲁0102执123号), {Today}, claim 300000.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("  proposed price 1000000.00 yuan; the court's floor 900000.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  price 1000000.00 yuan, due by {Day(10)}", shown.Output, StringComparison.Ordinal);
        Assert.Contains("  plan (revision 0): net proceeds 1000000.00 yuan, debtor's surplus 0.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("allocated 205714.29 yuan to 62220000333344444", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  plan received {Today}; objections ", shown.Output, StringComparison.Ordinal);

        // The statement, once a signed checkpoint covers the plan, verified as a court would: the distribution readable.
        await WaitSignedAsync(issuedLeaf);
        string statementPath = _workspace.File("sale.statement.json");
        await RunAsync("case", "statement", CaseHex, "--out", statementPath);
        string keys = Path.Combine(_data.Path, "notary.vkeys");
        CliResult verified = await RunAsync("case", "verify", statementPath, "--key", keys);
        Assert.Contains($"leaf {issuedLeaf}: transition 9 IssuePlan, Transferred -> PlanIssued", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The case as the statement proves it: PlanIssued after 9 transitions", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The distribution as the statement proves it:", verified.Output, StringComparison.Ordinal);
        Assert.Contains("    claim 2 (Secured, Sequential): owed 500000.00 yuan, allocated 500000.00 yuan to 62220000111122222 (JINAN BANK)", verified.Output, StringComparison.Ordinal);
        Assert.Contains("payouts not instructed yet", verified.Output, StringComparison.Ordinal);
        Assert.Contains("Every plan issued is the one the court signed", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The case statement verifies", verified.Output, StringComparison.Ordinal);

        // Tampered: a transition left out (confirm-funding), or the ledger batch that booked the plan's allocations.
        JsonNode gap = JsonNode.Parse(File.ReadAllText(statementPath))!;
        gap["entries"]!.AsArray().Remove(gap["entries"]!.AsArray().Single(e => (ulong)e!["leaf_index"]! == fundedLeaf));
        CliResult broken = await _workspace.RunAsync("case", "verify", _workspace.Write("gap.statement.json", gap.ToJsonString()), "--key", keys, "--lang", "en");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("the case's records do not replay", broken.Output, StringComparison.Ordinal);

        JsonNode unbooked = JsonNode.Parse(File.ReadAllText(statementPath))!;
        JsonArray entries = unbooked["entries"]!.AsArray();
        entries.Remove(entries.Last(e => Convert.FromBase64String((string)e!["record"]!).AsSpan().StartsWith("evidencechain/ledger-batch/v1\n"u8)));
        CliResult noPosting = await _workspace.RunAsync("case", "verify", _workspace.Write("unbooked.statement.json", unbooked.ToJsonString()), "--key", keys, "--lang", "en");
        Assert.Equal(1, noPosting.ExitCode);
        Assert.Contains("transition 9 names transfer", noPosting.Output, StringComparison.Ordinal);
        Assert.Contains("which no ledger batch of the statement booked before it", noPosting.Output, StringComparison.Ordinal);
        _service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task UnusableInput_OneLineAndExit2()
    {
        string badTerms = _workspace.Write("bad.terms.json", """{ "price_fen": 1, "buyer_refund_payee": { "bank_account": "1", "name": "x", "color": "red" } }""");
        string badDate = _workspace.Write("bad-date.terms.json", """
            { "price_fen": 1, "buyer_party_ids": [], "debtor_party_ids": [], "debtor_kind": 1,
              "buyer_refund_payee": { "bank_account": "1", "name": "x" }, "debtor_payee": { "bank_account": "2", "name": "y" }, "payment_due_date": "tomorrow" }
            """);
        string badPlan = _workspace.Write("bad.plan.json", """{ "net_proceeds_fen": 1, "tiers": [{ "kind": 300, "mode": 1, "claims": [] }], "allocations": [], "debtor_surplus_fen": 0 }""");

        CliResult unknownEvent = await _workspace.RunAsync("sale", "apply", CaseHex, "pay-everyone", "--lang", "en");
        CliResult terms = await _workspace.RunAsync("sale", "propose", CaseHex, "notarize-agreement", "--terms", badTerms, "--lang", "en");
        CliResult date = await _workspace.RunAsync("sale", "propose", CaseHex, "notarize-agreement", "--terms", badDate, "--lang", "en");
        CliResult plan = await _workspace.RunAsync("sale", "plan-digests", badPlan, "--case", CaseHex, "--lang", "en");
        CliResult notASale = await _workspace.RunAsync("sale", "show", CaseHex, "--lang", "en");
        CliResult chinese = await _workspace.RunAsync("sale", "apply", CaseHex, "pay-everyone");

        Assert.All(new[] { unknownEvent, terms, date, plan, notASale, chinese }, r =>
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Error.Trim().Split('\n'));
        });
        Assert.StartsWith("error: 'pay-everyone' is not a case event: give one of record-seizure, propose-sale,", unknownEvent.Error, StringComparison.Ordinal);
        Assert.Contains($"{badTerms} is not a condition set JSON file (see docs/service.md): $.buyer_refund_payee.color:", terms.Error, StringComparison.Ordinal);
        Assert.Contains("$.payment_due_date: a day is YYYY-MM-DD, not 'tomorrow'", date.Error, StringComparison.Ordinal);
        Assert.Contains($"{badPlan} is not a distribution plan or claim tiers JSON file (see docs/service.md): $.tiers[0].kind:", plan.Error, StringComparison.Ordinal);
        Assert.Contains($"there is no case {CaseHex}", notASale.Error, StringComparison.Ordinal);
        Assert.StartsWith("错误：“pay-everyone”不是案件事件", chinese.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _workspace.Dispose();
        _service.Dispose();
        _data.Dispose();
    }

    private static ByteString Id(ulong value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    private static string Hex(ulong value) => ((UInt128)value).ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>A day in China Standard Time, <paramref name="offset"/> days from today.</summary>
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Leaf(ulong leaf) => leaf.ToString(CultureInfo.InvariantCulture);

    private static ulong LeafOf(string output) => ulong.Parse(LeafPattern().Match(output).Groups["leaf"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\(leaf (?<leaf>\d+)\)")]
    private static partial Regex LeafPattern();

    [GeneratedRegex(@"transfer (?<id>[0-9a-f]{32}): Ok")]
    private static partial Regex BookedTransfer();

    [GeneratedRegex(@"document SHA-256 (?<sha256>[0-9a-f]{64}), SM3 (?<sm3>[0-9a-f]{64}), amount 100000000 fen")]
    private static partial Regex DigestsOf();

    /// <summary>Runs the CLI in English and requires exit 0.</summary>
    private async Task<CliResult> RunAsync(params string[] args)
    {
        CliResult result = await _workspace.RunAsync([.. args, "--lang", "en"]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}\n{result}");
        return result;
    }

    private async Task<CliResult> ApplyAsync(string state, params string[] eventArguments)
    {
        CliResult applied = await RunAsync(["sale", "apply", CaseHex, .. eventArguments]);
        Assert.Contains($"applied: the case is now {state} (leaf ", applied.Output, StringComparison.Ordinal);
        return applied;
    }

    /// <summary>An artefact made, signed and recorded by <c>case artefact</c> with its issuer's key file, waited for until a signed checkpoint includes it.</summary>
    private async Task<ulong> ArtefactAsync(string type, string issuer, params string[] more)
    {
        string[] document = more.Contains("--document") ? [] : ["--document", _workspace.Write($"documents/{Guid.NewGuid():N}.pdf", RandomNumberGenerator.GetBytes(256))];
        CliResult recorded = await RunAsync(["case", "artefact", CaseHex, "--type", type, "--issuer", issuer, .. document, "--key", _workspace.File($"keys/{_names[issuer]}.key"), .. more]);
        ulong leaf = LeafOf(recorded.Output);
        await WaitSignedAsync(leaf);
        return leaf;
    }

    /// <summary>A registered party with its Ed25519 key bound, and the key's seed in an owner-only key file named for it.</summary>
    private async Task<string> PartyAsync(string name, PartyRole role, bool canApprove = false)
    {
        var parties = new PartyService.PartyServiceClient(_channel);
        Party party = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = name, CanApprove = canApprove });
        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes);
        using var key = new Ed25519MemoryKey(seed);
        await parties.BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
        string path = _workspace.Write($"keys/{name}.key", Convert.ToBase64String(seed) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _names[party.Id] = name;
        return party.Id;
    }

    /// <summary>The bank's statement line for a pending transfer of the case (its EC reference), imported with <c>bank import</c>.</summary>
    private async Task ImportLineAsync(string transferId, long amountFen, char direction)
    {
        string csv = _workspace.Write($"statement-{++_serial}.csv", "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"line,{BankNumber},S{_serial},{Today},{direction},{amountFen},6217001234567890123,EC{transferId}\n");
        CliResult imported = await RunAsync("bank", "import", csv);
        Assert.Contains("1 booked, 0 imported before, 0 incidents, 0 refused", imported.Output, StringComparison.Ordinal);
    }

    private async Task WaitSignedAsync(ulong leaf)
    {
        var evidence = new EvidenceService.EvidenceServiceClient(_channel);
        for (int attempt = 0; attempt < 200 && (await evidence.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize <= leaf; attempt++)
        {
            await Task.Delay(50);
        }
    }
}
