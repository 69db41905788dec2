using System.Security.Cryptography;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Secrets never reach the logs: the service runs with every logger at Trace, takes deposits (unary
/// and streamed), serves receipts, refuses bad input and stops; then its whole output is searched for
/// the depositor's master salt, party salts and signing seed, a receipt locator (a capability, read
/// through the public listener), and the notary's private keys, in hex and base64.
/// </summary>
public sealed class SecretsInLogsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task FullRunAtTrace_OutputHoldsNoSaltAndNoPrivateKey()
    {
        byte[] seed = RandomNumberGenerator.GetBytes(32);
        var depositor = new Depositor(seed);
        var secrets = new List<byte[]> { seed };
        string output;
        using (ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft=Trace", "--Logging:LogLevel:Grpc=Trace"))
        {
            string origin = service.Client.GetLogInfo(new GetLogInfoRequest()).Origin;
            var commits = Enumerable.Range(0, 3).Select(i => Depositor.Commit(RandomNumberGenerator.GetBytes(64))).ToList();
            foreach ((Core.Deposits.DepositEntry entry, Core.Receipts.SaltFile salt) in commits)
            {
                secrets.Add(salt.MasterSalt.Bytes.ToArray());
                secrets.Add(entry.PartySalt.Value.ToArray());
            }

            DepositResponse first = await service.Client.DepositAsync(depositor.Request(origin, [commits[0].Entry]));
            using (AsyncDuplexStreamingCall<DepositRequest, DepositResponse> stream = service.Client.DepositStream())
            {
                await stream.RequestStream.WriteAsync(depositor.Request(origin, [commits[1].Entry, commits[2].Entry], requestId: 7));
                await stream.RequestStream.CompleteAsync();
                Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
            }

            GetReceiptResponse receipt = new();
            for (int attempt = 0; attempt < 100 && !receipt.Included; attempt++)
            {
                await Task.Delay(50);
                receipt = await service.Client.GetReceiptAsync(new GetReceiptRequest { DepositId = first.Deposits[0].DepositId });
            }

            await service.Client.VerifyAsync(new VerifyRequest { ReceiptJson = receipt.ReceiptJson });

            // A locator is a capability: reading the receipt through it, at Trace, must not log it.
            MintLocatorResponse minted = await new LocatorService.LocatorServiceClient(service.Channel).MintLocatorAsync(new MintLocatorRequest { DepositId = first.Deposits[0].DepositId });
            using (var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) })
            {
                Assert.True((await http.GetAsync(new Uri(minted.Path, UriKind.Relative))).IsSuccessStatusCode);
                Assert.False((await http.GetAsync(new Uri("/v1/receipts/" + new string('0', 32), UriKind.Relative))).IsSuccessStatusCode);
            }

            secrets.Add(Convert.FromHexString(minted.Locator));
            await Assert.ThrowsAsync<RpcException>(async () => await service.Client.DepositAsync(new DepositRequest { DepositorPublicKey = Google.Protobuf.ByteString.CopyFrom(seed) }));
            Assert.True(receipt.Included);
            Assert.Equal(0, service.Terminate());
            output = service.Output;
        }

        // The built-in TSA's key, a PEM PKCS #8 block.
        string[] tsaKey = File.ReadAllLines(Path.Combine(_data.Path, "keys", "tsa.key"));
        secrets.Add(Convert.FromBase64String(string.Concat(tsaKey.Where(line => !line.StartsWith("-----", StringComparison.Ordinal)))));

        foreach (string keyFile in Directory.GetFiles(Path.Combine(_data.Path, "keys"), "notary-*.key"))
        {
            // PRIVATE+KEY+<name>+<key id>+<base64 of the key type byte and the secret> (the base64 may hold '+').
            byte[] encoded = Convert.FromBase64String(File.ReadAllText(keyFile).Trim().Split('+', 5)[4]);
            secrets.Add(encoded[1..]);
        }

        Assert.True(output.Length > 10_000, "trace logging produced too little output for the scan to mean anything");
        foreach (byte[] secret in secrets)
        {
            foreach (string form in (string[])[Convert.ToHexStringLower(secret), Convert.ToHexString(secret), Convert.ToBase64String(secret), Convert.ToBase64String(secret[..Math.Min(secret.Length, 24)])])
            {
                Assert.DoesNotContain(form, output, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose() => _data.Dispose();
}
