using System.Buffers.Binary;
using System.Text.Json.Nodes;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain ledger</c> against a real service: the office saves an account's statement, a
/// court verifies it offline with the log's keys, and a statement with a batch left out fails.
/// </summary>
public sealed class LedgerCommandTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Statement_SavedAndVerifiedOffline_OneBatchLeftOutFails()
    {
        using GrpcChannel channel = GrpcChannel.ForAddress(service.Address);
        var escrow = new EscrowService.EscrowServiceClient(channel);
        ulong bank = 0x7100, buyer = 0x7101, seller = 0x7102;
        await escrow.CreateAccountsAsync(new CreateAccountsRequest
        {
            Accounts =
            {
                new LedgerAccount { Id = Id(bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 },
                new LedgerAccount { Id = Id(buyer), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 2 },
                new LedgerAccount { Id = Id(seller), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 3 },
            },
        });
        await escrow.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { Transfer(0x7110, bank, buyer, 1_234_567_89) } });
        await escrow.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { Transfer(0x7111, buyer, seller, 234_567_89) } });

        using var workspace = new OnlineWorkspace(service.Address);
        string path = workspace.File("buyer.statement.json");
        string account = buyer.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        CliResult saved = await workspace.RunAsync("ledger", "statement", account, "--out", path, "--key", service.VerifierKeysPath, "--lang", "en");
        for (int attempt = 0; attempt < 50 && !saved.Output.Contains("3 ledger batches", StringComparison.Ordinal); attempt++)
        {
            // The last batch is provable once a checkpoint (every 100 ms) covers it.
            await Task.Delay(100);
            File.Delete(path);
            saved = await workspace.RunAsync("ledger", "statement", account, "--out", path, "--key", service.VerifierKeysPath, "--lang", "en");
        }

        CliResult verified = await workspace.RunAsync("ledger", "verify", path, "--key", service.VerifierKeysPath, "--lang", "en");
        JsonNode statement = JsonNode.Parse(File.ReadAllText(path))!;
        statement["entries"]!.AsArray().RemoveAt(1);
        string gap = workspace.Write("gap.statement.json", statement.ToJsonString());
        CliResult broken = await workspace.RunAsync("ledger", "verify", gap, "--key", service.VerifierKeysPath, "--lang", "en");

        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("balance: debits posted 234567.89 yuan, credits posted 1234567.89 yuan", verified.Output, StringComparison.Ordinal);
        Assert.Contains("The statement verifies", verified.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("do not follow on from each other", broken.Output, StringComparison.Ordinal);
    }

    private static ByteString Id(ulong value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    private static LedgerTransfer Transfer(ulong id, ulong debit, ulong credit, long amountFen) =>
        new() { Id = Id(id), DebitAccountId = Id(debit), CreditAccountId = Id(credit), AmountFen = amountFen, Ledger = 1, Code = 1 };
}
