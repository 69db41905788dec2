using System.Globalization;
using EvidenceChain.Cases;
using EvidenceChain.Core.Access;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What the <c>case</c> commands read from their command line: ids in 32 lowercase hex digits, dates,
/// payees, and enum members by name (kebab-case or PascalCase, any letter case) or by number. Each
/// fault is an <see cref="OnlineInputException"/> naming the value: one line, exit 2.
/// </summary>
internal static class CaseArguments
{
    public static CaseId CaseId(string hex) =>
        Hex128.TryParse(hex, out UInt128 value) && new CaseId(value) is { IsValid: true } id ? id : throw new OnlineInputException(OnlineProblem.CaseIdMalformed, hex);

    /// <summary>An escrow bank ledger account id, as its 16 bytes.</summary>
    public static ByteString AccountId(string hex) =>
        Hex128.TryParse(hex, out UInt128 value) ? Hex128.Bytes(value) : throw new OnlineInputException(OnlineProblem.AccountIdMalformed, hex);

    public static string PartyId(string id) =>
        PartyIds.IsValid(id) ? id : throw new OnlineInputException(OnlineProblem.PartyIdMalformed, id);

    /// <summary><c>ACCOUNT,NAME</c>; the server checks the account's characters and the name's length.</summary>
    public static CasePayee Payee(string text) =>
        text.Split(',') is [{ Length: > 0 } account, { Length: > 0 } name]
            ? new CasePayee { BankAccount = account, Name = name }
            : throw new OnlineInputException(OnlineProblem.PayeeMalformed, text);

    /// <summary>A member by name (<c>notarize-agreement</c>, <c>NotarizeAgreement</c>) or by number (<c>2</c>).</summary>
    public static TEnum Member<TEnum>(string text, OnlineProblem problem)
        where TEnum : struct, Enum
    {
        string compact = text.Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (TEnum member in Enum.GetValues<TEnum>())
        {
            if (string.Equals(member.ToString(), compact, StringComparison.OrdinalIgnoreCase)
                || text == Convert.ToInt32(member, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
            {
                return member;
            }
        }

        throw new OnlineInputException(problem, text, Names<TEnum>());
    }

    /// <summary>The members' kebab-case names, for help texts and errors.</summary>
    public static string Names<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(Kebab));

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsAsciiLetterUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
