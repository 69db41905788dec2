using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Protocol.V1;
using static EvidenceChain.Cli.Tests.Support.CaseCliDriver;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain sale</c> against a real service: a notary office drives a 带封过户 case through the CLI
/// alone from the first seizure to the close — artefacts signed here by the court, the registry, the
/// notaries and the parties with <c>case artefact</c>, the agreement's terms from a JSON file, the buyer's
/// price posted by an imported statement line, the software's proposal saved as the court's plan, its
/// digests recomputed offline and carried by the court's plan artefact, the debtor's objection and the
/// court upholding its plan, two notaries approving the payouts offline, the bank paying them — and a court
/// verifies its statement offline with <c>case verify</c>, reading the distribution; a statement missing a
/// transition or the batch that booked the plan is refused. On a real clock the plan becomes final through
/// the objection (the window's end is driven in SealedSaleDeskTests, on a moved clock). Unusable input is
/// one line and exit 2. The CLI session is a <see cref="CaseCliDriver"/>, as in <see cref="CaseCommandTests"/>.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class SaleCommandTests : IDisposable
{
    private const string BankNumber = "6222021001007654321";
    private const ulong Bank = 0xB5;
    private const string CaseHex = "00000000000000000000000005a1e0c1";
    private const long PriceFen = 100_000_000;

    private readonly CaseCliDriver _cli = new("sale", CaseHex, BankNumber, Bank);

    [Fact]
    public async Task Sale_SeizureToClose_ThroughTheCli_StatementVerifiesOfflineWithItsDistribution()
    {
        string court = await _cli.PartyAsync("court", PartyRole.Court);
        string registry = await _cli.PartyAsync("registry", PartyRole.Registry);
        string notary = await _cli.PartyAsync("notary", PartyRole.Notary, canApprove: true);
        string notary2 = await _cli.PartyAsync("notary2", PartyRole.Notary, canApprove: true);
        string buyer = await _cli.PartyAsync("buyer", PartyRole.Enterprise);
        string debtor = await _cli.PartyAsync("debtor", PartyRole.Enterprise);
        await _cli.CreateBankAccountAsync();

        CliResult opened = await _cli.RunAsync("sale", "open", CaseHex, "--number", "(2026)鲁济南证字第0101号", "--bank-account", Hex(Bank));
        Assert.Contains($"sealed sale {CaseHex} opened in Seized", opened.Output, StringComparison.Ordinal);

        // Seizure, mediation, the court's approval with its floor: artefacts by type name and subject number.
        ulong seizure = await _cli.ArtefactAsync("court-document", court, "--subject", "6", "--leg", "1", "--amount-fen", "30000000", "--reference", "(2025)鲁0102执123号");
        await _cli.ApplyAsync("Seized", "record-seizure", "--leg", "1", "--artefact", Leaf(seizure));
        await _cli.ApplyAsync("SaleProposed", "propose-sale", "--artefact", Leaf(await _cli.ArtefactAsync("mediation-record", notary, "--amount-fen", PriceFen.ToString(CultureInfo.InvariantCulture))));
        await _cli.ApplyAsync("CourtApproved", "3", "--artefact", Leaf(await _cli.ArtefactAsync("6", court, "--subject", "8", "--amount-fen", "90000000")));

        string terms = _cli.Workspace.Write("terms.json", $$"""
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
            "--artefact", Leaf(await _cli.ArtefactAsync("notarized-agreement", notary)),
            "--artefact", Leaf(await _cli.ArtefactAsync("party-consent", buyer)),
            "--artefact", Leaf(await _cli.ArtefactAsync("party-consent", debtor)),
        ];
        CliResult proposed = await _cli.RunAsync(["sale", "propose", CaseHex, .. notarize]);
        Assert.Contains("  artefact 1: NotarizedAgreement", proposed.Output, StringComparison.Ordinal);
        Assert.Contains("NotarizeAgreement can be applied now: the case would move to AgreementNotarized", proposed.Output, StringComparison.Ordinal);
        await _cli.ApplyAsync("AgreementNotarized", notarize);

        CliResult expected = await _cli.ApplyAsync("AgreementNotarized", "expect-deposit", "--leg", "1", "--amount-fen", PriceFen.ToString(CultureInfo.InvariantCulture));
        await _cli.ImportLineAsync(BookedTransfer().Match(expected.Output).Groups["id"].Value, PriceFen, 'C');
        ulong fundedLeaf = LeafOf((await _cli.ApplyAsync("Funded", "confirm-funding")).Output);
        await _cli.ApplyAsync("AssistanceIssued", "issue-assistance", "--artefact", Leaf(await _cli.ArtefactAsync("court-document", court, "--subject", "11")));
        await _cli.ApplyAsync(
            "Transferred",
            "confirm-transfer",
            "--artefact",
            Leaf(await _cli.ArtefactAsync("registry-receipt", registry, "--subject", "7", "--leg", "1")),
            "--artefact",
            Leaf(await _cli.ArtefactAsync("registry-receipt", registry, "--subject", "4", "--leg", "1")));

        // DOMAIN.md §4.3's example: costs, a mortgage, and two ordinary creditors sharing pro rata.
        string tiers = _cli.Workspace.Write("tiers.json", """
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
        string planPath = _cli.Workspace.File("plan.json");
        CliResult plan = await _cli.RunAsync("sale", "plan", CaseHex, "--tiers", tiers, "-o", planPath);
        Assert.Contains("claim 3 (Ordinary, ProRata): owed 300000.00 yuan, allocated 205714.29 yuan to 62220000333344444 (张三)", plan.Output, StringComparison.Ordinal);
        Assert.Contains("claim 4 (Ordinary, ProRata): owed 400000.00 yuan, allocated 274285.71 yuan to 62220000555566666 (李四)", plan.Output, StringComparison.Ordinal);
        Match digests = DigestsOf().Match(plan.Output);
        Assert.True(digests.Success, plan.Output);
        Assert.Equal(4, JsonNode.Parse(File.ReadAllText(planPath))!["allocations"]!.AsArray().Count);

        // The court's clerk recomputes the digests offline and signs the plan's canonical bytes.
        string planBytes = _cli.Workspace.File("plan.bin");
        CliResult recomputed = await _cli.RunAsync("sale", "plan-digests", planPath, "--case", CaseHex, "--bytes", planBytes);
        Assert.Contains(digests.Value, recomputed.Output, StringComparison.Ordinal);
        Assert.Contains("plan check: the allocations sum to the proceeds", recomputed.Output, StringComparison.Ordinal);
        Assert.Equal(digests.Groups["sha256"].Value, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(planBytes))));
        ulong courtPlan = await _cli.ArtefactAsync("court-document", court, "--subject", "12", "--amount-fen", PriceFen.ToString(CultureInfo.InvariantCulture), "--document", planBytes);
        CliResult issued = await _cli.ApplyAsync("PlanIssued", "issue-plan", "--plan", planPath, "--artefact", Leaf(courtPlan));
        Assert.Equal(4, BookedTransfer().Count(issued.Output));
        ulong issuedLeaf = LeafOf(issued.Output);

        CliResult early = await _cli.Workspace.RunAsync("sale", "propose", CaseHex, "finalize-plan", "--lang", "en");
        Assert.Equal(2, early.ExitCode);
        Assert.StartsWith("error: the server would refuse this event: ObjectionWindowOpen: ", early.Error, StringComparison.Ordinal);

        CliResult shown = await _cli.RunAsync("sale", "show", CaseHex);
        Assert.Contains($"case {CaseHex} ((2026)鲁济南证字第0101号): PlanIssued, 9 transitions", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  enforcing court {court}", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  seizure 1: property 1, First, court {court} ((2025)鲁0102执123号), {Today}, claim 300000.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("  proposed price 1000000.00 yuan; the court's floor 900000.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  price 1000000.00 yuan, due by {Day(10)}", shown.Output, StringComparison.Ordinal);
        Assert.Contains("  plan (revision 0): net proceeds 1000000.00 yuan, debtor's surplus 0.00 yuan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("allocated 205714.29 yuan to 62220000333344444", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  plan received {Today}; objections ", shown.Output, StringComparison.Ordinal);

        // The statement, once a signed checkpoint covers the plan, verified as a court would: the distribution readable.
        await _cli.WaitSignedAsync(issuedLeaf);
        string statementPath = _cli.Workspace.File("sale.statement.json");
        await _cli.RunAsync("case", "statement", CaseHex, "--out", statementPath);
        CliResult verified = await _cli.RunAsync("case", "verify", statementPath, "--key", _cli.VerificationKeysPath);
        Assert.Contains($"leaf {issuedLeaf}: transition 9 IssuePlan, Transferred -> PlanIssued", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The case as the statement proves it: PlanIssued after 9 transitions", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The distribution as the statement proves it:", verified.Output, StringComparison.Ordinal);
        Assert.Contains("    claim 2 (Secured, Sequential): owed 500000.00 yuan, allocated 500000.00 yuan to 62220000111122222 (JINAN BANK)", verified.Output, StringComparison.Ordinal);
        Assert.Contains("payouts not instructed yet", verified.Output, StringComparison.Ordinal);
        Assert.Contains("Every plan issued is the one the court signed", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The case statement verifies", verified.Output, StringComparison.Ordinal);

        // Tampered: a transition left out (confirm-funding), or the ledger batch that booked the plan's allocations.
        CliResult broken = await _cli.VerifyWithoutAsync(statementPath, "gap.statement.json", EntryAt(fundedLeaf));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("the case's records do not replay", broken.Output, StringComparison.Ordinal);

        CliResult noPosting = await _cli.VerifyWithoutAsync(statementPath, "unbooked.statement.json", LastLedgerBatch);
        Assert.Equal(1, noPosting.ExitCode);
        Assert.Contains("transition 9 names transfer", noPosting.Output, StringComparison.Ordinal);
        Assert.Contains("which no ledger batch of the statement booked before it", noPosting.Output, StringComparison.Ordinal);

        // To the close on a real clock: the debtor objects within the window, the court upholds its plan
        // (the other way to a final plan; the window's end is driven in SealedSaleDeskTests), two notaries
        // approve the four payouts offline, the bank pays them, and the closed case verifies offline.
        await _cli.ApplyAsync("PlanDisputed", "dispute-plan", "--artefact", Leaf(await _cli.ArtefactAsync("objection", debtor)));
        ulong upheld = await _cli.ArtefactAsync("court-document", court, "--subject", "15");
        string message = _cli.Workspace.File("uphold.approval-message");
        await _cli.RunAsync("sale", "propose", CaseHex, "uphold-plan", "--artefact", Leaf(upheld), "--out", message);
        CliResult approval1 = await _cli.RunAsync("sale", "approve", message, "--party", notary, "--key", _cli.KeyFile("notary"), "--out", _cli.Workspace.File("uphold1.json"));
        Assert.Contains($"You approve, for case {CaseHex}, its transition 11 (UpholdPlan), exactly these 4 payouts and nothing else:", approval1.Output, StringComparison.Ordinal);
        await _cli.RunAsync("sale", "approve", message, "--party", notary2, "--key", _cli.KeyFile("notary2"), "--out", _cli.Workspace.File("uphold2.json"));
        CliResult final = await _cli.ApplyAsync("PlanFinal", "uphold-plan", "--artefact", Leaf(upheld), "--approval", _cli.Workspace.File("uphold1.json"), "--approval", _cli.Workspace.File("uphold2.json"));
        MatchCollection payouts = PayoutOf().Matches(final.Output);
        Assert.Equal(["20000.00", "500000.00", "205714.29", "274285.71"], payouts.Select(m => m.Groups["yuan"].Value));
        foreach (Match payout in payouts)
        {
            await _cli.ImportLineAsync(payout.Groups["id"].Value, long.Parse(payout.Groups["yuan"].Value.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture), 'D');
        }

        await _cli.ApplyAsync("Distributed", "confirm-distribution");
        CliResult closed = await _cli.ApplyAsync("Closed", "close");
        await _cli.WaitSignedAsync(LeafOf(closed.Output));
        await _cli.RunAsync("case", "statement", CaseHex, "--out", statementPath + ".closed");
        CliResult closedVerified = await _cli.RunAsync("case", "verify", statementPath + ".closed", "--key", _cli.VerificationKeysPath);
        Assert.Contains("The case as the statement proves it: Closed after 13 transitions", closedVerified.Output, StringComparison.Ordinal);
        Assert.Equal(4, PostedPayout().Count(closedVerified.Output));
        _cli.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task UnusableInput_OneLineAndExit2()
    {
        string badTerms = _cli.Workspace.Write("bad.terms.json", """{ "price_fen": 1, "buyer_refund_payee": { "bank_account": "1", "name": "x", "color": "red" } }""");
        string badDate = _cli.Workspace.Write("bad-date.terms.json", """
            { "price_fen": 1, "buyer_party_ids": [], "debtor_party_ids": [], "debtor_kind": 1,
              "buyer_refund_payee": { "bank_account": "1", "name": "x" }, "debtor_payee": { "bank_account": "2", "name": "y" }, "payment_due_date": "tomorrow" }
            """);
        string badPlan = _cli.Workspace.Write("bad.plan.json", """{ "net_proceeds_fen": 1, "tiers": [{ "kind": 300, "mode": 1, "claims": [] }], "allocations": [], "debtor_surplus_fen": 0 }""");

        CliResult unknownEvent = await _cli.Workspace.RunAsync("sale", "apply", CaseHex, "pay-everyone", "--lang", "en");
        CliResult terms = await _cli.Workspace.RunAsync("sale", "propose", CaseHex, "notarize-agreement", "--terms", badTerms, "--lang", "en");
        CliResult date = await _cli.Workspace.RunAsync("sale", "propose", CaseHex, "notarize-agreement", "--terms", badDate, "--lang", "en");
        CliResult plan = await _cli.Workspace.RunAsync("sale", "plan-digests", badPlan, "--case", CaseHex, "--lang", "en");
        CliResult notASale = await _cli.Workspace.RunAsync("sale", "show", CaseHex, "--lang", "en");
        CliResult chinese = await _cli.Workspace.RunAsync("sale", "apply", CaseHex, "pay-everyone");

        AssertUnusable(unknownEvent, terms, date, plan, notASale, chinese);
        Assert.StartsWith("error: 'pay-everyone' is not a case event: give one of record-seizure, propose-sale,", unknownEvent.Error, StringComparison.Ordinal);
        Assert.Contains($"{badTerms} is not a condition set JSON file (see docs/service.md): $.buyer_refund_payee.color:", terms.Error, StringComparison.Ordinal);
        Assert.Contains("$.payment_due_date: a day is YYYY-MM-DD, not 'tomorrow'", date.Error, StringComparison.Ordinal);
        Assert.Contains($"{badPlan} is not a distribution plan or claim tiers JSON file (see docs/service.md): $.tiers[0].kind:", plan.Error, StringComparison.Ordinal);
        Assert.Contains($"there is no case {CaseHex}", notASale.Error, StringComparison.Ordinal);
        Assert.StartsWith("错误：“pay-everyone”不是案件事件", chinese.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"payout (?<id>[0-9a-f]{32}): (?<yuan>[0-9.]+) yuan")]
    private static partial Regex PayoutOf();

    [GeneratedRegex(@"payout [0-9a-f]{32}: [0-9.]+ yuan, posted by the bank statement")]
    private static partial Regex PostedPayout();

    public void Dispose() => _cli.Dispose();

    [GeneratedRegex(@"document SHA-256 (?<sha256>[0-9a-f]{64}), SM3 (?<sm3>[0-9a-f]{64}), amount 100000000 fen")]
    private static partial Regex DigestsOf();
}
