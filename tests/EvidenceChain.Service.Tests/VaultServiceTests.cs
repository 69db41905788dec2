using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using EvidenceChain.Vault;
using Google.Protobuf;
using Grpc.Core;
using PartyRole = EvidenceChain.Core.Access.PartyRole;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The vault's custody on a real service (HTTP/2 on 127.0.0.1, real LiteDB and blob files): a
/// depositor's encrypted file goes in and comes back byte for byte and decrypts; the taking is a
/// VaultStored custody event with the ciphertext's digests; bytes that are not a vault file, a length
/// not as declared, a unit out of range or a cancelled upload keep nothing and record nothing; nobody
/// but the depositor (not the office) may store, list or fetch; and nothing the service stored
/// reveals the content: no plaintext, no unsalted digest of it, no key. Development mode has one role
/// per process, so each party is a restart on the same data.
/// </summary>
public sealed class VaultServiceTests : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task DepositorsVaultFile_RoundTrips_IsACustodyEvent_OthersRefused_BadUploadsKeepNothing_StoredBytesRevealNothing()
    {
        // The content: distinctive text repeated across many 4 KiB segments, so any plaintext left on disk would be found.
        string tag = "配方 formula " + Guid.NewGuid().ToString("N");
        byte[] content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 4000).Select(i => $"{tag} line {i}\n")));
        using VaultKey key = VaultKey.Generate(VaultAlgorithm.XChaCha20Poly1305);
        byte[] ciphertext = await EncryptAsync(content, key);
        Digest ciphertextSha256 = Digest.Read(SHA256.HashData(ciphertext));

        string depositId;
        string enterprise;
        using (ServiceProcess owner = Start(PartyRole.Enterprise))
        {
            enterprise = (await new PartyService.PartyServiceClient(owner.Channel).WhoAmIAsync(new WhoAmIRequest())).Id;
            depositId = await Depositor.DepositIncludedAsync(owner, content);
            var vault = new VaultService.VaultServiceClient(owner.Channel);

            StoreVaultObjectResponse stored = await StoreAsync(vault, Header(depositId, ciphertext.Length, unit: 0), ciphertext);
            Assert.Equal(("XChaCha20-Poly1305", 4096U), (stored.AlgorithmName, stored.SegmentSizeBytes));
            Assert.Equal((ulong)VaultFormat.SegmentCount(content.Length, 4096), stored.SegmentCount);
            Assert.Equal(SHA256.HashData(ciphertext), stored.Kept.CiphertextSha256.ToByteArray());
            Assert.Equal(Digest.AsBytes(Sm3.HashData(ciphertext)).ToArray(), stored.Kept.CiphertextSm3.ToByteArray());
            Assert.Equal(((ulong)ciphertext.Length, true, 0U), (stored.Kept.LengthBytes, stored.Kept.HasUnitIndex, stored.Kept.UnitIndex));
            Assert.True(File.Exists(Path.Combine(_data.Path, "vault", ciphertextSha256.ToHex() + ".vault")));

            // Refused uploads: each is INVALID_ARGUMENT with the reason, and none is kept or recorded.
            byte[] notVault = RandomNumberGenerator.GetBytes(5000);
            await AssertRefusedAsync(vault, Header(depositId, notVault.Length), notVault, "not a vault file");
            await AssertRefusedAsync(vault, Header(depositId, ciphertext.Length - 1), ciphertext, "more than the");
            await AssertRefusedAsync(vault, Header(depositId, ciphertext.Length + 1), ciphertext, "of the");
            byte[] cut = ciphertext.AsSpan(0, CutInsideLastTag(ciphertext.Length)).ToArray();
            await AssertRefusedAsync(vault, Header(depositId, cut.Length), cut, "cut short");
            await AssertRefusedAsync(vault, Header(depositId, ciphertext.Length, unit: 1), ciphertext, "not one of the deposit's 1 units");
            await AssertRefusedAsync(vault, Header(depositId, 0), [], "1 to");
            await CancelMidwayAsync(vault, Header(depositId, ciphertext.Length), ciphertext);

            // What is kept: the one file, fetched back byte for byte, and it decrypts to the content under the owner's key.
            VaultObjectLine listed = Assert.Single((await vault.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = depositId })).Objects);
            Assert.Equal(stored.Kept, listed);
            byte[] fetched = await FetchAsync(vault, depositId, stored.Kept.CiphertextSha256);
            Assert.Equal(ciphertext, fetched);
            Assert.Equal(content, await DecryptAsync(fetched, key));
            RpcException unknown = await Assert.ThrowsAsync<RpcException>(() => FetchAsync(vault, depositId, ByteString.CopyFrom(new byte[32])));
            Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

            // The custody trail: the key bound at the deposit, then the one VaultStored event with the ciphertext's digests.
            IReadOnlyList<CustodyRecord> trail = await IncludedTrailAsync(owner);
            Assert.Equal([CustodyAction.KeyBound, CustodyAction.VaultStored], trail.Select(r => r.Action));
            CustodyRecord taken = trail[^1];
            Assert.Equal((enterprise, CustodySubjectKind.Deposit, depositId), (taken.Actor!.PartyId, taken.SubjectKind, Convert.ToHexStringLower(taken.Subject)));
            Assert.Equal(new CustodyVaultObject(new DigestPair(ciphertextSha256, Sm3.HashData(ciphertext)), (ulong)ciphertext.Length, 0), taken.VaultObject);
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(_data.Path, "vault", "incoming")));
            Assert.Equal(0, owner.Terminate());
            owner.ThrowIfErrorsLogged();
        }

        // Nobody else: not another party, not the notary office.
        foreach (PartyRole role in new[] { PartyRole.Appraiser, PartyRole.NotaryOffice })
        {
            using ServiceProcess other = Start(role);
            var vault = new VaultService.VaultServiceClient(other.Channel);
            RpcException store = await Assert.ThrowsAsync<RpcException>(() => StoreAsync(vault, Header(depositId, ciphertext.Length), ciphertext));
            RpcException list = await Assert.ThrowsAsync<RpcException>(async () => await vault.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = depositId }));
            RpcException fetch = await Assert.ThrowsAsync<RpcException>(() => FetchAsync(vault, depositId, ByteString.CopyFrom(Digest.AsBytes(ciphertextSha256))));
            Assert.All(new[] { store, list, fetch }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
            Assert.Contains("its depositor's alone", fetch.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(0, other.Terminate());
        }

        // Restarted as the owner: the file is listed from the log and served again.
        using (ServiceProcess owner = Start(PartyRole.Enterprise))
        {
            var vault = new VaultService.VaultServiceClient(owner.Channel);
            VaultObjectLine listed = Assert.Single((await vault.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = depositId })).Objects);
            Assert.Equal(ciphertext, await FetchAsync(vault, depositId, listed.CiphertextSha256));
            Assert.Equal(0, owner.Terminate());
        }

        // Stored bytes reveal nothing: no file under the data directory holds the content, a line of it,
        // its unsalted SHA-256 or SM3 (raw, hex or base64) or the key; the blob is exactly the ciphertext.
        byte[][] files = [.. Directory.EnumerateFiles(_data.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllBytes)];
        Assert.Contains(files, file => file.AsSpan().SequenceEqual(ciphertext));
        byte[] sha256 = SHA256.HashData(content);
        byte[] sm3 = Digest.AsBytes(Sm3.HashData(content)).ToArray();
        byte[][] needles =
        [
            Encoding.UTF8.GetBytes(tag), Encoding.UTF8.GetBytes(Guid.Parse(tag[^32..]).ToString("N")), sha256, sm3,
            .. new[] { sha256, sm3 }.SelectMany(d => new[] { Convert.ToHexStringLower(d), Convert.ToHexString(d), Convert.ToBase64String(d) }).Select(Encoding.ASCII.GetBytes),
        ];
        foreach (byte[] needle in needles)
        {
            Assert.DoesNotContain(files, file => file.AsSpan().IndexOf(needle) >= 0);
        }
    }

    public void Dispose() => _data.Dispose();

    /// <summary>A length that ends 10 bytes into the last segment, so it is shorter than its tag: no writer makes it.</summary>
    private static int CutInsideLastTag(int length)
    {
        int sealedSegment = 4096 + VaultFormat.TagLengthBytes;
        int body = length - VaultFormat.HeaderLengthBytes(VaultAlgorithm.XChaCha20Poly1305);
        int last = body % sealedSegment == 0 ? sealedSegment : body % sealedSegment;
        return length - last + 10;
    }

    private static VaultObjectHeader Header(string depositId, long length, uint? unit = null)
    {
        var header = new VaultObjectHeader { DepositId = depositId, LengthBytes = (ulong)length };
        if (unit is uint index)
        {
            header.UnitIndex = index;
        }

        return header;
    }

    private static async Task<StoreVaultObjectResponse> StoreAsync(VaultService.VaultServiceClient vault, VaultObjectHeader header, byte[] bytes)
    {
        using AsyncClientStreamingCall<StoreVaultObjectRequest, StoreVaultObjectResponse> call = vault.StoreVaultObject();
        await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Header = header });
        try
        {
            for (int at = 0; at < bytes.Length; at += ChunkBytes)
            {
                await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Chunk = ByteString.CopyFrom(bytes, at, Math.Min(ChunkBytes, bytes.Length - at)) });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service refused before the last chunk: its status is the answer below.
        }

        return await call.ResponseAsync;
    }

    private async Task AssertRefusedAsync(VaultService.VaultServiceClient vault, VaultObjectHeader header, byte[] bytes, string reason)
    {
        RpcException refused = await Assert.ThrowsAsync<RpcException>(() => StoreAsync(vault, header, bytes));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(reason, refused.Status.Detail, StringComparison.Ordinal);
        await AssertNothingIncomingAsync();
        Assert.Single((await vault.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = header.DepositId })).Objects);
    }

    /// <summary>The client gives up halfway: the service drops the partial upload and records nothing.</summary>
    private async Task CancelMidwayAsync(VaultService.VaultServiceClient vault, VaultObjectHeader header, byte[] bytes)
    {
        using var cancel = new CancellationTokenSource();
        using AsyncClientStreamingCall<StoreVaultObjectRequest, StoreVaultObjectResponse> call = vault.StoreVaultObject(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Header = header });
        await call.RequestStream.WriteAsync(new StoreVaultObjectRequest { Chunk = ByteString.CopyFrom(bytes, 0, bytes.Length / 2) });
        await cancel.CancelAsync();
        RpcException cancelled = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);
        await AssertNothingIncomingAsync();
        Assert.Single((await vault.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = header.DepositId })).Objects);
    }

    /// <summary>No upload left behind (bounded poll: the service drops a refused or cancelled upload as its call ends).</summary>
    private async Task AssertNothingIncomingAsync()
    {
        string incoming = Path.Combine(_data.Path, "vault", "incoming");
        for (int attempt = 0; attempt < 100 && Directory.EnumerateFiles(incoming).Any(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.Empty(Directory.EnumerateFiles(incoming));
    }

    private static async Task<byte[]> FetchAsync(VaultService.VaultServiceClient vault, string depositId, ByteString sha256)
    {
        using AsyncServerStreamingCall<FetchVaultObjectResponse> call = vault.FetchVaultObject(new FetchVaultObjectRequest { DepositId = depositId, CiphertextSha256 = sha256 });
        using var bytes = new MemoryStream();
        await foreach (FetchVaultObjectResponse chunk in call.ResponseStream.ReadAllAsync())
        {
            chunk.Chunk.WriteTo(bytes);
        }

        return bytes.ToArray();
    }

    private static async Task<byte[]> EncryptAsync(byte[] content, VaultKey key)
    {
        using var output = new MemoryStream();
        await VaultWriter.EncryptAsync(new MemoryStream(content), output, key, segmentSizeBytes: 4096);
        return output.ToArray();
    }

    private static async Task<byte[]> DecryptAsync(byte[] ciphertext, VaultKey key)
    {
        using var output = new MemoryStream();
        await VaultReader.DecryptAsync(new MemoryStream(ciphertext), output, key);
        return output.ToArray();
    }

    private ServiceProcess Start(PartyRole role) =>
        ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", $"--Security:DevelopmentRole={role}", "--Vault:FreeSpaceReserveBytes=0");

    private async Task<IReadOnlyList<CustodyRecord>> IncludedTrailAsync(ServiceProcess service)
    {
        var client = new CustodyService.CustodyServiceClient(service.Channel);
        GetCustodyTrailResponse page = new() { MorePending = true };
        for (int attempt = 0; attempt < 100 && page.MorePending; attempt++)
        {
            page = await client.GetCustodyTrailAsync(new GetCustodyTrailRequest());
            await Task.Delay(page.MorePending ? 50 : 0);
        }

        Assert.True(RecordStatement.TryParse(page.TrailJson, out RecordStatement? trail).IsValid);
        Verdict verdict = CustodyTrail.Verify(trail!, File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Select(NoteVerifierKey.Parse).ToList(), out _, out IReadOnlyList<CustodyRecord> records);
        Assert.True(verdict.IsValid, verdict.ToString());
        return records;
    }
}
