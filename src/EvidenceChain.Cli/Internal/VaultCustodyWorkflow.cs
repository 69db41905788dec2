using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Vault;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The work of <c>vault put</c>, <c>vault list</c> and <c>vault get</c>: a depositor hands the service
/// a vault file of one of its deposits to keep, lists what is kept, and takes a file back, checked
/// against its custody record before it gets its name. Only ciphertext ever leaves this machine; the
/// key is never read here. Whether the caller may is the service's decision (docs/roles.md).
/// </summary>
internal static class VaultCustodyWorkflow
{
    public static async Task<ExitCode> PutAsync(CliContext context, VaultText text, ServerChoice server, string vaultPath, string depositId, uint? unit, CancellationToken cancellationToken)
    {
        CheckDepositId(depositId);
        await using FileStream file = VaultWorkflow.OpenInput(vaultPath);

        // The shape is checked here too, so a plaintext file given by mistake is refused before a byte is sent.
        byte[] head = new byte[(int)Math.Min(file.Length, VaultShape.HeaderLengthMaxBytes)];
        await file.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        try
        {
            VaultShape.Of(head, file.Length);
        }
        catch (VaultFormatException e)
        {
            throw new VaultInputException(VaultProblem.NotAVaultFile, vaultPath, text.Describe(e), e);
        }

        file.Position = 0;
        var header = new VaultObjectHeader { DepositId = depositId, LengthBytes = (ulong)file.Length };
        if (unit is uint index)
        {
            header.UnitIndex = index;
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        StoreVaultObjectResponse stored = await connection.StoreVaultObjectAsync(header, file, cancellationToken).ConfigureAwait(false);
        VaultObjectLine kept = stored.Kept;
        context.Output.WriteLine(text.Kept(
            Convert.ToHexStringLower(kept.CiphertextSha256.Span), kept.LengthBytes, text.UnitOf(kept.HasUnitIndex ? kept.UnitIndex : null), kept.CustodyLeafIndex, stored.AlgorithmName, stored.SegmentCount));
        return ExitCode.Success;
    }

    public static async Task<ExitCode> ListAsync(CliContext context, VaultText text, ServerChoice server, string depositId, CancellationToken cancellationToken)
    {
        CheckDepositId(depositId);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        IReadOnlyList<VaultObjectLine> kept = await AllKeptAsync(connection, depositId, cancellationToken).ConfigureAwait(false);
        foreach (VaultObjectLine line in kept)
        {
            context.Output.WriteLine(text.ObjectLine(
                Convert.ToHexStringLower(line.CiphertextSha256.Span), line.LengthBytes, text.UnitOf(line.HasUnitIndex ? line.UnitIndex : null), line.CustodyLeafIndex, LocatorText.Time(line.StoredAtMs)));
        }

        if (kept.Count == 0)
        {
            context.Output.WriteLine(text.NoObjects);
        }

        return ExitCode.Success;
    }

    /// <summary>
    /// Fetches the kept file <paramref name="objectId"/> into a new file beside <paramref name="output"/>,
    /// which gets its name only if its length, SHA-256 and SM3 are the custody record's: 0 fetched, 1 not as recorded.
    /// </summary>
    public static async Task<ExitCode> GetAsync(CliContext context, VaultText text, ReportText report, ServerChoice server, string depositId, string objectId, string output, CancellationToken cancellationToken)
    {
        CheckDepositId(depositId);
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        VaultObjectLine recorded = (await AllKeptAsync(connection, depositId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(line => Convert.ToHexStringLower(line.CiphertextSha256.Span) == objectId)
            ?? throw new VaultInputException(VaultProblem.NotKept, objectId);
        using VaultOutputFile destination = VaultOutputFile.Create(output, ownerOnly: true);
        using var hasher = new ContentHasher();
        await connection.FetchVaultObjectAsync(
            new FetchVaultObjectRequest { DepositId = depositId, CiphertextSha256 = recorded.CiphertextSha256 },
            (long)recorded.LengthBytes,
            async chunk =>
            {
                hasher.Append(chunk.Span);
                await destination.Stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        long received = hasher.LengthBytes;
        DigestPair digest = hasher.Finish();
        if ((ulong)received != recorded.LengthBytes
            || !Digest.AsBytes(digest.Sha256).SequenceEqual(recorded.CiphertextSha256.Span)
            || !Digest.AsBytes(digest.Sm3).SequenceEqual(recorded.CiphertextSm3.Span))
        {
            context.Error.WriteLine(report.ErrorPrefix + text.NotAsRecorded(Path.GetFullPath(output)));
            return ExitCode.Invalid;
        }

        destination.Commit();
        context.Output.WriteLine(text.Fetched(Path.GetFullPath(output), received));
        return ExitCode.Success;
    }

    private static async Task<IReadOnlyList<VaultObjectLine>> AllKeptAsync(NotaryConnection connection, string depositId, CancellationToken cancellationToken)
    {
        var kept = new List<VaultObjectLine>();
        ulong from = 0;
        do
        {
            ListVaultObjectsResponse page = await connection.ListVaultObjectsAsync(new ListVaultObjectsRequest { DepositId = depositId, FromLeafIndex = from }, cancellationToken).ConfigureAwait(false);
            kept.AddRange(page.Objects);
            from = page.NextLeafIndex;
        }
        while (from != 0);
        return kept;
    }

    private static void CheckDepositId(string depositId)
    {
        if (depositId.Length != 2 * Digest.SizeInBytes || !depositId.All(char.IsAsciiHexDigitLower))
        {
            throw new OnlineInputException(OnlineProblem.DepositIdMalformed, depositId);
        }
    }
}
