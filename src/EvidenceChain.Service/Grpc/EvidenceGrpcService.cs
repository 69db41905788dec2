using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Internal;
using Google.Protobuf;
using Grpc.Core;
using PartyKey = EvidenceChain.Core.Access.PartyKey;
using ProtoAcceptedDeposit = EvidenceChain.Protocol.V1.AcceptedDeposit;
using ProtoDepositEntry = EvidenceChain.Protocol.V1.DepositEntry;
using ProtoAnchorState = EvidenceChain.Protocol.V1.AnchorState;
using ProtoDepositRequest = EvidenceChain.Protocol.V1.DepositRequest;

namespace EvidenceChain.Service.Grpc;

/// <summary>
/// EvidenceService over gRPC: thin methods that check the wire shapes, call the engine and map its
/// answers. Every refusal goes through <see cref="StatusErrors"/> and changes nothing.
/// </summary>
internal sealed class EvidenceGrpcService(LogIntake intake, LogQueries queries, CustodyLog custody, AnchoringView anchoring, AccessGate gate, TimeProvider time) : EvidenceService.EvidenceServiceBase
{
    public override async Task<DepositResponse> Deposit(ProtoDepositRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.SubmitDeposit);
        return await DepositOne(caller, request, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task DepositStream(IAsyncStreamReader<ProtoDepositRequest> requestStream, IServerStreamWriter<DepositResponse> responseStream, ServerCallContext context)
    {
        // Requests are submitted as they arrive and answered in the order their batches commit,
        // so one stream keeps many requests in one group commit. Responses carry request_id.
        Caller caller = gate.CallerOf(context);
        AccessGate.Require(caller, Operation.SubmitDeposit);
        var inFlight = new List<Task>();
        var writeLock = new SemaphoreSlim(1, 1);
        await foreach (ProtoDepositRequest request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            inFlight.Add(AnswerAsync(request));
            inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);

        async Task AnswerAsync(ProtoDepositRequest request)
        {
            gate.Admit(caller);
            DepositResponse response = await DepositOne(caller, request, context.CancellationToken).ConfigureAwait(false);
            await writeLock.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
            }
            finally
            {
                writeLock.Release();
            }
        }
    }

    public override async Task<GetReceiptResponse> GetReceipt(GetReceiptRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        StoredLeaf leaf = Query(() => request.DepositCase switch
        {
            GetReceiptRequest.DepositOneofCase.DepositId => queries.FindLeaf(WireIds.DepositId(request.DepositId)),
            GetReceiptRequest.DepositOneofCase.LeafIndex => queries.FindLeaf(request.LeafIndex),
            _ => throw StatusErrors.Invalid("deposit", "give a deposit_id or a leaf_index"),
        });
        (Ownership ownership, string? owner) = gate.RequireDeposit(caller, Operation.ReadReceipt, leaf);
        ReceiptAnswer answer = Query(() => queries.Receipt(leaf, request.TreeSize));

        // Another party's receipt is handed out only once the read is on the record.
        if (ownership == Ownership.Other)
        {
            await StatusErrors.RunAsync(() => custody.RecordAsync(
                CustodyAction.ReceiptRead,
                caller,
                owner is null ? [] : [owner],
                CustodySubjectKind.Deposit,
                leaf.LeafHash.ToArray(),
                $"receipt of leaf {leaf.LeafIndex} read by a party of role {caller.Role}",
                context.CancellationToken)).ConfigureAwait(false);
        }

        return new GetReceiptResponse
        {
            ReceiptJson = answer.ReceiptJson ?? string.Empty,
            Included = answer.Included,
            LeafIndex = answer.LeafIndex,
            TreeSize = answer.TreeSize,
        };
    }

