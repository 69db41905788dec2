using EvidenceChain.Cli.Offline.Internal;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What <c>disclose</c> prints, once per language, Chinese first: the summary of the package written
/// and the sentence for each <see cref="DisclosureProblem"/>.
/// </summary>
internal sealed class DisclosureOwnerText
{
    public static DisclosureOwnerText Chinese { get; } = new()
    {
        PackageWritten = path => $"披露包：{path}",
        UnitsDisclosed = (disclosed, deposited) => $"披露单元：{disclosed} 个（本次存证共 {deposited} 个）",
        Unit = (index, path, offset, length, file) =>
            $"  第 {index} 号单元：{(path.Length == 0 ? "（单文件存证）" : path)}，自第 {offset} 字节起共 {length} 字节 → 内容文件 {file}",
        ContentCopied = directory => $"内容文件已写入 {directory}（仅本人可读）；请将该目录与披露包一并交给法院。",
        ContentToHandOver = "请将上列内容文件（按所列名称）与披露包一并交给法院，用 --copy-content 目录 可自动生成。",
        SaltsKept = "披露包只含所披露单元的盐；主盐和其余单元的盐仍只在您的盐文件中。",
        Recorded = (server, leaf, recipient) => $"披露已在 {server} 记为保管事件：第 {leaf} 号叶子（接收方 {recipient}；记录所披露的单元和披露包的摘要，不含内容或盐）",
        Problems = new Dictionary<DisclosureProblem, Func<string, string, string>>
        {
            [DisclosureProblem.ReceiptNotOfADeposit] = (path, detail) => $"{path} 不是存证回执：{detail}",
            [DisclosureProblem.SaltFileNotOfReceipt] = (path, _) => $"盐文件 {path} 不属于这份回执所证明的存证（单元根或单元数不同）",
            [DisclosureProblem.ContentNotDeposited] = (path, detail) => $"{path} 与存证时的内容不符，无法披露：{detail}",
            [DisclosureProblem.UnitNotFound] = (selector, detail) => $"存证中没有单元“{selector}”：{detail}",
            [DisclosureProblem.PathNotFound] = (path, _) => $"存证中没有路径为“{path}”的文件",
            [DisclosureProblem.TooManyUnits] = (count, limit) => $"一次最多披露 {limit} 个单元，所选为 {count} 个；请分成多个披露包",
        },
    };

    public static DisclosureOwnerText English { get; } = new()
    {
        PackageWritten = path => $"disclosure package: {path}",
        UnitsDisclosed = (disclosed, deposited) => $"units disclosed: {disclosed} of {deposited}",
        Unit = (index, path, offset, length, file) =>
            $"  unit {index}: {(path.Length == 0 ? "(single-file deposit)" : path)}, {length} bytes from byte {offset} → content file {file}",
        ContentCopied = directory => $"the content files are in {directory} (readable by you only); give that folder to the court with the package.",
        ContentToHandOver = "give the court the content files listed above, under those names, with the package (--copy-content DIR writes them for you).",
        SaltsKept = "the package holds only the disclosed units' salts; the master salt and the other units' salts stay in your salt file alone.",
        Recorded = (server, leaf, recipient) => $"disclosure recorded at {server} as a custody event: leaf {leaf} (recipient {recipient}; the units disclosed and the package's digests, no content or salt)",
        Problems = new Dictionary<DisclosureProblem, Func<string, string, string>>
        {
            [DisclosureProblem.ReceiptNotOfADeposit] = (path, detail) => $"{path} is not a deposit receipt: {detail}",
            [DisclosureProblem.SaltFileNotOfReceipt] = (path, _) => $"the salt file {path} is not of the deposit this receipt proves (its units roots or unit count differ)",
            [DisclosureProblem.ContentNotDeposited] = (path, detail) => $"{path} is not the content that was deposited, so it cannot be disclosed: {detail}",
            [DisclosureProblem.UnitNotFound] = (selector, detail) => $"the deposit has no unit '{selector}': {detail}",
            [DisclosureProblem.PathNotFound] = (path, _) => $"the deposit has no file with the path '{path}'",
            [DisclosureProblem.TooManyUnits] = (count, limit) => $"a package discloses at most {limit} units, {count} were chosen; make several packages",
        },
    };

    public required Func<string, string> PackageWritten { get; init; }

    /// <summary>(units disclosed, units deposited).</summary>
    public required Func<int, uint, string> UnitsDisclosed { get; init; }

    /// <summary>(index, path, offset, length, content file).</summary>
    public required Func<ulong, string, ulong, ulong, string, string> Unit { get; init; }

    public required Func<string, string> ContentCopied { get; init; }

    public required string ContentToHandOver { get; init; }

    public required string SaltsKept { get; init; }

    /// <summary>(server, custody leaf index, recipient party id).</summary>
    public required Func<string, ulong, string, string> Recorded { get; init; }

    /// <summary>Each problem's sentence, given the subject (a path or selector) and the detail.</summary>
    public required IReadOnlyDictionary<DisclosureProblem, Func<string, string, string>> Problems { get; init; }

    public static DisclosureOwnerText For(string? languageCode) => languageCode == ReportText.EnglishCode ? English : Chinese;

    public string Describe(DisclosureProblem problem, string subject, string detail) =>
        Problems.TryGetValue(problem, out Func<string, string, string>? line) ? line(subject, detail) : $"{problem}: {subject} {detail}";
}
