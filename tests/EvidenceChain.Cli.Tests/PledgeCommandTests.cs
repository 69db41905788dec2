using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Net.Client;
using Registry = EvidenceChain.Pledges;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain pledge</c> against a real service (HTTP/2 on 127.0.0.1, real LiteDB): the owner deposits its
/// secret with the existing <c>deposit</c> command while the service runs as the development Enterprise (its key is
/// bound to it on first use); the service is then restarted on the same data as the notary office, which registers
/// the notary, the appraiser and the bank over gRPC, deposits the pledge contract, and drives registration,
/// valuation, application, notarization, activation, the release request and the bank's release through the CLI
/// alone, every signature made offline with <c>pledge sign</c>. The lender saves the encumbrance statement and
/// verifies it offline (the pledge in force, then none after the release); a tampered statement, one with a record
/// left out that the notary's signed count still counts, and one whose claim another key signed are invalid (exit 1).
/// From a pledge in force, default, a supervised sale and its proceeds split as docs/pledges.md's example, then the
/// close; and a transfer refused for the lock until the bank co-signs. Unusable input is one line and exit 2. A
/// <see cref="CaseCliDriver"/> cannot serve here: the
/// owner's deposit needs the service restarted in another role on the same data directory, which it does not do.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class PledgeCommandTests : IDisposable
{
    private const string Asset = "000000000000000000000000a55e7001";
    private const string Pledge = "00000000000000000000000091ed6e01";
    private const long SecuredFen = 10_000_000_00;
    private const long ValueFen = 35_000_000_00;

    private readonly TempDirectory _data = new();
    private readonly List<OnlineWorkspace> _previous = [];
    private ServiceHostProcess? _service;
    private OnlineWorkspace? _workspace;
    private GrpcChannel? _channel;

    // What the last signer of SignAndApplyAsync was shown before it signed.
    private string _lastSigned = string.Empty;

    [Fact]
    public async Task Pledge_RegisterToRelease_ThroughTheCli_StatementVerifiesOffline_TamperedIsInvalid()
    {
        Parties p = await PartiesAsync();
        (string owner, string ownerKey, string notary, string notaryKey, string bank, string bankKey) = (p.Owner, p.OwnerKey, p.Notary, p.NotaryKey, p.Bank, p.BankKey);
        (ulong secretLeaf, JsonNode opening, ulong contractLeaf) = (p.SecretLeaf, p.Opening, p.ContractLeaf);

        // Registration: proposed (who signs, the deposit as the service fills it, the message saved owner-only), signed by owner and notary, applied.
        string registration = RegistrationFile(p);
        CliResult proposed = await RunAsync("pledge", "propose", "register-asset", "--asset", Asset, "--command", registration, "--out", _workspace!.File("register.msg"));
        Assert.Contains("RegisterAsset: it would be the asset's event 1", proposed.Output, StringComparison.Ordinal);
        Assert.Contains($"signers, option 1: the owner {owner}, a notary (any Notary)", proposed.Output, StringComparison.Ordinal);
        Assert.Contains($"deposit leaf {secretLeaf} (Secret)", proposed.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_workspace.File("register.msg")));
        CliResult signed = await RunAsync("pledge", "sign", _workspace.File("register.msg"), "--party", owner, "--key", ownerKey, "--out", _workspace.File("register.owner.json"));
        Assert.Contains($"signing: asset {Asset}, event RegisterAsset, the asset's event 1", signed.Output, StringComparison.Ordinal);
        Assert.Contains($"  registers for owner {owner}; category: manufacturing process (heat treatment)", signed.Output, StringComparison.Ordinal);
        Assert.Contains($"  deposit leaf {secretLeaf} (Secret): 1 units\n    units root SHA-256 ", signed.Output, StringComparison.Ordinal);
        Assert.Contains($"    opened with key fingerprint {opening["key_fingerprint"]} and party salt {opening["party_salt"]}", signed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(ownerKey).Trim(), signed.Output + signed.Error, StringComparison.Ordinal);
        await RunAsync("pledge", "sign", _workspace.File("register.msg"), "--party", notary, "--key", notaryKey, "--out", _workspace.File("register.notary.json"));
        CliResult registered = await RunAsync(
            "pledge", "apply", "register-asset", "--asset", Asset, "--command", registration,
            "--signature", _workspace.File("register.owner.json"), "--signature", _workspace.File("register.notary.json"));
        Assert.Contains("RegisterAsset applied: the asset's event 1 (leaf ", registered.Output, StringComparison.Ordinal);
        Assert.Contains("  asset Registered", registered.Output, StringComparison.Ordinal);

        // The appraiser's valuation, signed with its own key over the asset's secret roots, recorded by the office with a notary's signature.
        string valuation = await ValuationAsync(p.Appraiser, p.AppraiserKey);
        Assert.Contains("  asset Valued", (await SignAndApplyAsync(["record-valuation", "--asset", Asset, "--command", valuation], (notary, notaryKey))).Output, StringComparison.Ordinal);

        // The bank's senior pledge: applied for by owner and bank, notarized, put in force.
        string terms = TermsFile(p);
        Assert.Contains("pledge Applied", (await SignAndApplyAsync(["apply-pledge", "--asset", Asset, "--pledge", Pledge, "--command", terms], (owner, ownerKey), (bank, bankKey))).Output, StringComparison.Ordinal);
        Assert.Contains(
            $"  pledgor {owner}, pledgee {bank}\n  secures 10000000.00 yuan (1000000000 fen)\n  term 2026-01-01 to 2028-12-31\n"
            + $"  rank 1; junior pledges behind it not allowed\n  notarized pledge contract: leaf {contractLeaf}; enforceable (赋强): yes",
            _lastSigned,
            StringComparison.Ordinal);
        Assert.Contains("pledge Notarized", (await SignAndApplyAsync(["notarize-pledge", "--asset", Asset, "--pledge", Pledge], (notary, notaryKey))).Output, StringComparison.Ordinal);
        Assert.Contains("  (the event has no other fields)", _lastSigned, StringComparison.Ordinal);
        CliResult active = await SignAndApplyAsync(["activate-pledge", "--asset", Asset, "--pledge", Pledge], (notary, notaryKey));
        Assert.Contains("ActivatePledge applied: the asset's event 5 (leaf ", active.Output, StringComparison.Ordinal);
        Assert.Contains("pledge Active", active.Output, StringComparison.Ordinal);

        CliResult shown = await RunAsync("pledge", "show", Asset);
        Assert.Contains($"asset {Asset}: Valued, owner {owner}, 5 events", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"pledge {Pledge}: Active, rank 1, secures 10000000.00 yuan, 2026-01-01 to 2028-12-31, pledgee {bank}", shown.Output, StringComparison.Ordinal);

        // The lender's check, offline with the published keys.
        await WaitSignedAsync(LeafOf(active.Output));
        string statement = _workspace.File("asset.statement.json");
        CliResult saved = await RunAsync("pledge", "statement", Asset, "-o", statement);
        Assert.Contains("as of event 5, 5 records", saved.Output, StringComparison.Ordinal);
        CliResult verified = await _workspace.RunAsync("pledge", "verify", statement, "--key", VerificationKeysPath, "--lang", "en");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains($"verified: the 5 records of asset {Asset} up to its event 5", verified.Output, StringComparison.Ordinal);
        Assert.Contains($"secret deposit leaf {secretLeaf}", verified.Output, StringComparison.Ordinal);
        Assert.Contains($"pledge in force, rank 1: secures 10000000.00 yuan, 2026-01-01 to 2028-12-31, pledgee {bank}, Active, enforceable", verified.Output, StringComparison.Ordinal);
        Assert.Contains("binds its parties", verified.Output, StringComparison.Ordinal);
        Assert.Contains("gives no priority over third parties", verified.Output, StringComparison.Ordinal);
        Assert.Contains($"the notary signs that asset {Asset} had exactly 5 events in the tree of size ", verified.Output, StringComparison.Ordinal);
        Assert.Contains("this statement shows events 1 to 5 (all of them)", verified.Output, StringComparison.Ordinal);

        // The same statement with the pledge's amount raised: its records do not replay to it.
        JsonNode tampered = JsonNode.Parse(File.ReadAllText(statement))!;
        tampered["pledgesInForce"]![0]!["securedFen"] = (SecuredFen * 2).ToString(CultureInfo.InvariantCulture);
        CliResult invalid = await _workspace.RunAsync("pledge", "verify", _workspace.Write("tampered.json", tampered.ToJsonString()), "--key", VerificationKeysPath, "--lang", "en");
        Assert.True(invalid.ExitCode == 1, invalid.ToString());
        Assert.Contains("invalid: the statement's encumbrance is not what its records replay to", invalid.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("verified:", invalid.Output, StringComparison.Ordinal);

        // The pledge's activation left out, as a server hiding it would: four records that replay cleanly, but the notary signed five.
        JsonNode omitted = JsonNode.Parse(File.ReadAllText(statement))!;
        JsonNode records = JsonNode.Parse(omitted["statementJson"]!.GetValue<string>())!;
        records["entries"]!.AsArray().RemoveAt(4);
        omitted["statementJson"] = records.ToJsonString();
        omitted["asOfEvent"] = "4";
        CliResult incomplete = await _workspace.RunAsync("pledge", "verify", _workspace.Write("omitted.json", omitted.ToJsonString()), "--key", VerificationKeysPath, "--lang", "en");
        Assert.True(incomplete.ExitCode == 1, incomplete.ToString());
        Assert.Equal(
            $"invalid: the notary signs that asset {Asset} has exactly 5 events in the tree of size {omitted["treeSize"]!.GetValue<string>()} and all of them were asked for, so the statement should show events 1 to 5; it shows 4",
            incomplete.Output.Trim());

        // A claim signed by another key than the log's, and a statement without a claim, fail alike in one line.
        JsonNode forged = JsonNode.Parse(File.ReadAllText(statement))!;
        string claimText = forged["claimNote"]!.GetValue<string>().Split("\n\n")[0] + "\n";
        using (var stranger = new Ed25519NoteSigner(claimText.Split('\n')[1], RandomNumberGenerator.GetBytes(Ed25519NoteSigner.SeedLengthBytes)))
        {
            forged["claimNote"] = SignedNote.Sign(claimText, stranger);
        }

        CliResult otherKey = await _workspace.RunAsync("pledge", "verify", _workspace.Write("forged.json", forged.ToJsonString()), "--key", VerificationKeysPath, "--lang", "en");
        Assert.True(otherKey.ExitCode == 1, otherKey.ToString());
        Assert.StartsWith("invalid: the notary's encumbrance claim does not verify: NoTrustedSignature", otherKey.Output, StringComparison.Ordinal);
        Assert.Single(otherKey.Output.Trim().Split('\n'));
        forged.AsObject().Remove("claimNote");
        CliResult unclaimed = await _workspace.RunAsync("pledge", "verify", _workspace.Write("unclaimed.json", forged.ToJsonString()), "--key", VerificationKeysPath, "--lang", "en");
        Assert.True(unclaimed.ExitCode == 1, unclaimed.ToString());
        Assert.Equal("invalid: the statement carries no encumbrance claim signed by the notary", unclaimed.Output.Trim());

        // Repaid: the owner asks for the release, the bank signs it, and a fresh statement shows the asset unencumbered.
        Assert.Contains("pledge ReleaseRequested", (await SignAndApplyAsync(["request-release", "--asset", Asset, "--pledge", Pledge], (owner, ownerKey))).Output, StringComparison.Ordinal);
        CliResult released = await SignAndApplyAsync(["release", "--asset", Asset, "--pledge", Pledge], (bank, bankKey));
        Assert.Contains("pledge Released", released.Output, StringComparison.Ordinal);
        await WaitSignedAsync(LeafOf(released.Output));
        string after = _workspace.File("asset.released.json");
        await RunAsync("pledge", "statement", Asset, "-o", after);
        CliResult unencumbered = await _workspace.RunAsync("pledge", "verify", after, "--key", VerificationKeysPath, "--lang", "en");
        Assert.True(unencumbered.ExitCode == 0, unencumbered.ToString());
        Assert.Contains($"verified: the 7 records of asset {Asset} up to its event 7", unencumbered.Output, StringComparison.Ordinal);
        Assert.Contains("  no pledge in force", unencumbered.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pledge in force, rank", unencumbered.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledge_DefaultEnforcementProceeds_ThroughTheCli_SplitPrintedThenClosed()
    {
        Parties p = await ActivePledgeAsync();

        // The bank declares default on its evidence, and with a notary starts a supervised sale.
        string overdue = _workspace!.Write("default.json", $$"""{ "evidence": {{Digests(ContentHasher.HashData("逾期通知 overdue notice 2027-03"u8))}} }""");
        Assert.Contains("pledge DefaultDeclared", (await SignAndApplyAsync(["declare-default", "--asset", Asset, "--pledge", Pledge, "--command", overdue], (p.Bank, p.BankKey))).Output, StringComparison.Ordinal);
        Assert.Contains("  the document it rests on: SHA-256 ", _lastSigned, StringComparison.Ordinal);
        CliResult started = await SignAndApplyAsync(["start-enforcement", "--asset", Asset, "--pledge", Pledge, "--route", "2"], (p.Bank, p.BankKey), (p.Notary, p.NotaryKey));
        Assert.Contains("pledge Enforcement", started.Output, StringComparison.Ordinal);
        Assert.Contains("  enforcement route SupervisedSale", _lastSigned, StringComparison.Ordinal);

        // The sale realises 12,000,000.00 yuan against 10,000,000.00 secured: the bank takes what it is owed, the pledgor the rest.
        CliResult proceeds = await SignAndApplyAsync(["record-proceeds", "--asset", Asset, "--pledge", Pledge, "--amount-fen", "1200000000"], (p.Notary, p.NotaryKey));
        Assert.Contains("  proceeds 12000000.00 yuan (1200000000 fen)", _lastSigned, StringComparison.Ordinal);
        Assert.Contains("RecordProceeds applied: the asset's event 8 (leaf ", proceeds.Output, StringComparison.Ordinal);
        Assert.Contains("  proceeds 12000000.00 yuan: pledgee 10000000.00 yuan, pledgor 2000000.00 yuan, shortfall 0.00 yuan", proceeds.Output, StringComparison.Ordinal);
        Assert.Contains("pledge Satisfied", proceeds.Output, StringComparison.Ordinal);

        CliResult closed = await SignAndApplyAsync(["close-pledge", "--asset", Asset, "--pledge", Pledge], (p.Notary, p.NotaryKey));
        Assert.Contains("ClosePledge applied: the asset's event 9 (leaf ", closed.Output, StringComparison.Ordinal);
        Assert.Contains("pledge Closed", closed.Output, StringComparison.Ordinal);
        CliResult shown = await RunAsync("pledge", "show", Asset);
        Assert.Contains($"asset {Asset}: Valued, owner {p.Owner}, 9 events", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"pledge {Pledge}: Closed, rank 1", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledge_TransferWhilePledged_RefusedNamingTheLock_AcceptedWithThePledgeesCoSignature()
    {
        Parties p = await ActivePledgeAsync();
        (string buyer, string buyerKey) = await PartyAsync("buyer", PartyRole.Enterprise);
        string agreement = _workspace!.Write("transfer.json", $$"""{ "evidence": {{Digests(ContentHasher.HashData("转让协议 transfer agreement"u8))}} }""");
        string[] transfer = ["record-transfer", "--asset", Asset, "--command", agreement, "--transferee", buyer];
        CliResult proposed = await RunAsync(["pledge", "propose", .. transfer]);
        Assert.Contains("  may also sign: ", proposed.Output, StringComparison.Ordinal);
        Assert.Contains(p.Bank, proposed.Output.Split("  may also sign: ")[1], StringComparison.Ordinal);

        // Owner, notary and buyer sign, the bank does not: refused in one line that names the lock and the pledgee missing, nothing recorded.
        string[] withoutBank = await ProposeAndSignAsync(transfer, (p.Owner, p.OwnerKey), (p.Notary, p.NotaryKey), (buyer, buyerKey));
        Assert.Contains($"  transferee (the new owner) {buyer}", _lastSigned, StringComparison.Ordinal);
        CliResult refused = await _workspace.RunAsync(["pledge", "apply", .. transfer, .. withoutBank, "--lang", "en"]);
        CaseCliDriver.AssertUnusable(refused);
        Assert.Contains("AssetLocked: the asset is pledged: RecordTransfer needs the co-signature of every pledgee in force (Civil Code 444)", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"missing {p.Bank}", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"asset {Asset}: Valued, owner {p.Owner}, 5 events", (await RunAsync("pledge", "show", Asset)).Output, StringComparison.Ordinal);

        // With the bank's co-signature the transfer is recorded; the pledge stays in force over the new owner's asset.
        string[] bank = await ProposeAndSignAsync(transfer, (p.Bank, p.BankKey));
        CliResult accepted = await RunAsync(["pledge", "apply", .. transfer, .. withoutBank, .. bank]);
        Assert.Contains("RecordTransfer applied: the asset's event 6 (leaf ", accepted.Output, StringComparison.Ordinal);
        CliResult shown = await RunAsync("pledge", "show", Asset);
        Assert.Contains($"asset {Asset}: Valued, owner {buyer}, 6 events", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"pledge {Pledge}: Active, rank 1", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"  event 6 RecordTransfer: owner {p.Owner} to {buyer}", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledge_UnusableInput_IsOneLineAndExitTwo()
    {
        Start("NotaryOffice");
        string unknownField = _workspace!.Write("unknown.json", """{ "terms": { "pledgor": "x" } }""");
        string notJson = _workspace.Write("broken.json", "{ \"route\": ");
        string notDay = _workspace.Write("day.json", """
            { "terms": { "pledgor_party_id": "a", "pledgee_party_id": "b", "secured_fen": 1, "term_start": "2026-1-1", "term_end": "2028-12-31", "rank": 1, "contract_leaf": 0 } }
            """);
        string badMessage = _workspace.Write("bad.msg", "not base64!\n");

        CliResult unknownEvent = await RunUnusableAsync("pledge", "propose", "mortgage-asset", "--asset", Asset);
        CliResult unknown = await RunUnusableAsync("pledge", "propose", "apply-pledge", "--asset", Asset, "--pledge", Pledge, "--command", unknownField);
        CliResult broken = await RunUnusableAsync("pledge", "apply", "start-enforcement", "--asset", Asset, "--pledge", Pledge, "--command", notJson);
        CliResult day = await RunUnusableAsync("pledge", "propose", "apply-pledge", "--asset", Asset, "--pledge", Pledge, "--command", notDay);
        CliResult asset = await RunUnusableAsync("pledge", "show", "A55E7");
        CliResult message = await RunUnusableAsync("pledge", "sign", badMessage, "--party", new string('1', 32), "--key", badMessage, "--out", _workspace.File("sig.json"));
        CliResult statement = await RunUnusableAsync("pledge", "verify", notJson, "--key", VerificationKeysPath);

        Assert.StartsWith("error: there is no pledge event mortgage-asset; the events are: register-asset, record-valuation, apply-pledge", unknownEvent.Error, StringComparison.Ordinal);
        Assert.Contains("is not a pledge event fields JSON file", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("$.terms.pledgor", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("is not a pledge event fields JSON file", broken.Error, StringComparison.Ordinal);
        Assert.Contains("$.terms.term_start: a day is YYYY-MM-DD, not '2026-1-1'", day.Error, StringComparison.Ordinal);
        Assert.Contains("the asset id A55E7 is not 32 lowercase hex digits", asset.Error, StringComparison.Ordinal);
        Assert.Contains("is not a pledge event message", message.Error, StringComparison.Ordinal);
        Assert.Contains("is not an encumbrance statement file", statement.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.File("sig.json")));
    }

    public void Dispose()
    {
        _channel?.Dispose();
        _workspace?.Dispose();
        _previous.ForEach(w => w.Dispose());
        _service?.Dispose();
        _service?.ThrowIfErrorsLogged();
        _data.Dispose();
    }

    private string VerificationKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    private static ulong LeafOf(string output) => ulong.Parse(LeafPattern().Match(output).Groups["leaf"].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// Starts the service on the data directory as the development party of <paramref name="role"/>, with a new workspace
    /// (its own depositor key) and channel; the previous workspace, holding the owner's files and key, is kept to the end.
    /// </summary>
    private void Start(string role)
    {
        _channel?.Dispose();
        _service?.Dispose();
        _service = ServiceHostProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}");
        if (_workspace is not null)
        {
            _previous.Add(_workspace);
        }

        _workspace = new OnlineWorkspace(_service.Address);
        _channel = GrpcChannel.ForAddress(_service.Address);
    }

    /// <summary>A registered party with its Ed25519 key bound over gRPC (setup, as <see cref="CaseCliDriver.PartyAsync"/>), and the seed in an owner-only key file.</summary>
    private async Task<(string PartyId, string KeyFile)> PartyAsync(string name, PartyRole role)
    {
        var parties = new PartyService.PartyServiceClient(_channel!);
        Party party = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = name });
        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes);
        using var key = new Ed25519MemoryKey(seed);
        await parties.BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
        string path = _workspace!.Write($"keys/{name}.key", Convert.ToBase64String(seed) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (party.Id, path);
    }

    /// <summary>The appraiser's valuation file: the asset's secret roots as the service holds them, signed with the appraiser's key file.</summary>
    private async Task<string> ValuationAsync(string appraiser, string appraiserKey)
    {
        GetAssetResponse asset = await new PledgeService.PledgeServiceClient(_channel!).GetAssetAsync(new GetAssetRequest { AssetId = Hex128.Bytes(UInt128.Parse(Asset, NumberStyles.HexNumber, CultureInfo.InvariantCulture)) });
        DigestPair[] roots = [.. asset.Deposits.Where(d => d.Role == 1).Select(d => new DigestPair(Digest.Read(d.UnitsRoot.Sha256.Span), Digest.Read(d.UnitsRoot.Sm3.Span)))];
        DigestPair report = ContentHasher.HashData("valuation report 2025-118 (资产评估报告)"u8);
        using var key = new Ed25519MemoryKey(Convert.FromBase64String(File.ReadAllText(appraiserKey).Trim()));
        Digest fingerprint = CaseSigningKey.FingerprintOf(key);
        DateOnly today = DateOnly.ParseExact(CaseCliDriver.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var valuation = new Registry.Valuation(appraiser, fingerprint, roots, ValueFen, report, today, new byte[SigningKey.SignatureLengthBytes]);
        byte[] signature = key.Sign(valuation.SignedBytes(new Registry.AssetId(UInt128.Parse(Asset, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
        return _workspace!.Write("valuation.json", $$"""
            {
              "valuation": {
                "appraiser_party_id": "{{appraiser}}", "key_fingerprint": "{{fingerprint.ToHex()}}",
                "matched_roots": [ {{string.Join(", ", roots.Select(Digests))}} ],
                "value_fen": {{ValueFen}}, "report": {{Digests(report)}}, "date": "{{CaseCliDriver.Today}}",
                "signature": "{{Convert.ToBase64String(signature)}}"
              }
            }
            """);
    }

    /// <summary>Proposes the event with its message saved, has each signer sign it offline, and applies it with their signatures.</summary>
    private async Task<CliResult> SignAndApplyAsync(string[] eventArguments, params (string Party, string Key)[] signers) =>
        await RunAsync(["pledge", "apply", .. eventArguments, .. await ProposeAndSignAsync(eventArguments, signers)]);

    /// <summary>Proposes the event with its message saved and has each signer sign it offline; the <c>--signature</c> arguments for <c>pledge apply</c>.</summary>
    private async Task<string[]> ProposeAndSignAsync(string[] eventArguments, params (string Party, string Key)[] signers)
    {
        string message = _workspace!.File($"{Guid.NewGuid():N}.msg");
        await RunAsync(["pledge", "propose", .. eventArguments, "--out", message]);
        var signatures = new List<string>();
        foreach ((string party, string key) in signers)
        {
            string signature = _workspace.File($"{Guid.NewGuid():N}.sig.json");
            _lastSigned = (await RunAsync("pledge", "sign", message, "--party", party, "--key", key, "--out", signature)).Output;
            signatures.AddRange(["--signature", signature]);
        }

        return [.. signatures];
    }

    /// <summary>
    /// The owner's secret deposited with the deposit command while the service runs as the development Enterprise; the
    /// service restarted on the same data as the notary office, which registers the notary, the appraiser and the bank
    /// and deposits the notarized pledge contract.
    /// </summary>
    private async Task<Parties> PartiesAsync()
    {
        Start("Enterprise");
        string owner = (await new PartyService.PartyServiceClient(_channel!).WhoAmIAsync(new WhoAmIRequest())).Id;
        string secret = _workspace!.Write("evidence/recipe.txt", $"淬火工艺参数 845°C 保温 40 min {Guid.NewGuid()}\n");
        await RunAsync("deposit", secret, "--kind", "trade-secret");
        DepositFiles files = DepositFiles.For(_workspace.File("evidence"), "recipe.txt");
        ulong secretLeaf = SavedReceipt.Verify(files.ReceiptPath, VerificationKeysPath).LeafIndex!.Value;
        JsonNode opening = JsonNode.Parse(File.ReadAllText(files.ReceiptPath))!["depositor_opening"]!;
        string ownerKey = _workspace.Write("keys/owner.key", File.ReadAllText(_workspace.DepositorKeyPath));
        File.SetUnixFileMode(ownerKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(0, _service!.Terminate());
        _service.ThrowIfErrorsLogged();

        Start("NotaryOffice");
        (string notary, string notaryKey) = await PartyAsync("notary", PartyRole.Notary);
        (string appraiser, string appraiserKey) = await PartyAsync("appraiser", PartyRole.Appraiser);
        (string bank, string bankKey) = await PartyAsync("bank", PartyRole.Lender);
        string contract = _workspace!.Write("contract/contract.pdf", $"质押合同（经公证） {Guid.NewGuid()}\n");
        await RunAsync("deposit", contract, "--kind", "document");
        ulong contractLeaf = SavedReceipt.Verify(DepositFiles.For(_workspace.File("contract"), "contract.pdf").ReceiptPath, VerificationKeysPath).LeafIndex!.Value;
        return new Parties(owner, ownerKey, notary, notaryKey, appraiser, appraiserKey, bank, bankKey, secretLeaf, opening, contractLeaf);
    }

    /// <summary>The story through the CLI up to the bank's senior pledge in force: the asset's events 1 to 5.</summary>
    private async Task<Parties> ActivePledgeAsync()
    {
        Parties p = await PartiesAsync();
        await SignAndApplyAsync(["register-asset", "--asset", Asset, "--command", RegistrationFile(p)], (p.Owner, p.OwnerKey), (p.Notary, p.NotaryKey));
        await SignAndApplyAsync(["record-valuation", "--asset", Asset, "--command", await ValuationAsync(p.Appraiser, p.AppraiserKey)], (p.Notary, p.NotaryKey));
        await SignAndApplyAsync(["apply-pledge", "--asset", Asset, "--pledge", Pledge, "--command", TermsFile(p)], (p.Owner, p.OwnerKey), (p.Bank, p.BankKey));
        await SignAndApplyAsync(["notarize-pledge", "--asset", Asset, "--pledge", Pledge], (p.Notary, p.NotaryKey));
        Assert.Contains("pledge Active", (await SignAndApplyAsync(["activate-pledge", "--asset", Asset, "--pledge", Pledge], (p.Notary, p.NotaryKey))).Output, StringComparison.Ordinal);
        return p;
    }

    /// <summary>The owner's registration of its secret deposit, opened with its receipt's depositor opening.</summary>
    private string RegistrationFile(Parties p) => _workspace!.Write("register.json", $$"""
        {
          "registration": {
            "owner_party_id": "{{p.Owner}}",
            "category": "manufacturing process (heat treatment)",
            "deposits": [ { "leaf_index": {{p.SecretLeaf}}, "role": 1, "key_fingerprint": "{{p.Opening["key_fingerprint"]}}", "party_salt": "{{p.Opening["party_salt"]}}" } ]
          }
        }
        """);

    /// <summary>The bank's senior pledge of 10,000,000.00 yuan, a 赋强 loan, on the deposited contract.</summary>
    private string TermsFile(Parties p) => _workspace!.Write("terms.json", $$"""
        {
          "terms": {
            "pledgor_party_id": "{{p.Owner}}", "pledgee_party_id": "{{p.Bank}}", "secured_fen": {{SecuredFen}},
            "term_start": "2026-01-01", "term_end": "2028-12-31", "rank": 1, "contract_leaf": {{p.ContractLeaf}}, "enforceable": true
          }
        }
        """);

    private static string Digests(DigestPair d) => $$"""{ "sha256": "{{d.Sha256.ToHex()}}", "sm3": "{{d.Sm3.ToHex()}}" }""";

    private async Task<CliResult> RunAsync(params string[] args)
    {
        CliResult result = await _workspace!.RunAsync([.. args, "--lang", "en"]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}\n{result}");
        return result;
    }

    private async Task<CliResult> RunUnusableAsync(params string[] args)
    {
        CliResult result = await _workspace!.RunAsync([.. args, "--lang", "en"]);
        CaseCliDriver.AssertUnusable(result);
        return result;
    }

    private async Task WaitSignedAsync(ulong leaf)
    {
        var evidence = new EvidenceService.EvidenceServiceClient(_channel!);
        for (int attempt = 0; attempt < 200 && (await evidence.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize <= leaf; attempt++)
        {
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"\(leaf (?<leaf>\d+)\)")]
    private static partial Regex LeafPattern();

    /// <summary>The parties of the story with their key files, the owner's secret deposit and its opening, and the contract's leaf.</summary>
    private sealed record Parties(
        string Owner, string OwnerKey, string Notary, string NotaryKey, string Appraiser, string AppraiserKey, string Bank, string BankKey, ulong SecretLeaf, JsonNode Opening, ulong ContractLeaf);
}