    public override Task<GetCheckpointResponse> GetCheckpoint(GetCheckpointRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadPublicProofs);
        StoredCheckpoint checkpoint = Query(queries.LatestCheckpoint);
        return Task.FromResult(new GetCheckpointResponse { Checkpoint = checkpoint.Note, TreeSize = checkpoint.TreeSize });
    }

    public override Task<GetConsistencyProofResponse> GetConsistencyProof(GetConsistencyProofRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadPublicProofs);
        (ulong first, ulong second, Digest[] proof) = Query(() => queries.ConsistencyProof(request.FirstTreeSize, request.SecondTreeSize));
        var response = new GetConsistencyProofResponse { FirstTreeSize = first, SecondTreeSize = second };
        response.Proof.AddRange(proof.Select(h => ByteString.CopyFrom(Digest.AsBytes(h))));
        return Task.FromResult(response);
    }

    public override Task<GetLeavesResponse> GetLeaves(GetLeavesRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadLeaves);
        IReadOnlyList<byte[]> leaves = Query(() => queries.Leaves(request.StartIndex, (int)Math.Min(request.Count, int.MaxValue)));
        var response = new GetLeavesResponse();
        response.Leaves.AddRange(leaves.Select(ByteString.CopyFrom));
        return Task.FromResult(response);
    }

    public override Task<VerifyResponse> Verify(VerifyRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.VerifyReceipt);
        if (request.ReceiptJson.Length > Receipt.FileLengthMaxBytes)
        {
            throw StatusErrors.Invalid("receipt_json", $"a receipt is at most {Receipt.FileLengthMaxBytes} bytes");
        }

        ReceiptReport report = queries.Verify(request.ReceiptJson);
        return Task.FromResult(new VerifyResponse
        {
            Valid = report.IsValid,
            Failure = report.IsValid ? string.Empty : report.Verdict.Failure.ToString(),
            Detail = report.Verdict.Detail,
        });
    }

    public override async Task<GetLogInfoResponse> GetLogInfo(GetLogInfoRequest request, ServerCallContext context)
    {
        AccessGate.Require(gate.CallerOf(context), Operation.ReadPublicProofs);
        var response = new GetLogInfoResponse { Origin = queries.Origin, TreeSize = queries.LatestCheckpointSizeOrZero() };
        response.VerifierKeys.AddRange(queries.VerifierKeys.Select(k => k.ToVerifierKey()));
        response.KeyStatements.AddRange(queries.KeyStatements());
        if (await anchoring.TargetOrNullAsync(context.CancellationToken).ConfigureAwait(false) is AnchorTarget target)
        {
            response.AnchorChain = ToProto(target);
        }

        return response;
    }

    public override Task<GetAnchorStatusResponse> GetAnchorStatus(GetAnchorStatusRequest request, ServerCallContext context)
    {
        Caller caller = gate.CallerOf(context);
        StoredLeaf? leaf = Query(() => request.SubjectCase switch
        {
            GetAnchorStatusRequest.SubjectOneofCase.TreeSize when request.TreeSize > 0 => null,
            GetAnchorStatusRequest.SubjectOneofCase.DepositId => queries.FindLeaf(WireIds.DepositId(request.DepositId)),
            GetAnchorStatusRequest.SubjectOneofCase.LeafIndex => queries.FindLeaf(request.LeafIndex),
            _ => throw StatusErrors.Invalid("subject", "give a tree_size (at least 1), a deposit_id or a leaf_index"),
        });
        if (leaf is null)
        {
            AccessGate.Require(caller, Operation.ReadPublicProofs);
        }
        else
        {
            gate.RequireDeposit(caller, Operation.ReadDepositAnchors, leaf);
        }

        ulong coveredSize = leaf is null ? request.TreeSize : leaf.LeafIndex + 1;
        var response = new GetAnchorStatusResponse { AnchoringEnabled = anchoring.Chain is not null };
        foreach (StoredAnchor anchor in queries.AnchorsCovering(coveredSize))
        {
            var info = new AnchorInfo
            {
                State = anchor.Status switch
                {
                    AnchorStatus.Pending => ProtoAnchorState.Pending,
                    AnchorStatus.Included => ProtoAnchorState.Included,
                    AnchorStatus.Final => ProtoAnchorState.Final,
                    AnchorStatus.Lost => ProtoAnchorState.Lost,
                    _ => ProtoAnchorState.Unspecified,
                },
                Chain = ToProto(anchor.Target),
                TreeSize = anchor.TreeSize,
                Root = ByteString.CopyFrom(Digest.AsBytes(anchor.Root)),
            };
            if (anchor.Inclusion is ChainInclusion inclusion && anchor.Status != AnchorStatus.Lost)
            {
                info.TransactionHash = inclusion.TransactionHash;
                info.BlockNumber = inclusion.BlockNumber;
                info.BlockHash = inclusion.BlockHash;
                info.BlockTime = inclusion.BlockTimestamp;
            }

            response.Anchors.Add(info);
        }

        return Task.FromResult(response);
    }

    private AnchorChain ToProto(AnchorTarget target) => new()
    {
        Kind = target.Kind,
        ChainId = (ulong)target.ChainId,
        Contract = target.Contract,
        GenesisHash = target.GenesisHash,
        LogId = ByteString.CopyFrom(Digest.AsBytes(queries.OriginHash)),
    };

    private async Task<DepositResponse> DepositOne(Caller caller, ProtoDepositRequest request, CancellationToken cancellationToken)
    {
        (DepositSubmission submission, PartyKey signingKey) = ToSubmission(request);
        gate.RequireSigningKey(caller, signingKey.Fingerprint, time.GetUtcNow().ToUnixTimeMilliseconds());
        DepositOutcome outcome = await intake.SubmitAsync(submission, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != DepositOutcomeStatus.Accepted)
        {
            throw StatusErrors.For(outcome.Status, outcome.Detail);
        }

        if (gate.Accepted(caller, signingKey))
        {
            await StatusErrors.RunAsync(() => custody.RecordAsync(
                CustodyAction.KeyBound,
                caller,
                [],
                CustodySubjectKind.Key,
                signingKey.Fingerprint.ToArray(),
                "request-signing key bound on its first accepted deposit (development mode)",
                cancellationToken)).ConfigureAwait(false);
        }

        var response = new DepositResponse { RequestId = request.RequestId };
        response.PromiseNotes.AddRange(outcome.PromiseNotes);
        foreach (Engine.Deposits.AcceptedDeposit deposit in outcome.Deposits)
        {
            var accepted = new ProtoAcceptedDeposit
            {
                Leaf = ByteString.CopyFrom(deposit.Leaf),
                LeafIndex = deposit.LeafIndex,
                DepositId = deposit.LeafHash.ToHex(),
                BatchIndex = (ulong)deposit.BatchIndex,
                AlreadyDeposited = deposit.AlreadyDeposited,
            };
            accepted.BatchProof.AddRange(deposit.BatchProof.Select(h => ByteString.CopyFrom(Digest.AsBytes(h))));
            response.Deposits.Add(accepted);
            response.PromiseOfDeposit.Add((uint)deposit.PromiseNumber);
        }

        return response;
    }

    /// <summary>Wire shapes are checked here (lengths, enum values); the engine checks the rest.</summary>
    private static (DepositSubmission Submission, PartyKey SigningKey) ToSubmission(ProtoDepositRequest request)
    {
        if (request.Entries.Count > Core.Deposits.DepositRequest.EntryCountMax)
        {
            throw StatusErrors.Invalid("entries", $"a request holds at most {Core.Deposits.DepositRequest.EntryCountMax} entries, this one {request.Entries.Count}");
        }

        var entries = new List<Core.Deposits.DepositEntry>(request.Entries.Count);
        for (int i = 0; i < request.Entries.Count; i++)
        {
            ProtoDepositEntry entry = request.Entries[i];
            if (entry.Kind is Protocol.V1.ContentKind.Unspecified || !Enum.IsDefined(entry.Kind))
            {
                throw StatusErrors.Invalid($"entries[{i}].kind", "the content kind must be trade secret, copyright, data or document");
            }

            entries.Add(new Core.Deposits.DepositEntry(
                (Core.Leaves.ContentKind)(byte)entry.Kind,
                entry.UnitCount,
                new DigestPair(ReadDigest(entry.UnitsRootSha256, $"entries[{i}].units_root_sha256"), ReadDigest(entry.UnitsRootSm3, $"entries[{i}].units_root_sm3")),
                new Core.Commitments.DerivedSalt(ReadDigest(entry.PartySalt, $"entries[{i}].party_salt"))));
        }

        // The key's length names its algorithm: 32 bytes Ed25519, 65 bytes an uncompressed SM2 point.
        PartyKeyAlgorithm algorithm = request.DepositorPublicKey.Length == PartyKey.Sm2PublicKeyLengthBytes ? PartyKeyAlgorithm.Sm2 : PartyKeyAlgorithm.Ed25519;
        if (PartyKey.TryCreate(algorithm, request.DepositorPublicKey.Span, request.DepositorSm2UserId.Span, 0, out PartyKey? signingKey) is var rejection and not PartyKeyRejection.None)
        {
            throw StatusErrors.Invalid("depositor_public_key", $"must be a 32-byte Ed25519 key or a 65-byte uncompressed SM2 point with a user ID of at most {PartyKey.Sm2UserIdLengthMaxBytes} bytes ({rejection}), got {request.DepositorPublicKey.Length} bytes");
        }

        if (request.Signature.Length != Core.Deposits.DepositRequest.SignatureLengthBytes)
        {
            throw StatusErrors.Invalid("signature", $"must be a {Core.Deposits.DepositRequest.SignatureLengthBytes}-byte signature (Ed25519, or SM2 as r ‖ s), got {request.Signature.Length} bytes");
        }

        RequestStamp? stamp = (request.IssuedAtMs, request.Nonce.Length) switch
        {
            (0, 0) => null,
            ( > 0, RequestStamp.NonceLengthBytes) => new RequestStamp(request.IssuedAtMs, request.Nonce.ToByteArray()),
            _ => throw StatusErrors.Invalid("nonce", $"a stamped request gives issued_at_ms (Unix milliseconds) and a {RequestStamp.NonceLengthBytes}-byte nonce, or neither"),
        };
        return (new DepositSubmission(entries, request.DepositorPublicKey.ToByteArray(), request.Signature.ToByteArray(), stamp, algorithm, signingKey!.Sm2UserId), signingKey);
    }

    private static Digest ReadDigest(ByteString bytes, string field) =>
        bytes.Length == Digest.SizeInBytes
            ? Digest.Read(bytes.Span)
            : throw StatusErrors.Invalid(field, $"must be exactly {Digest.SizeInBytes} bytes, got {bytes.Length}");

    private static T Query<T>(Func<T> query) => StatusErrors.Run(query);
}
