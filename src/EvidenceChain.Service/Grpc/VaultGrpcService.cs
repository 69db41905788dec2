using System.Runtime.CompilerServices;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Vault;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using EvidenceChain.Vault;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// Custody of vault files over gRPC (vault.proto): the depositor streams a file in, lists what is
/// kept for its deposit and streams a file back out; nobody else may do either. The access check
/// comes before the first byte is read, so a refused caller's bytes never reach the disk.
/// </summary>
internal sealed class VaultGrpcService(VaultCustody vault, LogQueries queries, AccessGate gate) : VaultService.VaultServiceBase
{
    /// <summary>The largest chunk either way, and so the largest message a client sends.</summary>
    public const int ChunkLengthMaxBytes = 1024 * 1024;

    public override async Task<StoreVaultObjectResponse> StoreVaultObject(IAsyncStreamReader<StoreVaultObjectRequest> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        Caller caller = gate.CallerOf(context);
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false) || requestStream.Current.PartCase != StoreVaultObjectRequest.PartOneofCase.Header)
        {
            throw StatusErrors.Invalid("header", "the first message names the deposit and the file's length; the file's bytes follow it");
        }

        VaultObjectHeader header = requestStream.Current.Header;
        StoredLeaf leaf = StatusErrors.Run(() => queries.FindLeaf(WireIds.DepositId(header.DepositId)));
        gate.RequireDeposit(caller, Operation.StoreVault, leaf);
        if (header.LengthBytes > long.MaxValue)
        {
            throw StatusErrors.Invalid("length_bytes", $"{header.LengthBytes} bytes is no file's length");
        }

        uint unitIndex = header.HasUnitIndex ? header.UnitIndex : CustodyVaultObject.WholeDeposit;
        if (unitIndex == CustodyVaultObject.WholeDeposit && header.HasUnitIndex)
        {
            throw StatusErrors.Invalid("unit_index", "leave unit_index unset for a file of the whole deposit");
        }

        (VaultObject kept, VaultSummary shape) = await StatusErrors.RunAsync(
            () => vault.StoreAsync(caller, leaf, unitIndex, (long)header.LengthBytes, Chunks(requestStream, context.CancellationToken), context.CancellationToken)).ConfigureAwait(false);
        return new StoreVaultObjectResponse
        {
            Kept = Line(kept),
            AlgorithmName = VaultFormat.AlgorithmName(shape.Algorithm),
            SegmentSizeBytes = (uint)shape.SegmentSizeBytes,
            SegmentCount = (ulong)shape.SegmentCount,
        };
    }

    public override Task<ListVaultObjectsResponse> ListVaultObjects(ListVaultObjectsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        Caller caller = gate.CallerOf(context);
        Digest depositId = WireIds.DepositId(request.DepositId);
        gate.RequireDeposit(caller, Operation.ReadVault, StatusErrors.Run(() => queries.FindLeaf(depositId)));
        IReadOnlyList<VaultObject> page = StatusErrors.Run(() => vault.ObjectsOf(depositId, request.FromLeafIndex, Core.Records.RecordStatement.EntriesMax));
        var response = new ListVaultObjectsResponse
        {
            NextLeafIndex = page.Count == Core.Records.RecordStatement.EntriesMax ? page[^1].CustodyLeafIndex + 1 : 0,
        };
        response.Objects.AddRange(page.Select(Line));
        return Task.FromResult(response);
    }

    public override async Task FetchVaultObject(FetchVaultObjectRequest request, IServerStreamWriter<FetchVaultObjectResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        Caller caller = gate.CallerOf(context);
        Digest depositId = WireIds.DepositId(request.DepositId);
        gate.RequireDeposit(caller, Operation.ReadVault, StatusErrors.Run(() => queries.FindLeaf(depositId)));
        Digest ciphertextSha256 = request.CiphertextSha256.Length == Digest.SizeInBytes
            ? Digest.Read(request.CiphertextSha256.Span)
            : throw StatusErrors.Invalid("ciphertext_sha256", $"a vault file is named by the SHA-256 of its bytes, {Digest.SizeInBytes} bytes, not {request.CiphertextSha256.Length}");
        await using Stream blob = StatusErrors.Run(() => vault.OpenRead(depositId, ciphertextSha256));
        byte[] buffer = new byte[ChunkLengthMaxBytes];
        int read;
        while ((read = await blob.ReadAsync(buffer, context.CancellationToken).ConfigureAwait(false)) > 0)
        {
            await responseStream.WriteAsync(new FetchVaultObjectResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(IAsyncStreamReader<StoreVaultObjectRequest> requestStream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await requestStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            yield return requestStream.Current.PartCase == StoreVaultObjectRequest.PartOneofCase.Chunk
                ? requestStream.Current.Chunk.Memory
                : throw StatusErrors.Invalid("chunk", "after the header, every message carries the file's next bytes");
        }
    }

    private static VaultObjectLine Line(VaultObject kept)
    {
        var line = new VaultObjectLine
        {
            CiphertextSha256 = ByteString.CopyFrom(Digest.AsBytes(kept.File.CiphertextDigest.Sha256)),
            CiphertextSm3 = ByteString.CopyFrom(Digest.AsBytes(kept.File.CiphertextDigest.Sm3)),
            LengthBytes = kept.File.CiphertextLengthBytes,
            CustodyLeafIndex = kept.CustodyLeafIndex,
            StoredAtMs = kept.StoredAtMs,
        };
        if (kept.File.UnitIndex != CustodyVaultObject.WholeDeposit)
        {
            line.UnitIndex = kept.File.UnitIndex;
        }

        return line;
    }
}
