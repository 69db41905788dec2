using System.Globalization;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Vault;

namespace EvidenceChain.Engine.Vault;

/// <summary>
/// Keeps owners' vault files (docs/vault.md §Custody): bytes the service cannot read, checked for the
/// shape a vault file has without its key, kept as a blob named by their SHA-256, and recorded as a
/// VaultStored custody event of the deposit, which is also how they are listed (the log is the index).
/// Whether the caller may is the service's access gate; this class checks what the bytes must be.
/// </summary>
public sealed class VaultCustody(IVaultBlobStore blobs, CustodyLog custody, ILogStore store, VaultCustodyOptions options)
{
    /// <summary>
    /// Takes a vault file of the deposit leaf <paramref name="deposit"/> from <paramref name="chunks"/>,
    /// exactly <paramref name="declaredLengthBytes"/> bytes: checks its header and length as it arrives,
    /// hashes it (SHA-256 and SM3), keeps it durably, then records the custody event and answers once
    /// that is durable. A refusal, a cancelled upload or a failure keeps nothing and records nothing.
    /// </summary>
    /// <exception cref="QueryException">
    /// InvalidArgument: not a deposit, a unit index out of range, a length out of range or not what
    /// arrived, or bytes that are not a vault file; Unavailable: no room for it, or the log cannot take the record.
    /// </exception>
    public async Task<(VaultObject Kept, VaultSummary Shape)> StoreAsync(
        Caller owner, StoredLeaf deposit, uint unitIndex, long declaredLengthBytes, IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(deposit);
        ArgumentNullException.ThrowIfNull(chunks);
        if (!LeafEnvelope.TryDecodeDeposit(deposit.Leaf, out DepositLeaf? leaf).IsValid)
        {
            throw Invalid($"leaf {deposit.LeafIndex} is not a deposit (it is a record of the log), so it has no content to keep");
        }

        if (unitIndex != CustodyVaultObject.WholeDeposit && unitIndex >= leaf!.UnitCount)
        {
            throw Invalid($"unit {unitIndex} is not one of the deposit's {leaf.UnitCount} units (0 to {leaf.UnitCount - 1})");
        }

        if (declaredLengthBytes <= 0 || declaredLengthBytes > options.ObjectLengthMaxBytes)
        {
            throw Invalid($"a vault file here is 1 to {options.ObjectLengthMaxBytes} bytes, not {declaredLengthBytes}");
        }

        if (blobs.AvailableFreeBytes - declaredLengthBytes < options.FreeSpaceReserveBytes)
        {
            throw new QueryException(QueryFailure.Unavailable, $"the service has no room for {declaredLengthBytes} more bytes now; nothing was kept");
        }

        using IVaultBlobUpload upload = blobs.BeginUpload();
        using var hasher = new ContentHasher();
        byte[] head = new byte[(int)Math.Min(declaredLengthBytes, VaultShape.HeaderLengthMaxBytes)];
        int headFilled = 0;
        VaultSummary? shape = null;
        await foreach (ReadOnlyMemory<byte> chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (hasher.LengthBytes + chunk.Length > declaredLengthBytes)
            {
                throw Invalid($"more than the {declaredLengthBytes} bytes declared arrived; nothing was kept");
            }

            // The header is checked as soon as it is in, so a stranger's bytes are refused at their start.
            if (shape is null)
            {
                int taken = Math.Min(chunk.Length, head.Length - headFilled);
                chunk.Span[..taken].CopyTo(head.AsSpan(headFilled));
                headFilled += taken;
                if (headFilled == head.Length)
                {
                    shape = ShapeOf(head, declaredLengthBytes);
                }
            }

            hasher.Append(chunk.Span);
            await upload.Content.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        if (hasher.LengthBytes != declaredLengthBytes)
        {
            throw Invalid($"{hasher.LengthBytes} of the {declaredLengthBytes} bytes declared arrived; nothing was kept");
        }

        DigestPair digest = hasher.Finish();
        upload.Commit(digest.Sha256);
        var file = new CustodyVaultObject(digest, (ulong)declaredLengthBytes, unitIndex);
        string detail = string.Create(CultureInfo.InvariantCulture, $"vault file of {declaredLengthBytes} bytes ({VaultFormat.AlgorithmName(shape!.Value.Algorithm)}, {shape.Value.SegmentCount} segments) kept for the deposit");
        ulong leafIndex = await custody.RecordVaultStoredAsync(owner, deposit.LeafHash, file, detail, cancellationToken).ConfigureAwait(false);
        StoredRecord recorded = store.FindRecord(leafIndex) ?? throw new InvalidOperationException($"The custody record of leaf {leafIndex} is durable but not in the store.");
        return (Decoded(leafIndex, recorded.Bytes), shape.Value);
    }

    /// <summary>The vault files kept for the deposit <paramref name="depositId"/>, oldest first, from custody leaf <paramref name="fromLeafIndex"/> on (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<VaultObject> ObjectsOf(Digest depositId, ulong fromLeafIndex, int limit)
    {
        if (limit is <= 0 or > RecordStatement.EntriesMax)
        {
            throw Invalid($"ask for 1 to {RecordStatement.EntriesMax} vault files, not {limit}");
        }

        return [.. store.ReadRecordsByKey(LeafRecord.VaultKey(depositId), fromLeafIndex, limit).Select(r => Decoded(r.LeafIndex, r.Bytes))];
    }

    /// <summary>The bytes of the vault file <paramref name="ciphertextSha256"/> kept for the deposit <paramref name="depositId"/>.</summary>
    /// <exception cref="QueryException">NotFound: no such file kept for that deposit; Unavailable: its blob is missing from the store.</exception>
    public Stream OpenRead(Digest depositId, Digest ciphertextSha256)
    {
        bool kept = false;
        ulong from = 0;
        while (!kept)
        {
            IReadOnlyList<VaultObject> page = ObjectsOf(depositId, from, RecordStatement.EntriesMax);
            kept = page.Any(o => o.File.CiphertextDigest.Sha256 == ciphertextSha256);
            if (page.Count < RecordStatement.EntriesMax)
            {
                break;
            }

            from = page[^1].CustodyLeafIndex + 1;
        }

        return !kept
            ? throw new QueryException(QueryFailure.NotFound, $"no vault file {ciphertextSha256} is kept for deposit {depositId}")
            : blobs.OpenRead(ciphertextSha256)
                ?? throw new QueryException(QueryFailure.Unavailable, $"the vault file {ciphertextSha256} is recorded as kept but its blob is missing from the store: tell the notary office");
    }

    private static VaultSummary ShapeOf(byte[] head, long lengthBytes)
    {
        try
        {
            return VaultShape.Of(head, lengthBytes);
        }
        catch (VaultFormatException e)
        {
            throw Invalid("the upload is not a vault file the service can keep: " + e.Message);
        }
    }

    private static VaultObject Decoded(ulong leafIndex, byte[] bytes) =>
        CustodyRecord.TryDecode(bytes, out CustodyRecord? record, out string reason) && record!.VaultObject is CustodyVaultObject file
            ? new VaultObject(leafIndex, record.RecordedAtMs, file)
            : throw new InvalidDataException($"Leaf {leafIndex}, kept under a deposit's vault key, is not a VaultStored custody record: {reason}");

    private static QueryException Invalid(string message) => new(QueryFailure.InvalidArgument, message);
}
