using System.Text;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Pledges;

/// <summary>
/// An asset registered: its owner, a category-level description, and the deposits it consists of,
/// each with the opening of its depositor commitment that proves the owner made it.
/// </summary>
/// <param name="OwnerPartyId">The owner: a registered Enterprise party.</param>
/// <param name="Category">1 to <see cref="CategoryLengthMaxBytes"/> bytes of UTF-8 without control characters: what kind of secret (a process, a formula, a customer list), never its content.</param>
/// <param name="Deposits">1 to <see cref="DepositCountMax"/> deposits, at least one <see cref="AssetDepositRole.Secret"/>, each leaf once.</param>
/// <param name="Openings">One per deposit, in the same order: the key fingerprint and party salt that recompute the deposit's depositor commitments (as the owner's receipt gives them).</param>
public sealed record AssetRegistration(string OwnerPartyId, string Category, IReadOnlyList<AssetDeposit> Deposits, IReadOnlyList<DepositorOpening> Openings)
{
    public const int CategoryLengthMaxBytes = 128;

    public const int DepositCountMax = 64;

    /// <summary>Why the registration is malformed, or null. The owner's signature and openings are checked by the rules.</summary>
    public string? Problem()
    {
        if (!PartyIds.IsValid(OwnerPartyId))
        {
            return "the owner is a party id (32 lowercase hex digits)";
        }

        if (CategoryProblem(Category) is string category)
        {
            return category;
        }

        if (Deposits is null || Openings is null || Deposits.Count is 0 or > DepositCountMax)
        {
            return $"an asset has 1 to {DepositCountMax} deposits";
        }

        if (Openings.Count != Deposits.Count || Openings.Any(o => o is null))
        {
            return $"every deposit has its opening: {Deposits.Count} deposits, {Openings.Count} openings";
        }

        if (Deposits.Any(d => d is null || !Enum.IsDefined(d.Role) || d.UnitCount is 0 or > AssetDeposit.UnitCountMax))
        {
            return $"every deposit has a role (1 secret, 2 confidentiality measure) and 1 to {AssetDeposit.UnitCountMax} units";
        }

        if (Deposits.Select(d => d.LeafIndex).Distinct().Count() != Deposits.Count)
        {
            return "a deposit leaf is named twice";
        }

        return Deposits.Any(d => d.Role == AssetDepositRole.Secret) ? null : "an asset has at least one deposit of the secret itself (role 1)";
    }

    /// <summary>Why <paramref name="category"/> cannot describe an asset, or null.</summary>
    public static string? CategoryProblem(string? category)
    {
        if (category is null || category.Length == 0)
        {
            return "the category is 1 to 128 bytes of UTF-8";
        }

        int lengthBytes;
        try
        {
            lengthBytes = new UTF8Encoding(false, true).GetByteCount(category);
        }
        catch (EncoderFallbackException)
        {
            return "the category is not valid UTF-16 (an unpaired surrogate)";
        }

        if (lengthBytes > CategoryLengthMaxBytes)
        {
            return $"the category is at most {CategoryLengthMaxBytes} bytes of UTF-8, not {lengthBytes}";
        }

        return category.EnumerateRunes().Any(Rune.IsControl) ? "the category has a control character" : null;
    }
}
