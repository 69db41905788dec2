using System.Globalization;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// How a statement line names its transfer (docs/formats/bank-statement.md, Matching): the reference
/// text carries the token <c>EC</c> followed by the 32 hex digits of a pending transfer's id — the
/// id the notary gave the depositor for an expected deposit, or the reference of an exported payment
/// instruction. Letters may come back in either case (banks upper-case references); the token stands
/// alone, between characters that are not letters or digits. Nothing else in a line — names,
/// accounts, amounts — is ever used to guess a case.
/// </summary>
public static class TransferReference
{
    /// <summary>The length of a token: "EC" and 32 hex digits.</summary>
    public const int TokenLength = 34;

    /// <summary>The token for a transfer id, as the notary writes it: <c>EC</c> and 32 lowercase hex digits.</summary>
    public static string Format(Escrow.TransferId id) => "EC" + id.Value.ToString("x32", CultureInfo.InvariantCulture);

    /// <summary>
    /// Finds the transfer a reference names. <see cref="MatchFailure.NoReference"/> when it holds no
    /// token, <see cref="MatchFailure.AmbiguousReference"/> when it holds tokens for two different ids.
    /// </summary>
    public static MatchFailure TryFind(string reference, out Escrow.TransferId id)
    {
        ArgumentNullException.ThrowIfNull(reference);
        id = default;
        bool found = false;
        for (int at = 0; at + TokenLength <= reference.Length; at++)
        {
            if ((at > 0 && char.IsLetterOrDigit(reference[at - 1]))
                || (reference[at] is not ('E' or 'e')) || (reference[at + 1] is not ('C' or 'c'))
                || (at + TokenLength < reference.Length && char.IsLetterOrDigit(reference[at + TokenLength])))
            {
                continue;
            }

            ReadOnlySpan<char> hex = reference.AsSpan(at + 2, 32);
            // AllowHexSpecifier alone takes hex digits only: no sign, space or prefix.
            if (UInt128.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out UInt128 value))
            {
                if (found && id.Value != value)
                {
                    return MatchFailure.AmbiguousReference;
                }

                id = new Escrow.TransferId(value);
                found = true;
            }
        }

        return found ? MatchFailure.None : MatchFailure.NoReference;
    }
}
