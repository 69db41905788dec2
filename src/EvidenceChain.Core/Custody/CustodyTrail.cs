using EvidenceChain.Core.Access;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Core.Custody;

/// <summary>
/// A party's custody trail (custody-event.md §Trail): a record statement whose subject is the
/// party and whose entries are custody events, each with its leaf and inclusion proof against one
/// signed checkpoint. Anyone holding the log's public keys verifies it offline.
/// </summary>
public static class CustodyTrail
{
    private const string SubjectPrefix = "party:";

    /// <summary>The statement subject of <paramref name="partyId"/>'s trail.</summary>
    public static string SubjectOf(string partyId) => SubjectPrefix + partyId;

    /// <summary>
    /// Verifies a trail with the log's trusted keys: the statement's checkpoint and proofs, then
    /// that each record is canonical, is exactly the one its leaf was built from (time and parties
    /// included), and names the trail's party. The first failure is the answer.
    /// </summary>
    public static Verdict Verify(RecordStatement trail, IReadOnlyList<NoteVerifier> trustedKeys, out VerifiedCheckpoint? checkpoint, out IReadOnlyList<CustodyRecord> records)
    {
        ArgumentNullException.ThrowIfNull(trail);
        records = [];
        checkpoint = null;
        string partyId = trail.Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) ? trail.Subject[SubjectPrefix.Length..] : string.Empty;
        if (!PartyIds.IsValid(partyId))
        {
            return Verdict.Fail(VerificationFailure.MalformedTrail, $"the statement's subject '{trail.Subject}' is not a party's trail");
        }

        Verdict verdict = trail.Verify(trustedKeys, LeafType.CustodyEvent, out checkpoint, out _);
        if (!verdict.IsValid)
        {
            return verdict;
        }

        var decoded = new List<CustodyRecord>(trail.Entries.Count);
        foreach (RecordStatementEntry entry in trail.Entries)
        {
            if (!CustodyRecord.TryDecode(entry.Record, out CustodyRecord? record, out string reason))
            {
                return Verdict.Fail(VerificationFailure.MalformedRecord, $"the record of leaf {entry.LeafIndex} is not a canonical custody record: {reason}");
            }

            if (!record!.ToLeaf(entry.Record).Encode().AsSpan().SequenceEqual(entry.Leaf))
            {
                return Verdict.Fail(VerificationFailure.CommitmentMismatch, $"the leaf {entry.LeafIndex} was not built from its record (time or parties differ)");
            }

            if (!record.Parties.Any(p => p.PartyId == partyId))
            {
                return Verdict.Fail(VerificationFailure.RecordNotOfParty, $"the record of leaf {entry.LeafIndex} does not name party {partyId}");
            }

            decoded.Add(record);
        }

        records = decoded;
        return Verdict.Valid;
    }
}
