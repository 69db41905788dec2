using EvidenceChain.Core;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;

namespace EvidenceChain.Engine.Parties;

/// <summary>
/// The party registry's use cases: the notary office registers parties, binds and revokes their
/// request-signing keys, revokes certificates and deactivates parties; the service maps an
/// authenticated certificate to a <see cref="Caller"/>. Every change is checked against
/// <see cref="AccessPolicy"/> first and changes nothing when refused.
/// </summary>
public sealed class PartyRegistry(IPartyStore store, TimeProvider time, RandomSource random)
{
    /// <summary>
    /// The deployment's first party, the notary office, made once when the registry is empty (there
    /// is nobody yet who could register it). Returns the office, existing or new.
    /// </summary>
    public Party EnsureOffice(string displayName)
    {
        if (store.ReadParties().FirstOrDefault(p => p.Role == PartyRole.NotaryOffice) is Party office)
        {
            return office;
        }

        Party created = NewParty(PartyRole.NotaryOffice, displayName, canApprove: false);
        store.SaveParty(created);
        return created;
    }

    public Party Register(Caller caller, PartyRole role, string displayName, bool canApprove)
    {
        Require(caller);
        if (!Enum.IsDefined(role))
        {
            throw Invalid($"role {(int)role} is not a role");
        }

        if (canApprove && role != PartyRole.Notary)
        {
            throw Invalid("only a notary can have approval rights");
        }

        Party party = NewParty(role, displayName, canApprove);
        store.SaveParty(party);
        return party;
    }

    /// <summary>Binds an Ed25519 request-signing key to a party; from now on its signatures are the party's.</summary>
    public Party BindKey(Caller caller, string partyId, byte[] publicKey) =>
        BindKey(caller, partyId, PartyKeyAlgorithm.Ed25519, publicKey, []);

    /// <summary>
    /// Binds a request-signing key of either algorithm to a party; from now on its signatures are the
    /// party's. An SM2 key given without a user ID gets the GB/T 32918 default. A key (by its
    /// fingerprint) belongs to one party for good: binding it again, to anyone, even after its
    /// revocation, is a conflict. Rotating a key is binding the new one, then revoking the old.
    /// </summary>
    public Party BindKey(Caller caller, string partyId, PartyKeyAlgorithm algorithm, byte[] publicKey, byte[] sm2UserId)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(sm2UserId);
        Require(caller);
        Party party = Existing(partyId);
        PartyKeyRejection rejection = PartyKey.TryCreate(algorithm, publicKey, sm2UserId, Now(), out PartyKey? key);
        if (rejection != PartyKeyRejection.None)
        {
            throw Invalid(Describe(rejection, publicKey.Length, sm2UserId.Length));
        }

        if (store.FindPartyByKey(key!.Fingerprint) is Party holder)
        {
            throw new QueryException(QueryFailure.Conflict, holder.Id == party.Id
                ? $"the key {key.Fingerprint} is already bound to party {party.Id}"
                : $"the key {key.Fingerprint} is bound to another party; a key signs for one party only, and never again after its revocation");
        }

