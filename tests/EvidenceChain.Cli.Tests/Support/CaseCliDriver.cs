using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvidenceChain.Core.Signing;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A notary office driving one case through the CLI against a real service (its own data directory,
/// one escrow bank account whose statement lines it imports): runs <c>case</c> or <c>sale</c> commands
/// in English, records artefacts signed with the parties' key files, and waits for signed checkpoints.
/// Setup that is no step of the case (registering parties and binding their keys, creating the escrow
/// bank account) goes over gRPC.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class CaseCliDriver : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly GrpcChannel _channel;
    private readonly Dictionary<string, string> _names = [];
    private readonly string _command;
    private readonly string _bankNumber;
    private readonly ulong _bankAccount;
    private int _serial;

    /// <param name="command">The CLI command the case's events go through: <c>case</c> or <c>sale</c>.</param>
    /// <param name="caseHex">The case id, 32 hex digits.</param>
    /// <param name="bankNumber">The escrow bank's account number, as its statement lines name it.</param>
    /// <param name="bankAccount">The ledger account the service maps <paramref name="bankNumber"/> to.</param>
    public CaseCliDriver(string command, string caseHex, string bankNumber, ulong bankAccount)
    {
        _command = command;
        _bankNumber = bankNumber;
        _bankAccount = bankAccount;
        CaseHex = caseHex;
        Service = ServiceHostProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Bank:Accounts:{bankNumber}={Hex(bankAccount)}");
        Workspace = new OnlineWorkspace(Service.Address);
        _channel = GrpcChannel.ForAddress(Service.Address);
    }

    public string CaseHex { get; }

    public ServiceHostProcess Service { get; }

    public OnlineWorkspace Workspace { get; }

    /// <summary>The service's verification keys file, which a court verifies a statement with.</summary>
    public string VerificationKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    public static string Today => Day(0);

    public static string Hex(ulong value) => ((UInt128)value).ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>A day in China Standard Time, as the case rules count days, <paramref name="offset"/> days from today.</summary>
    public static string Day(int offset) =>
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Leaf(ulong leaf) => leaf.ToString(CultureInfo.InvariantCulture);

    /// <summary>The leaf index in the first "(leaf N)" of <paramref name="output"/>.</summary>
    public static ulong LeafOf(string output) => ulong.Parse(LeafPattern().Match(output).Groups["leaf"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"transfer (?<id>[0-9a-f]{32}): Ok")]
    public static partial Regex BookedTransfer();

    /// <summary>Picks, from a statement's entries, the one recorded at <paramref name="leaf"/>.</summary>
    public static Func<JsonArray, JsonNode?> EntryAt(ulong leaf) => entries => entries.Single(e => (ulong)e!["leaf_index"]! == leaf);

    /// <summary>Picks, from a statement's entries, the last ledger batch.</summary>
    public static JsonNode? LastLedgerBatch(JsonArray entries) =>
        entries.Last(e => Convert.FromBase64String((string)e!["record"]!).AsSpan().StartsWith("evidencechain/ledger-batch/v1\n"u8));

    /// <summary>Each of <paramref name="results"/> is a refusal of unusable input: exit 2 and one line of error.</summary>
    public static void AssertUnusable(params CliResult[] results) =>
        Assert.All(results, r =>
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.Error.Trim().Split('\n'));
        });

    /// <summary>The owner-only key file <see cref="PartyAsync"/> wrote for the party named <paramref name="name"/>.</summary>
    public string KeyFile(string name) => Workspace.File($"keys/{name}.key");

    /// <summary>Runs the CLI in English and requires exit 0.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        CliResult result = await Workspace.RunAsync([.. args, "--lang", "en"]);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}\n{result}");
        return result;
    }

    /// <summary>Applies an event to the case and requires it to move the case to <paramref name="state"/>.</summary>
    public async Task<CliResult> ApplyAsync(string state, params string[] eventArguments)
    {
        CliResult applied = await RunAsync([_command, "apply", CaseHex, .. eventArguments]);
        Assert.Contains($"applied: the case is now {state} (leaf ", applied.Output, StringComparison.Ordinal);
        return applied;
    }

    /// <summary>Creates the escrow bank account on the ledger over gRPC.</summary>
    public async Task CreateBankAccountAsync()
    {
        byte[] id = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(id, _bankAccount);
        CreateAccountsResponse created = await new EscrowService.EscrowServiceClient(_channel).CreateAccountsAsync(new CreateAccountsRequest
        {
            Accounts = { new LedgerAccount { Id = ByteString.CopyFrom(id), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 } },
        });
        Assert.Equal("Ok", Assert.Single(created.ResultNames));
    }

    /// <summary>A registered party with its Ed25519 key bound, and the key's seed in an owner-only key file named for it.</summary>
    public async Task<string> PartyAsync(string name, PartyRole role, bool canApprove = false)
    {
        var parties = new PartyService.PartyServiceClient(_channel);
        Party party = await parties.RegisterPartyAsync(new RegisterPartyRequest { Role = role, DisplayName = name, CanApprove = canApprove });
        byte[] seed = RandomNumberGenerator.GetBytes(Ed25519MemoryKey.SeedLengthBytes);
        using var key = new Ed25519MemoryKey(seed);
        await parties.BindKeyAsync(new BindKeyRequest { PartyId = party.Id, PublicKey = ByteString.CopyFrom(key.PublicKey), Algorithm = KeyAlgorithm.Ed25519 });
        string path = Workspace.Write($"keys/{name}.key", Convert.ToBase64String(seed) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _names[party.Id] = name;
        return party.Id;
    }

    /// <summary>
    /// An artefact made, signed and recorded by <c>case artefact</c> with the signer's key file (the
    /// issuer's, unless <c>--signer</c> is among <paramref name="more"/>) over a random document (unless
    /// <c>--document</c> is), waited for until a signed checkpoint includes it.
    /// </summary>
    public async Task<(ulong LeafIndex, string Signer, string DocumentPath, CliResult Recorded)> RecordArtefactAsync(string type, string issuer, params string[] more)
    {
        int signerAt = Array.IndexOf(more, "--signer");
        string signer = signerAt < 0 ? issuer : more[signerAt + 1];
        int documentAt = Array.IndexOf(more, "--document");
        string document = documentAt < 0 ? Workspace.Write($"documents/{Guid.NewGuid():N}.pdf", RandomNumberGenerator.GetBytes(256)) : more[documentAt + 1];
        string[] randomDocument = documentAt < 0 ? ["--document", document] : [];
        CliResult recorded = await RunAsync(["case", "artefact", CaseHex, "--type", type, "--issuer", issuer, .. randomDocument, "--key", KeyFile(_names[signer]), .. more]);
        ulong leaf = LeafOf(recorded.Output);
        await WaitSignedAsync(leaf);
        return (leaf, signer, document, recorded);
    }

    /// <summary>The leaf of an artefact recorded as <see cref="RecordArtefactAsync"/> records it.</summary>
    public async Task<ulong> ArtefactAsync(string type, string issuer, params string[] more) => (await RecordArtefactAsync(type, issuer, more)).LeafIndex;

    /// <summary>The bank's statement line for a pending transfer of the case (its EC reference), imported with <c>bank import</c>.</summary>
    public async Task ImportLineAsync(string transferId, long amountFen, char direction)
    {
        string csv = Workspace.Write($"statement-{++_serial}.csv", "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"line,{_bankNumber},S{_serial},{Today},{direction},{amountFen},6217001234567890123,EC{transferId}\n");
        CliResult imported = await RunAsync("bank", "import", csv);
        Assert.Contains("1 booked, 0 imported before, 0 incidents, 0 refused", imported.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <c>case verify</c> in English, with the service's verification keys, on a copy of the statement at
    /// <paramref name="statementPath"/> written as <paramref name="name"/> without the entry <paramref name="leftOut"/>
    /// picks; the exit code is the caller's to check.
    /// </summary>
    public Task<CliResult> VerifyWithoutAsync(string statementPath, string name, Func<JsonArray, JsonNode?> leftOut)
    {
        JsonNode statement = JsonNode.Parse(File.ReadAllText(statementPath))!;
        JsonArray entries = statement["entries"]!.AsArray();
        entries.Remove(leftOut(entries));
        return Workspace.RunAsync("case", "verify", Workspace.Write(name, statement.ToJsonString()), "--key", VerificationKeysPath, "--lang", "en");
    }

    /// <summary>Waits (10 s at most) until the service's signed checkpoint covers <paramref name="leaf"/>.</summary>
    public async Task WaitSignedAsync(ulong leaf)
    {
        var evidence = new EvidenceService.EvidenceServiceClient(_channel);
        for (int attempt = 0; attempt < 200 && (await evidence.GetCheckpointAsync(new GetCheckpointRequest())).TreeSize <= leaf; attempt++)
        {
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
        Workspace.Dispose();
        Service.Dispose();
        _data.Dispose();
    }

    [GeneratedRegex(@"\(leaf (?<leaf>\d+)\)")]
    private static partial Regex LeafPattern();
}
