using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Protocol.V1;
using static EvidenceChain.Cli.Tests.Support.CaseCliDriver;

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

    private readonly CaseCliDriver _cli = new("case", CaseHex, BankNumber, Bank);

    [Fact]
    public async Task Case_OpenToClose_TwoNotariesApproveThroughTheCli_StatementVerifiesOffline()
    {
        string notary1 = await _cli.PartyAsync("notary1", PartyRole.Notary, canApprove: true);
        string notary2 = await _cli.PartyAsync("notary2", PartyRole.Notary, canApprove: true);
        string registry = await _cli.PartyAsync("registry", PartyRole.Registry);
        string sellerBank = await _cli.PartyAsync("seller-bank", PartyRole.Lender);
        string buyer = await _cli.PartyAsync("buyer", PartyRole.Enterprise);
        string seller = await _cli.PartyAsync("seller", PartyRole.Enterprise);
        await _cli.CreateBankAccountAsync();

        CliResult opened = await _cli.RunAsync("case", "open", CaseHex, "--number", "(2026)鲁济南证字第0001号", "--bank-account", Hex(Bank));
        Assert.Contains($"case {CaseHex} opened in Draft", opened.Output, StringComparison.Ordinal);

        ulong titleSearch = await ArtefactAsync("title-search", registry, "--subject", "1");
        await _cli.ApplyAsync("Accepted", "accept", "--artefact", Leaf(titleSearch));

        string conditions = _cli.Workspace.Write("conditions.json", $$"""
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
        CliResult proposed = await _cli.RunAsync(["case", "propose", CaseHex, .. notarize]);
        Assert.Contains("  artefact 1: NotarizedAgreement", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("NotarizeAgreement can be applied now: the case would move to AgreementNotarized", proposed.Output, StringComparison.Ordinal);
        await _cli.ApplyAsync("AgreementNotarized", notarize);

        CliResult expected = await _cli.ApplyAsync("AgreementNotarized", "expect-deposit", "--leg", "1", "--amount-fen", "200000000");
        string deposit = BookedTransfer().Match(expected.Output).Groups["id"].Value;
        await _cli.ImportLineAsync(deposit, 200_000_000, 'C');
        CliResult funded = await _cli.ApplyAsync("Funded", "confirm-funding");
        ulong fundedLeaf = LeafOf(funded.Output);
        await _cli.ApplyAsync("TitleLocked", "lock-title", "--artefact", Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "1")));
        ulong quote = await ArtefactAsync("payoff-quote", sellerBank, "--leg", "1", "--amount-fen", "60085000", "--valid-through", Day(5), "--reference", "Q-1");
        await _cli.ApplyAsync("PayoffReserved", "reserve-payoff", "--leg", "1", "--artefact", Leaf(quote), "--artefact", Leaf(await ArtefactAsync("title-search", registry, "--subject", "1")));

        // The payoff: proposed, the message checked and signed by two notaries offline, applied with both.
        string message = _cli.Workspace.File("payoff.approval-message");
        CliResult payoff = await _cli.RunAsync("case", "propose", CaseHex, "send-payoff", "--leg", "1", "--artefact", Leaf(quote), "--out", message);
        Assert.Contains("SendPayoff needs two notaries' approvals of these payouts", payoff.Output, StringComparison.Ordinal);
        Assert.Matches(@"payout [0-9a-f]{32}: 600850\.00 yuan to 6222000000000000001 \(招商银行济南分行还款专户\)", payoff.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(message));
        CliResult approved1 = await _cli.RunAsync("case", "approve", message, "--party", notary1, "--key", _cli.KeyFile("notary1"), "--out", _cli.Workspace.File("approval1.json"));
        CliResult approved2 = await _cli.RunAsync("case", "approve", message, "--party", notary2, "--key", _cli.KeyFile("notary2"), "--out", _cli.Workspace.File("approval2.json"));
        Assert.Contains($"You approve, for case {CaseHex}, its transition 7 (SendPayoff), exactly this payout and nothing else:", approved1.Output, StringComparison.Ordinal);
        Assert.Contains("600850.00 yuan to 6222000000000000001", approved1.Output, StringComparison.Ordinal);
        Assert.Contains($"approved by notary {notary2}", approved2.Output, StringComparison.Ordinal);

        string[] send = ["case", "apply", CaseHex, "send-payoff", "--leg", "1", "--artefact", Leaf(quote)];
        CliResult oneApproval = await _cli.Workspace.RunAsync([.. send, "--approval", _cli.Workspace.File("approval1.json"), "--lang", "en"]);
        Assert.Equal(2, oneApproval.ExitCode);
        Assert.Contains("ApprovalsInvalid/TooFewApprovals", oneApproval.Error, StringComparison.Ordinal);
        Assert.Single(oneApproval.Error.Trim().Split('\n'));
        CliResult sent = await _cli.RunAsync([.. send, "--approval", _cli.Workspace.File("approval1.json"), "--approval", _cli.Workspace.File("approval2.json")]);
        Assert.Contains("SendPayoff applied: the case is now PayoffSent", sent.Output, StringComparison.Ordinal);
        Assert.Matches(@"transfer [0-9a-f]{32}: Ok", sent.Output);
        Assert.Contains("600850.00 yuan to 6222000000000000001", sent.Output, StringComparison.Ordinal);
        ulong sentLeaf = LeafOf(sent.Output);
        CliResult early = await _cli.Workspace.RunAsync("case", "propose", CaseHex, "close", "--lang", "en");
        Assert.Equal(2, early.ExitCode);
        Assert.StartsWith("error: the server would refuse this event: EventNotAllowedInState: Close may not happen in PayoffSent", early.Error, StringComparison.Ordinal);

        CliResult shown = await _cli.RunAsync("case", "show", CaseHex);
        Assert.Contains($"case {CaseHex} ((2026)鲁济南证字第0001号): PayoffSent, 7 transitions", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"deposit date {Today}", shown.Output, StringComparison.Ordinal);
        Assert.Contains("tranche 1: 2000000.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("payoff leg 1: Sent, 600850.00 yuan reserved, attempt 1", shown.Output, StringComparison.Ordinal);
        Assert.Contains("price 2000000.00 yuan; fee 3000.00 yuan, borne by the Seller", shown.Output, StringComparison.Ordinal);
        Assert.Contains("seller's payee 6228480000000000002 (张三)", shown.Output, StringComparison.Ordinal);

        CliResult deadlines = await _cli.RunAsync("case", "deadlines", CaseHex);
        Assert.Equal(["Acceptance", "Certificate", "Notice", "PublicNotice", "Lapse"], deadlines.Output.Trim().Split('\n').Select(l => l.Split(':')[0]));
        Assert.Contains($"Acceptance: from {Today}, last day ", deadlines.Output, StringComparison.Ordinal);

        // The statement, once a signed checkpoint covers the last transition, verified as a court would.
        await _cli.WaitSignedAsync(sentLeaf);
        string statementPath = _cli.Workspace.File("case.statement.json");
        CliResult statement = await _cli.RunAsync("case", "statement", CaseHex, "--out", statementPath);
        Assert.Contains($"case:{CaseHex}: 21 records", statement.Output, StringComparison.Ordinal); // with the 5 ledger batches of its postings
        Assert.Contains($"leaf {sentLeaf}: transition 7 SendPayoff, PayoffReserved -> PayoffSent", statement.Output, StringComparison.Ordinal);
        string keys = _cli.VerificationKeysPath;
        CliResult verified = await _cli.RunAsync("case", "verify", statementPath, "--key", keys);
        Assert.Contains("The case as the statement proves it: PayoffSent after 7 transitions", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The case statement verifies", verified.Output, StringComparison.Ordinal);

        CliResult broken = await _cli.VerifyWithoutAsync(statementPath, "gap.statement.json", EntryAt(fundedLeaf));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("the case's records do not replay", broken.Output, StringComparison.Ordinal);
        Assert.Contains("Transition 5", broken.Output, StringComparison.Ordinal);

        // A statement that leaves out the ledger batch booking the payoff proves a transition without its posting: refused.
        CliResult noPosting = await _cli.VerifyWithoutAsync(statementPath, "unbooked.statement.json", LastLedgerBatch);
        Assert.Equal(1, noPosting.ExitCode);
        Assert.Contains("which no ledger batch of the statement booked before it", noPosting.Output, StringComparison.Ordinal);

        // On to the close: the payoff on the statement, the mortgage released, the title transferred,
        // the settlement's payouts approved by both notaries, on the statement, and the case closed.
        await _cli.ImportLineAsync(BookedTransfer().Match(sent.Output).Groups["id"].Value, 60_085_000, 'D');
        await _cli.ApplyAsync("PayoffConfirmed", "confirm-payoff", "--leg", "1");
        await _cli.ApplyAsync(
            "MortgageReleased",
            "release-mortgage",
            "--artefact",
            Leaf(await ArtefactAsync("settlement-certificate", sellerBank, "--leg", "1")),
            "--artefact",
            Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "3")));
        await _cli.ApplyAsync("Transferred", "confirm-transfer", "--artefact", Leaf(await ArtefactAsync("registry-receipt", registry, "--subject", "4")));
        string settleMessage = _cli.Workspace.File("settle.approval-message");
        await _cli.RunAsync("case", "propose", CaseHex, "settle", "--out", settleMessage);
        await _cli.RunAsync("case", "approve", settleMessage, "--party", notary1, "--key", _cli.KeyFile("notary1"), "--out", _cli.Workspace.File("settle1.json"));
        await _cli.RunAsync("case", "approve", settleMessage, "--party", notary2, "--key", _cli.KeyFile("notary2"), "--out", _cli.Workspace.File("settle2.json"));
        CliResult settled = await _cli.ApplyAsync("Settling", "settle", "--approval", _cli.Workspace.File("settle1.json"), "--approval", _cli.Workspace.File("settle2.json"));
        MatchCollection payouts = PayoutOf().Matches(settled.Output);
        Assert.Equal(["1396150.00", "3000.00"], payouts.Select(m => m.Groups["yuan"].Value));
        await _cli.ImportLineAsync(payouts[0].Groups["id"].Value, 139_615_000, 'D');
        await _cli.ImportLineAsync(payouts[1].Groups["id"].Value, 300_000, 'D');
        CliResult closed = await _cli.ApplyAsync("Closed", "close");

        await _cli.WaitSignedAsync(LeafOf(closed.Output));
        await _cli.RunAsync("case", "statement", CaseHex, "--out", statementPath + ".closed");
        CliResult closedVerified = await _cli.RunAsync("case", "verify", statementPath + ".closed", "--key", keys);
        Assert.Contains("The case as the statement proves it: Closed after 12 transitions", closedVerified.Output, StringComparison.Ordinal);
        _cli.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task UnusableInput_OneLineAndExit2()
    {
        string notary = await _cli.PartyAsync("notary", PartyRole.Notary, canApprove: true);
        string badApproval = _cli.Workspace.Write("bad.approval.json", $$"""{ "notary_party_id": "{{notary}}", "key_fingerprint": "00", "signature": "AA==", "note": "x" }""");
        string badConditions = _cli.Workspace.Write("bad.conditions.json", """{ "price_fen": 1, "payoff_legs": [{ "leg": 1, "color": "red" }] }""");
        string badMessage = _cli.Workspace.Write("bad.message", Convert.ToBase64String("evidencechain/payout-approval/v1\nshort"u8) + "\n");

        CliResult unknownEvent = await _cli.Workspace.RunAsync("case", "apply", CaseHex, "pay-everyone", "--lang", "en");
        CliResult approvalFile = await _cli.Workspace.RunAsync("case", "apply", CaseHex, "send-payoff", "--leg", "1", "--approval", badApproval, "--lang", "en");
        CliResult conditions = await _cli.Workspace.RunAsync("case", "propose", CaseHex, "notarize-agreement", "--conditions", badConditions, "--lang", "en");
        CliResult message = await _cli.Workspace.RunAsync("case", "approve", badMessage, "--party", notary, "--key", _cli.KeyFile("notary"), "--out", _cli.Workspace.File("never.json"), "--lang", "en");
        CliResult badCase = await _cli.Workspace.RunAsync("case", "show", "CA5E", "--lang", "en");
        CliResult chinese = await _cli.Workspace.RunAsync("case", "apply", CaseHex, "pay-everyone");

        AssertUnusable(unknownEvent, approvalFile, conditions, message, badCase, chinese);
        Assert.StartsWith("error: 'pay-everyone' is not a case event: give one of accept, notarize-agreement,", unknownEvent.Error, StringComparison.Ordinal);
        Assert.Contains($"{badApproval} is not an approval file (the JSON case approve writes): $.note:", approvalFile.Error, StringComparison.Ordinal);
        Assert.Contains("$.payoff_legs[0].color:", conditions.Error, StringComparison.Ordinal);
        Assert.Contains("is not a payout approval message", message.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Workspace.File("never.json")));
        Assert.Contains("'CA5E' is not a case id", badCase.Error, StringComparison.Ordinal);
        Assert.StartsWith("错误：“pay-everyone”不是案件事件", chinese.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    [GeneratedRegex(@"payout (?<id>[0-9a-f]{32}): (?<yuan>[0-9.]+) yuan")]
    private static partial Regex PayoutOf();

    /// <summary>An artefact recorded by the driver, whose output names its signer and its document's SHA-256.</summary>
    private async Task<ulong> ArtefactAsync(string type, string issuer, params string[] more)
    {
        (ulong leaf, string signer, string document, CliResult recorded) = await _cli.RecordArtefactAsync(type, issuer, more);
        Assert.Contains($"  signed by {signer} with the key ", recorded.Output, StringComparison.Ordinal);
        Assert.Contains($"  document SHA-256 {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(document)))}, SM3 ", recorded.Output, StringComparison.Ordinal);
        return leaf;
    }
}