        return Save(party with { Keys = [.. party.Keys, key] });
    }

    /// <summary>
    /// Development mode only: binds a key nobody holds yet to <paramref name="partyId"/> on its first
    /// accepted use, so a newcomer's CLI key works without the office registering it first.
    /// </summary>
    public Party BindOnFirstUse(string partyId, PartyKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        Party party = Existing(partyId);
        PartyKey key = signingKey with { AddedAtMs = Now(), RevokedAtMs = null };
        return store.FindPartyByKey(key.Fingerprint) is Party holder ? holder : Save(party with { Keys = [.. party.Keys, key] });
    }

    /// <summary>The registered party with this id, or null.</summary>
    public Party? Find(string partyId) => store.FindParty(partyId);

    /// <summary>The party a key of either algorithm belongs to, by its fingerprint, with the key; or null.</summary>
    public (Party Party, PartyKey Key)? HolderOf(Digest keyFingerprint) =>
        store.FindPartyByKey(keyFingerprint) is Party party ? (party, party.Keys.First(k => k.Fingerprint == keyFingerprint)) : null;

    /// <summary>Revokes a key: it signs nothing new, and what it signed before stays the party's.</summary>
    public Party RevokeKey(Caller caller, string partyId, Digest keyFingerprint)
    {
        Require(caller);
        Party party = Existing(partyId);
        int index = party.Keys.ToList().FindIndex(k => k.Fingerprint == keyFingerprint);
        if (index < 0)
        {
            throw new QueryException(QueryFailure.NotFound, $"party {partyId} has no key {keyFingerprint}");
        }

        if (party.Keys[index].RevokedAtMs is not null)
        {
            return party;
        }

        var keys = party.Keys.ToList();
        keys[index] = keys[index] with { RevokedAtMs = Now() };
        return Save(party with { Keys = keys });
    }

    /// <summary>Revokes one of a party's certificates (by the SHA-256 fingerprint of its DER encoding, lowercase hex).</summary>
    public Party RevokeCertificate(Caller caller, string partyId, string certificateFingerprint)
    {
        ArgumentNullException.ThrowIfNull(certificateFingerprint);
        Require(caller);
        Party party = Existing(partyId);
        if (certificateFingerprint.Length != 64 || !certificateFingerprint.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            throw Invalid("a certificate fingerprint is its SHA-256, 64 lowercase hex digits");
        }

        return party.RevokedCertificates.Contains(certificateFingerprint)
            ? party
            : Save(party with { RevokedCertificates = [.. party.RevokedCertificates, certificateFingerprint] });
    }

    /// <summary>Deactivates a party: none of its certificates is accepted from now on; its records stay.</summary>
    public Party Deactivate(Caller caller, string partyId)
    {
        Require(caller);
        Party party = Existing(partyId);
        if (party.Id == caller.PartyId)
        {
            throw Invalid("the office cannot deactivate itself (it would lock everyone out)");
        }

        return party.DeactivatedAtMs is null ? Save(party with { DeactivatedAtMs = Now() }) : party;
    }

    public IReadOnlyList<Party> List(Caller caller)
    {
        Require(caller);
        return store.ReadParties();
    }

    /// <summary>
    /// The caller a verified certificate speaks for: its party must be registered and active, and
    /// the certificate not revoked. The certificate's own validity (CA, dates, usage) is checked
    /// before, by the TLS layer.
    /// </summary>
    public Caller Authenticate(string partyId, string certificateFingerprint)
    {
        Party party = store.FindParty(partyId)
            ?? throw new QueryException(QueryFailure.Unauthenticated, $"the certificate names party {partyId}, which this notary office has not registered");
        if (!party.IsActive)
        {
            throw new QueryException(QueryFailure.Unauthenticated, $"party {partyId} ({party.DisplayName}) was deactivated by the notary office");
        }

        return party.RevokedCertificates.Contains(certificateFingerprint)
            ? throw new QueryException(QueryFailure.Unauthenticated, $"this certificate of party {partyId} was revoked by the notary office; ask it for a new one")
            : new Caller(party.Id, party.Role);
    }

    /// <summary>The sentence a person reads when the office's key is refused (INVALID_ARGUMENT).</summary>
    private static string Describe(PartyKeyRejection rejection, int keyLengthBytes, int userIdLengthBytes) => rejection switch
    {
        PartyKeyRejection.AlgorithmUnknown => "the key algorithm is not Ed25519 or SM2",
        PartyKeyRejection.Ed25519KeyMustBe32Bytes => $"an Ed25519 public key is 32 bytes, not {keyLengthBytes}",
        PartyKeyRejection.UserIdOnlyForSm2 => "a user ID belongs to SM2 keys only; an Ed25519 key has none",
        PartyKeyRejection.Sm2KeyMustBe65Bytes => $"an SM2 public key is the 65-byte uncompressed point 04 ‖ x ‖ y, not {keyLengthBytes} bytes",
        PartyKeyRejection.Sm2KeyMustBeUncompressedPoint => "an SM2 public key is an uncompressed point and starts with the byte 04 (compressed points are not accepted)",
        PartyKeyRejection.Sm2KeyMustBeOnCurve => "the SM2 public key is not a point on the SM2 curve (sm2p256v1)",
        PartyKeyRejection.Sm2UserIdTooLong => $"an SM2 user ID has at most {PartyKey.Sm2UserIdLengthMaxBytes} bytes, not {userIdLengthBytes}",
        _ => $"the key is not acceptable ({rejection})",
    };

    private static void Require(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        AccessDecision decision = AccessPolicy.Decide(caller, Operation.ManageParties, Ownership.None);
        if (!decision.Allowed)
        {
            throw new QueryException(QueryFailure.PermissionDenied, decision.Reason);
        }
    }

    private Party Existing(string partyId) =>
        (PartyIds.IsValid(partyId) ? store.FindParty(partyId) : null)
            ?? throw new QueryException(QueryFailure.NotFound, $"there is no party {partyId}");

    private Party NewParty(PartyRole role, string displayName, bool canApprove)
    {
        string name = (displayName ?? string.Empty).Trim();
        if (name.Length is 0 or > Party.DisplayNameLengthMax || name.Any(char.IsControl))
        {
            throw Invalid($"a display name is 1 to {Party.DisplayNameLengthMax} characters without control characters");
        }

        return new Party(PartyIds.Create(random), role, name, canApprove, Now(), [], [], null);
    }

    private Party Save(Party party)
    {
        store.SaveParty(party);
        return party;
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static QueryException Invalid(string message) => new(QueryFailure.InvalidArgument, message);
}
