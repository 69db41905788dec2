using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using PartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// Vault files handed over side by side to a real server killed (-9) at random moments and restarted
/// on its data: every file acknowledged is listed afterwards and served byte for byte, nothing half
/// written is left behind, and every file listed is whole. Its own server, since the kills would break
/// other tests' calls. Kill cycles: EVIDENCECHAIN_KILL_CYCLES (CI 2), as the other kill tests.
/// </summary>
public sealed class VaultKillTests : IDisposable
{
    private const int Uploaders = 2;
    private static readonly int s_cycles = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_KILL_CYCLES"), out int cycles) && cycles > 0 ? cycles : 2;

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Uploads_ServerKilledInTheMiddle_EveryAcknowledgedFileKeptWhole_NothingHalfWritten()
    {
        var random = new Random(20261129);
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>();
        string depositId = string.Empty;
        for (int cycle = 0; cycle <= s_cycles; cycle++)
        {
            using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", "--Security:DevelopmentRole=Enterprise", "--Vault:FreeSpaceReserveBytes=0");
            var vault = new VaultService.VaultServiceClient(service.Channel);
            if (cycle == 0)
            {
                depositId = await Depositor.DepositIncludedAsync(service);
            }

            // Nothing acknowledged before the kill is lost, and what is listed is whole; no upload is left half written.
            await AssertKeptAsync(vault, depositId, acknowledged);
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(_data.Path, "vault", "incoming")));
            if (cycle == s_cycles)
            {
                Assert.Equal(0, service.Terminate());
                service.ThrowIfErrorsLogged();
                break;
            }

            // Uploads of random vault-shaped files run until the kill; each is remembered once its answer is in.
            using var stop = new CancellationTokenSource();
            int seed = random.Next();
            Task[] uploads = [.. Enumerable.Range(0, Uploaders).Select(u => Task.Run(async () =>
            {
                var files = new Random(seed + u);
                while (!stop.IsCancellationRequested)
                {
                    byte[] file = await VaultFileAsync(files.Next(1, 300_000));
                    try
                    {
                        StoreVaultObjectResponse kept = await StoreAsync(vault, depositId, file);
                        acknowledged[Convert.ToHexStringLower(kept.Kept.CiphertextSha256.Span)] = file;
                    }
                    catch (RpcException)
                    {
                        // The kill: this file was never acknowledged.
                        return;
                    }
                }
            }))];
            while (acknowledged.Count < (cycle + 1) * 3 && !uploads.All(t => t.IsCompleted))
            {
                await Task.Delay(10);
            }

            await Task.Delay(random.Next(200));
            service.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(uploads);
        }

        Assert.True(acknowledged.Count >= 3 * s_cycles);
    }

    public void Dispose() => _data.Dispose();

    private static async Task AssertKeptAsync(VaultService.VaultServiceClient vault, string depositId, IReadOnlyDictionary<string, byte[]> acknowledged)
    {
        var listed = (await vault.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = depositId })).Objects
            .ToDictionary(o => Convert.ToHexStringLower(o.CiphertextSha256.Span));
        foreach ((string id, byte[] file) in acknowledged)
        {
            Assert.True(listed.ContainsKey(id), $"acknowledged vault file {id} is not listed after the restart");
        }

        foreach ((string id, VaultObjectLine line) in listed)
        {
            using AsyncServerStreamingCall<FetchVaultObjectResponse> call = vault.FetchVaultObject(new FetchVaultObjectRequest { DepositId = depositId, CiphertextSha256 = line.CiphertextSha256 });
            using var hasher = new ContentHasher();
            await foreach (FetchVaultObjectResponse chunk in call.ResponseStream.ReadAllAsync())
            {
                hasher.Append(chunk.Chunk.Span);
            }

            Assert.Equal(line.LengthBytes, (ulong)hasher.LengthBytes);
            Assert.Equal(id, hasher.Finish().Sha256.ToHex());
        }
    }

    private static async Task<StoreVaultObjectResponse> StoreAsync(VaultService.VaultServiceClient vault, string depositId, byte[] file)
    {
        using AsyncClientStreamingCall<StoreVaultObjectRequest, StoreVaultObjectResponse> call = vault.StoreVaultObject();
        await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Header = new VaultObjectHeader { DepositId = depositId, LengthBytes = (ulong)file.Length } });
        for (int at = 0; at < file.Length; at += 64 * 1024)
        {
            await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Chunk = ByteString.CopyFrom(file, at, Math.Min(64 * 1024, file.Length - at)) });
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>A real vault file of random content under a throwaway key: the service sees only its shape anyway.</summary>
    private static async Task<byte[]> VaultFileAsync(int contentLength)
    {
        using var key = Vault.VaultKey.Generate(Vault.VaultAlgorithm.XChaCha20Poly1305);
        using var output = new MemoryStream();
        await Vault.VaultWriter.EncryptAsync(new MemoryStream(RandomNumberGenerator.GetBytes(contentLength)), output, key, segmentSizeBytes: 16 * 1024);
        return output.ToArray();
    }
}
