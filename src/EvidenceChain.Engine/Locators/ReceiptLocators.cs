using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Custody;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;

namespace EvidenceChain.Engine.Locators;

/// <summary>
/// Receipt locators: an owner mints a random capability for one of its deposits' receipts and hands
/// it to whoever should read that receipt without an account (a court clerk, a counterparty); the
/// public listener opens the receipt to anyone who presents it, until the owner revokes it. Minting,
/// revoking and every read through a locator are custody events, durable before the action is
/// answered; the owner's own authenticated reads are not.
/// </summary>
public sealed class ReceiptLocators(ILocatorStore store, LogQueries queries, CustodyLog custody, PartyRegistry registry, TimeProvider time, RandomSource random)
{
    /// <summary>The most unrevoked locators one deposit may have: a bound on what its owner must keep track of.</summary>
    public const int ActiveLocatorsPerDepositMax = 100;

    /// <summary>The one answer for a locator that was never minted and for one that was revoked, so nobody learns which.</summary>
    public const string UnknownLocatorMessage = "no receipt is published under this locator (it was never minted, or its owner revoked it)";

    /// <summary>How many hex digits of a locator's id custody events name: enough for its owner to tell its locators apart.</summary>
    private const int IdDigitsInDetail = 16;

    /// <summary>
    /// Mints a locator for <paramref name="leaf"/>'s receipt; only the deposit's owner may. The
    /// LocatorMinted event is durable before the locator is stored and returned.
    /// </summary>
    public async Task<MintedLocator> MintAsync(Caller caller, StoredLeaf leaf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(leaf);
        string owner = RequireOwner(caller, leaf);
        int active = store.ReadLocatorsOfOwner(owner, leaf.LeafIndex, ILocatorStore.LocatorsPerReadMax).Count(l => l.RevokedAtMs is null);
        if (active >= ActiveLocatorsPerDepositMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"the deposit at leaf {leaf.LeafIndex} already has {active} locators that open it, the most allowed; revoke one first");
        }

        ReceiptLocator locator = ReceiptLocator.Create(random);
        var stored = new StoredLocator(locator.Hash, leaf.LeafIndex, owner, Now(), null);
        await custody.RecordAsync(
            CustodyAction.LocatorMinted,
            caller,
            [owner],
            CustodySubjectKind.Deposit,
            leaf.LeafHash.ToArray(),
            $"locator {ShortId(stored)} minted for the receipt of leaf {leaf.LeafIndex}",
            cancellationToken).ConfigureAwait(false);
        store.SaveLocator(stored);
        return new MintedLocator(locator, stored);
    }

    /// <summary>
    /// Revokes a locator by its id (the SHA-256 of the locator); only its owner may. Revoking a
    /// revoked locator changes nothing and records nothing.
    /// </summary>
    public async Task<StoredLocator> RevokeAsync(Caller caller, Digest locatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        StoredLocator stored = store.FindLocator(locatorId)
            ?? throw new QueryException(QueryFailure.NotFound, $"there is no locator with id {locatorId}");
        Require(caller, stored.OwnerPartyId == caller.PartyId ? Ownership.Own : Ownership.Other);
        if (stored.RevokedAtMs is not null)
        {
            return stored;
        }

        StoredLeaf leaf = queries.FindLeaf(stored.LeafIndex);
        StoredLocator revoked = stored with { RevokedAtMs = Now() };
        await custody.RecordAsync(
            CustodyAction.LocatorRevoked,
            caller,
            [stored.OwnerPartyId],
            CustodySubjectKind.Deposit,
            leaf.LeafHash.ToArray(),
            $"locator {ShortId(stored)} for the receipt of leaf {stored.LeafIndex} revoked",
            cancellationToken).ConfigureAwait(false);
        store.SaveLocator(revoked);
        return revoked;
    }

    /// <summary>A locator by its id, revoked or not, or null: for the service to tell whose it is before it asks the policy.</summary>
    public StoredLocator? Find(Digest locatorId) => store.FindLocator(locatorId);

    /// <summary>The caller's own locators, newest first, only those of one deposit when <paramref name="leafIndex"/> is given.</summary>
    public IReadOnlyList<StoredLocator> List(Caller caller, ulong? leafIndex, int limit)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Require(caller, Ownership.Own);
        if (limit is <= 0 or > ILocatorStore.LocatorsPerReadMax)
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"ask for 1 to {ILocatorStore.LocatorsPerReadMax} locators, not {limit}");
        }

        return store.ReadLocatorsOfOwner(caller.PartyId, leafIndex, limit);
    }

    /// <summary>
    /// The unrevoked locator written as <paramref name="text"/>. A malformed one is InvalidArgument;
    /// an unknown and a revoked one are the same NotFound.
    /// </summary>
    public StoredLocator Resolve(string text)
    {
        if (!ReceiptLocator.TryParse(text, out ReceiptLocator locator))
        {
            throw new QueryException(QueryFailure.InvalidArgument, $"a locator is {ReceiptLocator.TextLength} lowercase hex digits");
        }

        return store.FindLocator(locator.Hash) is StoredLocator { RevokedAtMs: null } stored
            ? stored
            : throw new QueryException(QueryFailure.NotFound, UnknownLocatorMessage);
    }

    /// <summary>
    /// The receipt a locator opens, proven against the latest checkpoint, for an anonymous reader.
    /// The ReceiptReadByLocator event naming the owner is durable before the receipt is returned.
    /// </summary>
    public async Task<string> ReadByLocatorAsync(string text, CancellationToken cancellationToken)
    {
        StoredLocator stored = Resolve(text);
        StoredLeaf leaf = queries.FindLeaf(stored.LeafIndex);
        ReceiptAnswer answer = queries.Receipt(leaf);
        if (answer.ReceiptJson is not string receiptJson)
        {
            throw new QueryException(QueryFailure.NotYetSigned, "the deposit is not yet in a signed checkpoint; ask again in a few seconds");
        }

        await custody.RecordAsync(
            CustodyAction.ReceiptReadByLocator,
            actor: null,
            [stored.OwnerPartyId],
            CustodySubjectKind.Deposit,
            leaf.LeafHash.ToArray(),
            $"receipt of leaf {stored.LeafIndex} read through locator {ShortId(stored)}",
            cancellationToken).ConfigureAwait(false);
        return receiptJson;
    }

    private static string ShortId(StoredLocator locator) => locator.LocatorHash.ToHex()[..IdDigitsInDetail];

    private static void Require(Caller caller, Ownership ownership)
    {
        AccessDecision decision = AccessPolicy.Decide(caller, Operation.ManageLocators, ownership);
        if (!decision.Allowed)
        {
            throw new QueryException(QueryFailure.PermissionDenied, decision.Reason);
        }
    }

    /// <summary>The deposit's owner, who must be the caller: the party its signing key is bound to.</summary>
    private string RequireOwner(Caller caller, StoredLeaf leaf)
    {
        string? owner = registry.HolderOf(queries.DepositorKeyOf(leaf))?.Party.Id;
        Require(caller, owner == caller.PartyId ? Ownership.Own : Ownership.Other);
        return owner!;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
