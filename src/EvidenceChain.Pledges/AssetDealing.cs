using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>A transfer or licence of an asset, as recorded (Civil Code 444: with every pledgee in force consenting).</summary>
/// <param name="Number">The asset event that recorded it.</param>
/// <param name="Event"><see cref="PledgeEvent.RecordTransfer"/> or <see cref="PledgeEvent.RecordLicence"/>.</param>
/// <param name="OwnerPartyId">The owner who transferred or licensed.</param>
/// <param name="TransfereePartyId">The new owner (a transfer); null for a licence.</param>
/// <param name="Agreement">The digests of the transfer or licence agreement.</param>
/// <param name="ConsentingPledgees">The pledgees of the pledges in force that co-signed, in signature order.</param>
/// <param name="AtMs">When it was recorded, Unix milliseconds.</param>
public sealed record AssetDealing(ulong Number, PledgeEvent Event, string OwnerPartyId, string? TransfereePartyId, DigestPair Agreement, IReadOnlyList<string> ConsentingPledgees, long AtMs);
