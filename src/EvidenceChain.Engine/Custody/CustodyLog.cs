using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Hashing.OpenSsl;

namespace EvidenceChain.Engine.Custody;

/// <summary>
/// Custody events: who did what to which deposit, party, key or certificate. Each becomes a
/// record leaf of the log through the same group commit as deposits, durable before the action it
/// records is answered; and each party named in one can list its trail with inclusion proofs.
/// </summary>
public sealed class CustodyLog
{
    private readonly LogIntake _intake;
    private readonly LogQueries _queries;
    private readonly ILogStore _store;
    private readonly TimeProvider _time;
    private readonly RandomSource _random;

    public CustodyLog(LogIntake intake, LogQueries queries, ILogStore store, TimeProvider time, RandomSource random)
    {
        _intake = intake;
        _queries = queries;
        _store = store;
        _time = time;
        _random = random;
    }

    /// <summary>
    /// Records one event and returns its leaf index once durable. <paramref name="actor"/> is null
    /// for an anonymous public reader; <paramref name="concerned"/> are the other parties it names.
    /// </summary>
    /// <exception cref="QueryException">Unavailable: the log cannot take it now; the action must not go ahead.</exception>
    public Task<ulong> RecordAsync(CustodyAction action, Caller? actor, IEnumerable<string> concerned, CustodySubjectKind subjectKind, byte[] subject, string detail, CancellationToken cancellationToken) =>
        RecordAsync(action, actor, concerned, subjectKind, subject, detail, null, null, cancellationToken);

    /// <summary>
    /// Records that <paramref name="actor"/> disclosed units of the deposit <paramref name="depositId"/>
    /// to <paramref name="recipientPartyId"/> (a Disclosed event: the package's digests and the unit
    /// indexes, never content or salts) and returns its leaf index once durable. The recipient is named
    /// last, after the deposit's owner when the actor is not the owner; it must not be the actor.
    /// </summary>
    /// <exception cref="QueryException">Unavailable: the log cannot take it now.</exception>
    public Task<ulong> RecordDisclosureAsync(Caller actor, string? ownerPartyId, string recipientPartyId, Digest depositId, CustodyDisclosure disclosure, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(disclosure);
        if (recipientPartyId == actor.PartyId)
        {
            throw new ArgumentException("A disclosure's recipient is another party than its actor.", nameof(recipientPartyId));
        }

        string[] concerned = ownerPartyId is null || ownerPartyId == recipientPartyId ? [recipientPartyId] : [ownerPartyId, recipientPartyId];
        return RecordAsync(CustodyAction.Disclosed, actor, concerned, CustodySubjectKind.Deposit, Digest.AsBytes(depositId).ToArray(), detail, disclosure, null, cancellationToken);
    }

    /// <summary>
    /// Records that <paramref name="owner"/> handed over a vault file of its deposit
    /// <paramref name="depositId"/> (a VaultStored event: the file's digests and length, never a key or
    /// content), found also under <see cref="LeafRecord.VaultKey"/>; returns its leaf index once durable.
    /// </summary>
    /// <exception cref="QueryException">Unavailable: the log cannot take it now.</exception>
    public Task<ulong> RecordVaultStoredAsync(Caller owner, Digest depositId, CustodyVaultObject vaultObject, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(vaultObject);
        return RecordAsync(CustodyAction.VaultStored, owner, [], CustodySubjectKind.Deposit, Digest.AsBytes(depositId).ToArray(), detail, null, vaultObject, cancellationToken, LeafRecord.VaultKey(depositId));
    }

    private Task<ulong> RecordAsync(
        CustodyAction action,
        Caller? actor,
        IEnumerable<string> concerned,
        CustodySubjectKind subjectKind,
        byte[] subject,
        string detail,
        CustodyDisclosure? disclosure,
        CustodyVaultObject? vaultObject,
        CancellationToken cancellationToken,
        string? subjectKey = null)
    {
        ArgumentNullException.ThrowIfNull(concerned);
        CustodyParty? acting = actor is null ? null : CustodyParty.Create(actor.PartyId, _random);
        var others = concerned.Distinct(StringComparer.Ordinal).Where(id => id != actor?.PartyId).Select(id => CustodyParty.Create(id, _random)).ToList();
        CustodyRecord record = CustodyRecord.Create(
            _random,
            _time.GetUtcNow().ToUnixTimeMilliseconds(),
            action,
            actor?.Role ?? 0,
            acting,
            others,
            subjectKind,
            subject,
            detail,
            disclosure,
            vaultObject);
        byte[] bytes = record.Encode();
        IEnumerable<string> keys = record.Parties.Select(p => p.PartyId);
        return _intake.RecordAsync(record.ToLeaf(), new LeafRecord(bytes, [.. subjectKey is null ? keys : keys.Append(subjectKey)]), cancellationToken);
    }

    /// <summary>
    /// The custody records naming <paramref name="partyId"/> from leaf <paramref name="fromLeafIndex"/>
    /// on that the latest checkpoint includes, with their proofs against it (at most <paramref name="limit"/>).
    /// </summary>
    public CustodyTrailPage TrailOf(string partyId, ulong fromLeafIndex, int limit)
    {
        if (limit is <= 0 or > RecordStatement.EntriesMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"ask for 1 to {RecordStatement.EntriesMax} events, not {limit}");
        }

        StoredCheckpoint checkpoint = _queries.LatestCheckpoint();
        using MerkleHasher hasher = OpenSslSha256MerkleHasher.FastestFor(_queries.TreeHash);
        var events = new List<RecordStatementEntry>();
        ulong next = fromLeafIndex;
        bool morePending = false;
        foreach (StoredRecord record in _store.ReadRecordsByKey(partyId, fromLeafIndex, limit))
        {
            if (record.LeafIndex >= checkpoint.TreeSize)
            {
                morePending = true;
                break;
            }

            Digest[] proof = SubtreeRanges.Resolve(hasher, _store, ProofPlan.Inclusion(record.LeafIndex, checkpoint.TreeSize));
            events.Add(new RecordStatementEntry(record.LeafIndex, _store.ReadLeaves(record.LeafIndex, 1)[0], record.Bytes, proof));
            next = record.LeafIndex + 1;
        }

        return new CustodyTrailPage(new RecordStatement(CustodyTrail.SubjectOf(partyId), checkpoint.Note, events), next, morePending);
    }
}
