using EvidenceChain.Core.Disclosures;

namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// The sentences of <c>verify-disclosure</c> that <see cref="ReportText"/> does not already have, once
/// per language, Chinese first. The receipt's own checks, failures and facts are printed with
/// <see cref="ReportText"/>, so a receipt reads the same in both reports. Tests check that every
/// <see cref="DisclosureFailure"/> has a sentence in both languages.
/// </summary>
internal sealed class DisclosureText
{
    public static DisclosureText Chinese { get; } = new()
    {
        Title = "EvidenceChain 部分披露核验报告",
        ProvenHeading = "核验结论所证明的事项",
        Proven = (disclosed, deposited, time, leafIndex, origin) =>
            $"以下 {disclosed} 个单元（本次存证共 {deposited} 个单元）于 {time}（公证处受理时间，UTC）存证于日志 {origin} 的第 {leafIndex} 号记录；"
            + $"其余 {deposited - disclosed} 个单元的内容、名称和盐均未披露，本报告对其不作任何证明。",
        UnitsHeading = "披露的单元",
        Unit = (index, path, offset, length, file) =>
            $"第 {index} 号单元：{(path.Length == 0 ? "（单文件存证）" : path)}，自第 {offset} 字节起共 {length} 字节；内容文件：{file}",
        PackageFileLabel = "披露包：",
        ContentDirectoryLabel = "内容目录：",
        UnitProven = (index, path) => $"第 {index} 号单元（{(path.Length == 0 ? "单文件存证" : path)}）的内容与其 SHA-256 和 SM3 承诺一致，且两者的包含证明均通向存证记录中的单元根",
        OtherUnitsNotDisclosed = count => $"其余 {count} 个单元未披露，未核验，也无从核验",
        ReceiptFailed = reason => $"包内回执核验未通过：{reason}",
        Failures = new Dictionary<DisclosureFailure, string>
        {
            [DisclosureFailure.None] = "无",
            [DisclosureFailure.MalformedDisclosure] = "披露包格式错误",
            [DisclosureFailure.UnsupportedVersion] = "披露包的版本不受本核验程序支持",
            [DisclosureFailure.ReceiptInvalid] = "包内回执无效",
            [DisclosureFailure.UnitCountMismatch] = "披露包记载的单元总数与存证记录不符",
            [DisclosureFailure.UnitIndexOutOfRange] = "单元编号超出存证的单元总数",
            [DisclosureFailure.DuplicateUnit] = "同一单元被重复披露",
            [DisclosureFailure.ContentLengthMismatch] = "内容文件的长度与单元不符",
            [DisclosureFailure.WrongProofLength] = "单元的包含证明长度不对",
            [DisclosureFailure.UnitNotInUnitsTree] = "单元内容与存证时的承诺不符：内容被改动，或单元盐、单元描述、包含证明有误（按设计无法区分是哪一项）",
        },
    };

    public static DisclosureText English { get; } = new()
    {
        Title = "EvidenceChain partial disclosure verification report",
        ProvenHeading = "What is proven",
        Proven = (disclosed, deposited, time, leafIndex, origin) =>
            $"These {disclosed} units, of {deposited} deposited, were deposited at {time} (the notary's acceptance time, UTC) under leaf {leafIndex} of the log {origin}; "
            + $"nothing about the other {deposited - disclosed} units (their content, names or salts) is disclosed, and this report proves nothing about them.",
        UnitsHeading = "Disclosed units",
        Unit = (index, path, offset, length, file) =>
            $"unit {index}: {(path.Length == 0 ? "(single-file deposit)" : path)}, {length} bytes from byte {offset}; content file: {file}",
        PackageFileLabel = "disclosure package: ",
        ContentDirectoryLabel = "content directory: ",
        UnitProven = (index, path) => $"unit {index} ({(path.Length == 0 ? "single-file deposit" : path)}): its content matches its SHA-256 and SM3 commitments, and both inclusion proofs lead to the units roots in the deposit leaf",
        OtherUnitsNotDisclosed = count => $"the other {count} units are not disclosed, so they were not, and cannot be, checked",
        ReceiptFailed = reason => $"the embedded receipt does not verify: {reason}",
        Failures = new Dictionary<DisclosureFailure, string>
        {
            [DisclosureFailure.None] = "none",
            [DisclosureFailure.MalformedDisclosure] = "the disclosure package is malformed",
            [DisclosureFailure.UnsupportedVersion] = "this verifier does not support the package's version",
            [DisclosureFailure.ReceiptInvalid] = "the embedded receipt is not valid",
            [DisclosureFailure.UnitCountMismatch] = "the package's unit count is not the deposit's",
            [DisclosureFailure.UnitIndexOutOfRange] = "a unit index is beyond the deposit's units",
            [DisclosureFailure.DuplicateUnit] = "a unit is disclosed twice",
            [DisclosureFailure.ContentLengthMismatch] = "a content file does not have its unit's length",
            [DisclosureFailure.WrongProofLength] = "a unit's inclusion proof has the wrong length",
            [DisclosureFailure.UnitNotInUnitsTree] = "a unit's content does not match what was deposited: the content was altered, or its unit salt, descriptor or proof is wrong (by design these cannot be told apart)",
        },
    };

    public required string Title { get; init; }

    public required string ProvenHeading { get; init; }

    /// <summary>(units disclosed, units deposited, acceptance time, leaf index, log origin).</summary>
    public required Func<int, uint, string, ulong, string, string> Proven { get; init; }

    public required string UnitsHeading { get; init; }

    /// <summary>(index, path, offset, length, content file).</summary>
    public required Func<ulong, string, ulong, ulong, string, string> Unit { get; init; }

    public required string PackageFileLabel { get; init; }

    public required string ContentDirectoryLabel { get; init; }

    /// <summary>(index, path): the check a proven unit passed.</summary>
    public required Func<ulong, string, string> UnitProven { get; init; }

    /// <summary>(how many units are not disclosed).</summary>
    public required Func<long, string> OtherUnitsNotDisclosed { get; init; }

    /// <summary>(the receipt's failure sentence).</summary>
    public required Func<string, string> ReceiptFailed { get; init; }

    public required IReadOnlyDictionary<DisclosureFailure, string> Failures { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static DisclosureText For(string? languageCode) => languageCode == ReportText.EnglishCode ? English : Chinese;

    public string Failure(DisclosureFailure failure) => Failures.TryGetValue(failure, out string? line) ? line : failure.ToString();
}
