using System.Buffers.Binary;
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
/// <c>evidencechain case</c> against a real service: a notary office opens a 带押过户 case and drives it
/// from Draft to Closed through the CLI alone — artefacts signed here by the registry, the seller's
/// bank and the notaries (one attested by a notary), the condition set from a JSON file, the buyer's
/// deposit posted by an imported statement line, the payoff proposed, approved by two notaries offline
/// and applied — then shows it, lists its deadlines, saves its statement, and a court verifies it
/// offline; a statement with a transition left out does not replay. Unusable input is one line and exit 2.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class CaseCommandTests : IDisposable
{
    private const string BankNumber = "6222021001001234567";
    private const ulong Bank = 0xBA;
    private const string CaseHex = "0000000000000000000000000ca5e0c1";

    private readonly TempDirectory _data = new();
    private readonly ServiceHostProcess _service;
    private readonly OnlineWorkspace _workspace;
    private readonly GrpcChannel _channel;
    private readonly Dictionary<string, string> _names = [];
    private int _serial;

    public CaseCommandTests()
    {
        _service = ServiceHostProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Bank:Accounts:{BankNumber}={Hex(Bank)}");
        _workspace = new OnlineWorkspace(_service.Address);
        _channel = GrpcChannel.ForAddress(_service.Address);
    }

    private static string Today => Day(0);

    [Fact]
    public async Task Case_OpenToClose_TwoNotariesApproveThroughTheCli_StatementVerifiesOffline()
    {
        string notary1 = await PartyAsync("notary1", PartyRole.Notary, canApprove: true);
        string notary2 = await PartyAsync("notary2", PartyRole.Notary, canApprove: true);
        string registry = await PartyAsync("registry", PartyRole.Registry);
        string sellerBank = await PartyAsync("seller-bank", PartyRole.Lender);
        string buyer = await PartyAsync("buyer", PartyRole.Enterprise);
        string seller = await PartyAsync("seller", PartyRole.Enterprise);
        CreateAccountsResponse created = await new EscrowService.EscrowServiceClient(_channel).CreateAccountsAsync(new CreateAccountsRequest
        {
            Accounts = { new LedgerAccount { Id = Id(Bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } },
        });
        Assert.Equal("Ok", Assert.Single(created.ResultNames));

        CliResult opened = await RunAsync("case", "open", CaseHex, "--number", "(2026)鲁济南证字第0001号", "--bank-account", Hex(Bank));
        Assert.Contains($"case {CaseHex} opened in Draft", opened.Output, StringComparison.Ordinal);

        ulong titleSearch = await ArtefactAsync("title-search", registry, "--subject", "1");
        await ApplyAsync("Accepted", "accept", "--artefact", Leaf(titleSearch));

        string conditions = _workspace.Write("conditions.json", $$"""
            {
              "price_fen": 200000000,
              "buyer_party_ids": ["{{buyer}}"],
              "seller_party_ids": ["{{seller}}"],
              "payoff_legs": [{ "leg": 1, "loan_kind": 1, "lender_party_id": "{{sellerBank}}", "payee": { "bank_account": "6222000000000000001", "name": "招商银行济南分行还款专户" } }],
              "seller_payee": { "bank_account": "6228480000000000002", "name": "张三" },
              "buyer_refund_payee": { "bank_account": "6228480000000000003", "name": "李四" },
              "fee_fen": 300000,
              "fee_payer": 1,
              "fee_payee": { "bank_account": "6222000000000000004", "name": "济南市公证处" },
              "loan_route": 1
            }
            """);
        ulong agreement = await ArtefactAsync("notarized-agreement", notary1);
        ulong consent = await ArtefactAsync("LenderConsent", sellerBank, "--leg", "1", "--signer", notary2);
        ulong buyerConsent = await ArtefactAsync("party-consent", buyer);
        ulong sellerConsent = await ArtefactAsync("party-consent", seller, "--signer", notary1);
        string[] notarize = ["notarize-agreement", "--conditions", conditions, "--artefact", Leaf(agreement), "--artefact", Leaf(consent), "--artefact", Leaf(buyerConsent), "--artefact", Leaf(sellerConsent)];
        CliResult proposed = await RunAsync(["case", "propose", CaseHex, .. notarize]);
        Assert.Contains("  artefact 1: NotarizedAgreement", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("NotarizeAgreement can be applied now: the case would move to AgreementNotarized", proposed.Output, StringComparison.Ordinal);
        await ApplyAsync("AgreementNotarized", notarize);

        CliResult expected = await ApplyAsync("AgreementNotarized", "expect-deposit", "--leg", "1", "--amount-fen", "200000000");
        string deposit = BookedTransfer().Match(expected.Output).Groups["id"].Value;
        await ImportLineAsync(deposit, 200_000_000, 'C');
        CliResult funded = await ApplyAsync("Funded", "confirm-funding");
        ulong fundedLeaf = ulong.Parse(LeafOf().Match(funded.Output).Groups["leaf"].Value, System.Globalization.CultureInfo.InvariantCulture);
        await ApplyAsync("TitleLocked", "lock-title", "--artefact", Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "1")));
        ulong quote = await ArtefactAsync("payoff-quote", sellerBank, "--leg", "1", "--amount-fen", "60085000", "--valid-through", Day(5), "--reference", "Q-1");
        await ApplyAsync("PayoffReserved", "reserve-payoff", "--leg", "1", "--artefact", Leaf(quote), "--artefact", Leaf(await ArtefactAsync("title-search", registry, "--subject", "1")));

        // The payoff: proposed, the message checked and signed by two notaries offline, applied with both.
        string message = _workspace.File("payoff.approval-message");
        CliResult payoff = await RunAsync("case", "propose", CaseHex, "send-payoff", "--leg", "1", "--artefact", Leaf(quote), "--out", message);
        Assert.Contains("SendPayoff needs two notaries' approvals of these payouts", payoff.Output, StringComparison.Ordinal);
        Assert.Matches(@"payout [0-9a-f]{32}: 600850\.00 yuan to 6222000000000000001 \(招商银行济南分行还款专户\)", payoff.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(message));
        CliResult approved1 = await RunAsync("case", "approve", message, "--party", notary1, "--key", KeyFile("notary1"), "--out", _workspace.File("approval1.json"));
        CliResult approved2 = await RunAsync("case", "approve", message, "--party", notary2, "--key", KeyFile("notary2"), "--out", _workspace.File("approval2.json"));
        Assert.Contains($"You approve, for case {CaseHex}, its transition 7 (SendPayoff), exactly this payout and nothing else:", approved1.Output, StringComparison.Ordinal);
        Assert.Contains("600850.00 yuan to 6222000000000000001", approved1.Output, StringComparison.Ordinal);
        Assert.Contains($"approved by notary {notary2}", approved2.Output, StringComparison.Ordinal);

        string[] send = ["case", "apply", CaseHex, "send-payoff", "--leg", "1", "--artefact", Leaf(quote)];
        CliResult oneApproval = await _workspace.RunAsync([.. send, "--approval", _workspace.File("approval1.json"), "--lang", "en"]);
        Assert.Equal(2, oneApproval.ExitCode);
        Assert.Contains("ApprovalsInvalid/TooFewApprovals", oneApproval.Error, StringComparison.Ordinal);
        Assert.Single(oneApproval.Error.Trim().Split('\n'));
        CliResult sent = await RunAsync([.. send, "--approval", _workspace.File("approval1.json"), "--approval", _workspace.File("approval2.json")]);
        Assert.Contains("SendPayoff applied: the case is now PayoffSent", sent.Output, StringComparison.Ordinal);
        Assert.Matches(@"transfer [0-9a-f]{32}: Ok", sent.Output);
        Assert.Contains("600850.00 yuan to 6222000000000000001", sent.Output, StringComparison.Ordinal);
        ulong sentLeaf = ulong.Parse(LeafOf().Match(sent.Output).Groups["leaf"].Value, System.Globalization.CultureInfo.InvariantCulture);
        CliResult early = await _workspace.RunAsync("case", "propose", CaseHex, "close", "--lang", "en");
        Assert.Equal(2, early.ExitCode);
        Assert.StartsWith("error: the server would refuse this event: EventNotAllowedInState: Close may not happen in PayoffSent", early.Error, StringComparison.Ordinal);

        CliResult shown = await RunAsync("case", "show", CaseHex);
        Assert.Contains($"case {CaseHex} ((2026)鲁济南证字第0001号): PayoffSent, 7 transitions", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"deposit date {Today}", shown.Output, StringComparison.Ordinal);
        Assert.Contains("tranche 1: 2000000.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("payoff leg 1: Sent, 600850.00 yuan reserved, attempt 1", shown.Output, StringComparison.Ordinal);
        Assert.Contains("price 2000000.00 yuan; fee 3000.00 yuan, borne by the Seller", shown.Output, StringComparison.Ordinal);
        Assert.Contains("seller's payee 6228480000000000002 (张三)", shown.Output, StringComparison.Ordinal);

        CliResult deadlines = await RunAsync("case", "deadlines", CaseHex);
        Assert.Equal(["Acceptance", "Certificate", "Notice", "PublicNotice", "Lapse"], deadlines.Output.Trim().Split('\n').Select(l => l.Split(':')[0]));
        Assert.Contains($"Acceptance: from {Today}, last day ", deadlines.Output, StringComparison.Ordinal);

        // The statement, once a signed checkpoint covers the last transition, verified as a court would.
        await WaitSignedAsync(sentLeaf);
        string statementPath = _workspace.File("case.statement.json");
        CliResult statement = await RunAsync("case", "statement", CaseHex, "--out", statementPath);
        Assert.Contains($"case:{CaseHex}: 21 records", statement.Output, StringComparison.Ordinal); // with the 5 ledger batches of its postings
        Assert.Contains($"leaf {sentLeaf}: transition 7 SendPayoff, PayoffReserved -> PayoffSent", statement.Output, StringComparison.Ordinal);
        string keys = Path.Combine(_data.Path, "notary.vkeys");
        CliResult verified = await RunAsync("case", "verify", statementPath, "--key", keys);
        Assert.Contains("The case as the statement proves it: PayoffSent after 7 transitions", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The case statement verifies", verified.Output, StringComparison.Ordinal);

        JsonNode tampered = JsonNode.Parse(File.ReadAllText(statementPath))!;
        JsonArray entries = tampered["entries"]!.AsArray();
        entries.Remove(entries.Single(e => (ulong)e!["leaf_index"]! == fundedLeaf));
        CliResult broken = await _workspace.RunAsync("case", "verify", _workspace.Write("gap.statement.json", tampered.ToJsonString()), "--key", keys, "--lang", "en");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("the case's records do not replay", broken.Output, StringComparison.Ordinal);
        Assert.Contains("Transition 5", broken.Output, StringComparison.Ordinal);

        // A statement that leaves out the ledger batch booking the payoff proves a transition without its posting: refused.
        JsonNode unbooked = JsonNode.Parse(File.ReadAllText(statementPath))!;
        JsonArray withBatches = unbooked["entries"]!.AsArray();
        withBatches.Remove(withBatches.Last(e => Convert.FromBase64String((string)e!["record"]!).AsSpan().StartsWith("evidencechain/ledger-batch/v1\n"u8)));
        CliResult noPosting = await _workspace.RunAsync("case", "verify", _workspace.Write("unbooked.statement.json", unbooked.ToJsonString()), "--key", keys, "--lang", "en");
        Assert.Equal(1, noPosting.ExitCode);
        Assert.Contains("which no ledger batch of the statement booked before it", noPosting.Output, StringComparison.Ordinal);

        // On to the close: the payoff on the statement, the mortgage released, the title transferred,
        // the settlement's payouts approved by both notaries, on the statement, and the case closed.
        await ImportLineAsync(BookedTransfer().Match(sent.Output).Groups["id"].Value, 60_085_000, 'D');
        await ApplyAsync("PayoffConfirmed", "confirm-payoff", "--leg", "1");
        await ApplyAsync(
            "MortgageReleased",
            "release-mortgage",
            "--artefact",
            Leaf(await ArtefactAsync("settlement-certificate", sellerBank, "--leg", "1")),
            "--artefact",
            Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "3")));
        await ApplyAsync("Transferred", "confirm-transfer", "--artefact", Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "4")));
        string settleMessage = _workspace.File("settle.approval-message");
        await RunAsync("case", "propose", CaseHex, "settle", "--out", settleMessage);
        await RunAsync("case", "approve", settleMessage, "--party", notary1, "--key", KeyFile("notary1"), "--out", _workspace.File("settle1.json"));
        await RunAsync("case", "approve", settleMessage, "--party", notary2, "--key", KeyFile("notary2"), "--out", _workspace.File("settle2.json"));
        CliResult settled = await ApplyAsync("Settling", "settle", "--approval", _workspace.File("settle1.json"), "--approval", _workspace.File("settle2.json"));
        MatchCollection payouts = PayoutOf().Matches(settled.Output);
        Assert.Equal(["1396150.00", "3000.00"], payouts.Select(m => m.Groups["yuan"].Value));
        await ImportLineAsync(payouts[0].Groups["id"].Value, 139_615_000, 'D');
        await ImportLineAsync(payouts[1].Groups["id"].Value, 300_000, 'D');
        CliResult closed = await ApplyAsync("Closed", "close");

        await WaitSignedAsync(ulong.Parse(LeafOf().Match(closed.Output).Groups["leaf"].Value, System.Globalization.CultureInfo.InvariantCulture));
        await RunAsync("case", "statement", CaseHex, "--out", statementPath + ".closed");
        CliResult closedVerified = await RunAsync("case", "verify", statementPath + ".closed", "--key", keys);
        Assert.Contains("The case as the statement proves it: Closed after 12 transitions", closedVerified.Output, StringComparison.Ordinal);
        _service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task UnusableInput_OneLineAndExit2()
    {
        string notary = await PartyAsync("notary", PartyRole.Notary, canApprove: true);
        string badApproval = _workspace.Write("bad.approval.json", $$"""{ "notary_party_id": "{{notary}}", "key_fingerprint": "00", "signature": "AA==", "note": "x" }""");
        string badConditions = _workspace.Write("bad.conditions.json", """{ "price_fen": 1, "payoff_legs": [{ "leg": 1, "color": "red" }] }""");
        string badMessage = _workspace.Write("bad.message", Convert.ToBase64String("evidencechain/payout-approval/v1\nshort"u8) + "\n");

        CliResult unknownEvent = await _workspace.RunAsync("case", "apply", CaseHex, "pay-everyone", "--lang", "en");
        CliResult approvalFile = await _workspace.RunAsync("case", "apply", CaseHex, "send-payoff", "--leg", "1", "--approval", badApproval, "--lang", "en");
        CliResult conditions = await _workspace.RunAsync("case", "propose", CaseHex, "notarize-agreement", "--conditions", badConditions, "--lang", "en");
        CliResult message = await _workspace.RunAsync("case", "approve", badMessage, "--party", notary, "--key", KeyFile("notary"), "--out", _workspace.File("never.json"), "--lang", "en");
        CliResult badCase = await _workspace.RunAsync("case", "show", "CA5E", "--lang", "en");
        CliResult chinese = await _workspace.RunAsync("case", "apply", CaseHex, "pay-everyone");

        Assert.All(new[] { unknownEvent, approvalFile, conditions, message, badCase, chinese }, r =>
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Error.Trim().Split('\n'));
        });
        Assert.StartsWith("error: 'pay-everyone' is not a case event: give one of accept, notarize-agreement,", unknownEvent.Error, StringComparison.Ordinal);
        Assert.Contains($"{badApproval} is not an approval file (the JSON case approve writes): $.note:", approvalFile.Error, StringComparison.Ordinal);
        Assert.Contains("$.payoff_legs[0].color:", conditions.Error, StringComparison.Ordinal);
        Assert.Contains("is not a payout approval message", message.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.File("never.json")));
        Assert.Contains("'CA5E' is not a case id", badCase.Error, StringComparison.Ordinal);
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

    private static string Hex(ulong value) => ((UInt128)value).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A day in China Standard Time, as the case rules count days, <paramref name="offset"/> days from today.</summary>
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Leaf(ulong leaf) => leaf.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\(leaf (?<leaf>\d+)\)")]
    private static partial Regex LeafOf();

    [GeneratedRegex(@"transfer (?<id>[0-9a-f]{32}): Ok")]
    private static partial Regex BookedTransfer();

    [GeneratedRegex(@"payout (?<id>[0-9a-f]{32}): (?<yuan>[0-9.]+) yuan")]
    private static partial Regex PayoutOf();

    private string KeyFile(string name) => _workspace.File($"keys/{name}.key");

    /// <summary>Runs the CLI in English and requires exit 0.</summary>
    private async Task<CliResult> RunAsync(params string[] args)
    {
        CliResult result = await _workspace.RunAsync([.. args, "--lang", "en"]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}\n{result}");
        return result;
    }

    private async Task<CliResult> ApplyAsync(string state, params string[] eventArguments)
    {
        CliResult applied = await RunAsync(["case", "apply", CaseHex, .. eventArguments]);
        Assert.Contains($"applied: the case is now {state} (leaf ", applied.Output, StringComparison.Ordinal);
        return applied;
    }

    /// <summary>An artefact made, signed and recorded by the CLI with the signer's key file (the issuer's, unless --signer), waited for until a signed checkpoint includes it.</summary>
    private async Task<ulong> ArtefactAsync(string type, string issuer, params string[] more)
    {
        int signerAt = Array.IndexOf(more, "--signer");
        string signer = signerAt < 0 ? issuer : more[signerAt + 1];
        string document = _workspace.Write($"documents/{Guid.NewGuid():N}.pdf", RandomNumberGenerator.GetBytes(256));
        CliResult recorded = await RunAsync(["case", "artefact", CaseHex, "--type", type, "--issuer", issuer, "--document", document, "--key", KeyFile(_names[signer]), .. more]);
        Assert.Contains($"  signed by {signer} with the key ", recorded.Output, StringComparison.Ordinal);
        Assert.Contains($"  document SHA-256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(document)))}, SM3 ", recorded.Output, StringComparison.Ordinal);
        ulong leaf = ulong.Parse(LeafOf().Match(recorded.Output).Groups["leaf"].Value, System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>The bank's statement line for a pending transfer of the case (its EC reference), imported with the CLI.</summary>
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
