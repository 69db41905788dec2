using EvidenceChain.Core;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Records;
using EvidenceChain.DepositCertificates;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;

namespace EvidenceChain.Engine.Certificates;

/// <summary>
/// Issues deposit certificates (docs/deposit-certificate.md §Issued by the service): draws the certificate from
/// the deposit's receipt, verified first with the log's own keys; signs it with the notary's certificate (PAdES);
/// records the signed PDF's digests as a certificate leaf (type 7) before the PDF leaves; waits for the leaf's
/// checkpoint, and answers with the PDF and its proof (the receipt and the statement of the certificate's record).
/// The page also carries the notary's claims at issuance, which the receipt does not prove: when it signed the
/// receipt's checkpoint, and each proven anchor's depth as its own chain node sees it then.
/// </summary>
/// <param name="queries">Receipts, keys and the latest checkpoint.</param>
/// <param name="statements">The statement of the certificate's record.</param>
/// <param name="intake">Where the certificate leaf goes, through the group commit.</param>
/// <param name="chain">The chain the service anchors to, asked for the anchors' depth; null when anchoring is off.</param>
/// <param name="signer">The notary's document-signing key and certificate.</param>
/// <param name="options">The operator's particulars, the TSA trust, the wait for a checkpoint.</param>
/// <param name="time">The record's time.</param>
/// <param name="random">The record's nonce.</param>
public sealed class CertificateOffice(
    LogQueries queries,
    RecordStatements statements,
    LogIntake intake,
    IAnchorChain? chain,
    CertificateSigner signer,
    CertificateOfficeOptions options,
    TimeProvider time,
    RandomSource random)
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    // A node that does not answer must not hold a certificate up: the page then says the depth was not observed.
    private static readonly TimeSpan s_chainWaitMax = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The signed certificate of <paramref name="deposit"/>, with its proof. The depositor's
    /// <paramref name="declaredFiles"/> and <paramref name="locator"/> go on the page as the depositor's word.
    /// </summary>
    /// <exception cref="QueryException">
    /// NotYetSigned: the deposit is not in a signed checkpoint yet. InvalidArgument: the particulars cannot go on a
    /// certificate. Unavailable: the certificate's record was not in a checkpoint in time (no certificate is given).
    /// </exception>
    /// <exception cref="CertificateFontException">The server has no Chinese font to draw with.</exception>
    public async Task<CertificateIssue> IssueAsync(StoredLeaf deposit, IReadOnlyList<DeclaredFile> declaredFiles, Uri? locator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        var particulars = new CertificateParticulars(declaredFiles, options.OperatorName, options.Filing, locator);
        if (particulars.Problem() is string problem)
        {
            throw new QueryException(QueryFailure.InvalidArgument, problem);
        }

        ReceiptAnswer answer = queries.Receipt(deposit);
        if (!answer.Included)
        {
            throw new QueryException(QueryFailure.NotYetSigned, $"deposit {deposit.LeafIndex} is not in a signed checkpoint yet (latest tree size {answer.TreeSize}); ask again after the next one");
        }

        CertificateVerification verification = DepositCertificate.Verify(answer.ReceiptJson!, queries.VerifierKeys, evidence: null, options.TimestampTrust, particulars);
        DepositCertificate certificate = verification.Certificate
            ?? throw new InvalidOperationException($"The log's own receipt for leaf {deposit.LeafIndex} does not verify: {verification.Report.Verdict}.");
        var claims = new IssuanceClaims(
            DateTimeOffset.FromUnixTimeMilliseconds(answer.CheckpointSignedAtMs),
            AnchoringOn: chain is not null,
            await ObserveDepthsAsync(certificate.Report.VerifiedAnchors, cancellationToken).ConfigureAwait(false));
        byte[] pdf = CertificateRenderer.RenderSigned(certificate, claims, signer);

        CertificateRecord record = CertificateRecord.Of(certificate.DepositId, pdf, random);
        byte[] recordBytes = record.Encode();
        string key = CertificateRecord.KeyOf(record.Pdf.Sha256);
        RecordLeaf leaf = RecordLeaf.Over(LeafType.Certificate, CertificateRecord.Schema, time.GetUtcNow().ToUnixTimeMilliseconds(), recordBytes, []);
        ulong leafIndex = await intake.RecordAsync(leaf, new LeafRecord(recordBytes, [key]), cancellationToken).ConfigureAwait(false);

        await WaitForCheckpointAsync(leafIndex, cancellationToken).ConfigureAwait(false);
        RecordStatement statement = statements.StatementOf(key, leafIndex, limit: 1);
        return new CertificateIssue(pdf, new CertificateProof(answer.ReceiptJson!, statement), certificate.CertificateId, leafIndex);
    }

    /// <summary>Each proven anchor's depth as the service's own node sees it now, or why it was not seen; never longer than <see cref="s_chainWaitMax"/>.</summary>
    private async Task<IReadOnlyList<AnchorDepthClaim>> ObserveDepthsAsync(IReadOnlyList<EvmAnchorSection> anchors, CancellationToken cancellationToken)
    {
        // With anchoring off there is no node to ask; with no proven anchor, nothing to ask about.
        if (chain is null || anchors.Count == 0)
        {
            return [.. anchors.Select(_ => AnchorDepthClaim.NotObserved(AnchorDepthObservation.AnchoringOff))];
        }

        DateTimeOffset askedAt = time.GetUtcNow();
        try
        {
            // WaitAsync bounds the wait even where the chain client does not honour cancellation.
            return await ObserveAsync(chain, anchors, cancellationToken).WaitAsync(s_chainWaitMax, time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timed out, unreachable or refusing: the page says the node did not answer.
            return [.. anchors.Select(_ => AnchorDepthClaim.NotObserved(AnchorDepthObservation.NodeDidNotAnswer, askedAt))];
        }
    }

    private async Task<IReadOnlyList<AnchorDepthClaim>> ObserveAsync(IAnchorChain node, IReadOnlyList<EvmAnchorSection> anchors, CancellationToken cancellationToken)
    {
        AnchorTarget target = await node.TargetAsync(cancellationToken).ConfigureAwait(false);
        ulong head = await node.HeadBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset observedAt = time.GetUtcNow();
        var claims = new AnchorDepthClaim[anchors.Count];
        for (int i = 0; i < anchors.Count; i++)
        {
            EvmAnchorSection anchor = anchors[i];
            EvmLanding landing = anchor.Landing!;
            if (anchor.ChainId != target.ChainId || !string.Equals(anchor.Contract, target.Contract, StringComparison.OrdinalIgnoreCase))
            {
                claims[i] = AnchorDepthClaim.NotObserved(AnchorDepthObservation.OtherChain);
                continue;
            }

            // The head is read first, so the depth is at most what the node had by the time it confirms the block.
            string? blockHash = landing.BlockNumber > head ? null : await node.BlockHashAsync(landing.BlockNumber, cancellationToken).ConfigureAwait(false);
            claims[i] = string.Equals(blockHash, landing.BlockHash, StringComparison.OrdinalIgnoreCase)
                ? AnchorDepthClaim.Observed(landing.BlockNumber, head, observedAt)
                : AnchorDepthClaim.NotObserved(AnchorDepthObservation.BlockNotOnNodeChain, observedAt);
        }

        return claims;
    }

    private async Task WaitForCheckpointAsync(ulong leafIndex, CancellationToken cancellationToken)
    {
        DateTimeOffset deadline = time.GetUtcNow() + options.CheckpointWaitMax;
        while (queries.LatestCheckpointSizeOrZero() <= leafIndex)
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new QueryException(QueryFailure.Unavailable, $"the certificate's record (leaf {leafIndex}) was not in a signed checkpoint within {options.CheckpointWaitMax.TotalSeconds:0} s; ask for the certificate again");
            }

            await Task.Delay(s_pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
