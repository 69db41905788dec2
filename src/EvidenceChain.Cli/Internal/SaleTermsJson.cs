using System.Globalization;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The terms of a 带封过户 sale and escrow agreement as the office writes them for <c>sale apply …
/// notarize-agreement --terms FILE</c>: the proto's <c>SealedSaleTerms</c> field for field, in snake_case
/// (docs/sealed-sale.md §Agreement terms), read strictly (<see cref="CaseJsonContext"/>). debtor_kind 1
/// individual, 2 other non-corporate body, 3 company; payment_due_date YYYY-MM-DD; forfeit_on_default_fen
/// 0 (the default) for none. The server checks the values; the date is checked here, naming its path.
/// </summary>
internal sealed record SaleTermsJson(
    long PriceFen,
    IReadOnlyList<string> BuyerPartyIds,
    IReadOnlyList<string> DebtorPartyIds,
    uint DebtorKind,
    CaseConditionsJson.PayeeJson BuyerRefundPayee,
    CaseConditionsJson.PayeeJson DebtorPayee,
    string PaymentDueDate,
    long ForfeitOnDefaultFen = 0)
{
    /// <summary>The agreement's terms are a page of JSON; anything this large is the wrong file.</summary>
    public const int FileLengthMaxBytes = 64 * 1024;

    public static SealedSaleTerms Read(string path)
    {
        SaleTermsJson terms = CaseJsonContext.Read(path, FileLengthMaxBytes, CaseJsonContext.Default.SaleTermsJson, OnlineProblem.ConditionsFileMalformed);
        if (!DateOnly.TryParseExact(terms.PaymentDueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new OnlineInputException(OnlineProblem.ConditionsFileMalformed, path, $"$.payment_due_date: a day is YYYY-MM-DD, not '{terms.PaymentDueDate}'");
        }

        var proto = new SealedSaleTerms
        {
            PriceFen = terms.PriceFen,
            DebtorKind = terms.DebtorKind,
            BuyerRefundPayee = terms.BuyerRefundPayee.ToProto(),
            DebtorPayee = terms.DebtorPayee.ToProto(),
            PaymentDueDate = terms.PaymentDueDate,
            ForfeitOnDefaultFen = terms.ForfeitOnDefaultFen,
        };
        proto.BuyerPartyIds.AddRange(terms.BuyerPartyIds);
        proto.DebtorPartyIds.AddRange(terms.DebtorPartyIds);
        return proto;
    }
}
