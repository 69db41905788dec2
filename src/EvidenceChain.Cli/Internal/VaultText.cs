using EvidenceChain.Vault;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Every sentence of the <c>vault</c> commands, once per language (the error prefix is the report's).
/// Chinese is the default. Algorithm names, paths and numbers stay as they are; no sentence ever
/// holds key material. Tests check that every problem, key problem and decryption failure has a
/// sentence in both languages.
/// </summary>
internal sealed class VaultText
{
    public static VaultText Chinese { get; } = new()
    {
        KeyWritten = (path, algorithm, bits) =>
            $"密钥：{path}（{algorithm}，{bits} 位；仅本人可读写，权限 0600；请另行妥善备份：密钥丢失后，用它加密的文件任何人都无法再解密；密钥绝不交给服务）",
        Encrypted = (path, algorithm, segments, segmentSize, plain, cipher) =>
            $"已加密：{path}（{algorithm}，{segments} 段，每段 {segmentSize} 字节；内容 {plain} 字节，密文 {cipher} 字节）",
        Decrypted = (path, plain, segments) => $"已解密：{path}（{plain} 字节，{segments} 段全部通过认证）",
        Problems = new Dictionary<VaultProblem, Func<string, string, string>>
        {
            [VaultProblem.InputNotFound] = (path, _) => $"找不到 {path}",
            [VaultProblem.InputUnreadable] = (path, detail) => $"无法读取 {path}：{detail}",
            [VaultProblem.OutputExists] = (path, _) => $"{path} 已存在，不予覆盖；请用 -o 另选输出文件",
            [VaultProblem.OutputUnwritable] = (path, detail) => $"无法写入 {path}：{detail}",
            [VaultProblem.StreamFailed] = (path, detail) => $"处理 {path} 时读写失败：{detail}",
            [VaultProblem.SegmentSizeInvalid] = (value, _) =>
                $"--segment-size {value} 不可用：应为 {VaultFormat.SegmentSizeMinBytes} 至 {VaultFormat.SegmentSizeMaxBytes} 之间的 2 的幂（字节）",
            [VaultProblem.NotAVaultFile] = (path, detail) => $"{path} 不是可交存的保管库文件，未发送任何内容（请先用 vault encrypt 加密）：{detail}",
            [VaultProblem.NotKept] = (id, _) => $"该存证下没有交存 {id} 这个加密文件（用 vault list 查看）",
        },
        KeyProblems = new Dictionary<VaultKeyProblem, Func<string, string, string>>
        {
            [VaultKeyProblem.NotFound] = (path, _) => $"找不到密钥文件 {path}",
            [VaultKeyProblem.Unreadable] = (path, detail) => $"无法读取密钥文件 {path}：{detail}",
            [VaultKeyProblem.OpenToOthers] = (path, mode) => $"密钥文件 {path} 可被其他用户读取或修改（权限 {mode}），不予使用：能读到它的人就能读到加密的内容；请执行 chmod 600 {path}",
            [VaultKeyProblem.Malformed] = (path, detail) => $"{path} 不是保管库密钥文件（应为一行 base64，16 或 32 字节的密钥）：{detail}",
            [VaultKeyProblem.Exists] = (path, _) => $"{path} 已存在，不予覆盖（密钥一旦覆盖，用它加密的文件便无法解密）；请用 -o 另选文件",
            [VaultKeyProblem.Unwritable] = (path, detail) => $"无法写入密钥文件 {path}：{detail}",
        },
        Failures = new Dictionary<VaultFailure, Func<long, string>>
        {
            [VaultFailure.NotAVaultFile] = _ => "不是保管库文件：开头不是 \"evidencechain/vault/v1\"",
            [VaultFailure.HeaderTruncated] = _ => "保管库文件在文件头内就结束了（文件被截断）",
            [VaultFailure.AlgorithmUnknown] = _ => "文件头中的算法既不是 XChaCha20-Poly1305 也不是 SM4-GCM（文件头被改动，或来自更新的版本）",
            [VaultFailure.SegmentSizeInvalid] = _ => "文件头中的分段大小不是 4 KiB 至 64 MiB 之间的 2 的幂（文件头被改动）",
            [VaultFailure.KeyAlgorithmMismatch] = _ => "文件所用算法与密钥的算法不同：请换用加密时所用的密钥",
            [VaultFailure.SegmentAuthenticationFailed] = segment =>
                $"第 {segment} 段未通过认证：密文被改动、截断、调换顺序或来自另一个文件，或者密钥不是加密时所用的那一个",
            [VaultFailure.TooManySegments] = _ => "保管库文件超过 2^32 段，不可能由合法的加密产生",
            [VaultFailure.LengthImpossible] = _ => "保管库文件的长度不可能由合法的加密产生：最后一段短于其 16 字节的认证标签，文件被截断或并非保管库文件",
        },
        NothingWritten = path => $"；未写入 {path}",
        Kept = (id, length, unit, leaf, algorithm, segments) =>
            $"已交存：{id}（{length} 字节，{algorithm}，{segments} 段；{unit}）；保管记录见日志叶 {leaf}。服务方只持有密文，无法解读；密钥仍仅在您手中",
        ObjectLine = (id, length, unit, leaf, at) => $"{id}  {length} 字节  {unit}  保管记录：叶 {leaf}  {at}",
        NoObjects = "该存证没有交存的加密文件",
        Fetched = (path, length) => $"已取回：{path}（{length} 字节，SHA-256 与 SM3 均与保管记录一致；用 vault decrypt 以您的密钥解密）",
        NotAsRecorded = path => $"服务返回的文件与其保管记录不符（长度或摘要不同），未写入 {path}；请告知公证处",
        UnitOf = unit => unit is uint index ? $"单元 {index}" : "整份存证",
    };

    public static VaultText English { get; } = new()
    {
        KeyWritten = (path, algorithm, bits) =>
            $"key: {path} ({algorithm}, {bits} bits; owner only, mode 0600; keep a copy somewhere safe: without it no file encrypted under it can ever be read; never give it to the service)",
        Encrypted = (path, algorithm, segments, segmentSize, plain, cipher) =>
            $"encrypted: {path} ({algorithm}, {segments} segments of {segmentSize} bytes; {plain} bytes of content, {cipher} bytes written)",
        Decrypted = (path, plain, segments) => $"decrypted: {path} ({plain} bytes; all {segments} segments authenticated)",
        Problems = new Dictionary<VaultProblem, Func<string, string, string>>
        {
            [VaultProblem.InputNotFound] = (path, _) => $"{path} not found",
            [VaultProblem.InputUnreadable] = (path, detail) => $"cannot read {path}: {detail}",
            [VaultProblem.OutputExists] = (path, _) => $"{path} already exists and is not overwritten; choose another -o",
            [VaultProblem.OutputUnwritable] = (path, detail) => $"cannot write {path}: {detail}",
            [VaultProblem.StreamFailed] = (path, detail) => $"reading or writing failed while processing {path}: {detail}",
            [VaultProblem.SegmentSizeInvalid] = (value, _) =>
                $"--segment-size {value} cannot be used: it must be a power of two from {VaultFormat.SegmentSizeMinBytes} to {VaultFormat.SegmentSizeMaxBytes} bytes",
            [VaultProblem.NotAVaultFile] = (path, detail) => $"{path} is not a vault file the service can keep, and nothing was sent (encrypt it first with vault encrypt): {detail}",
            [VaultProblem.NotKept] = (id, _) => $"no vault file {id} is kept for this deposit (see vault list)",
        },
        KeyProblems = new Dictionary<VaultKeyProblem, Func<string, string, string>>
        {
            [VaultKeyProblem.NotFound] = (path, _) => $"key file {path} not found",
            [VaultKeyProblem.Unreadable] = (path, detail) => $"cannot read the key file {path}: {detail}",
            [VaultKeyProblem.OpenToOthers] = (path, mode) =>
                $"the key file {path} may be read or changed by other users (mode {mode}) and is not used: whoever reads it can read the vault; run chmod 600 {path}",
            [VaultKeyProblem.Malformed] = (path, detail) => $"{path} is not a vault key file (one line of base64 of a 16- or 32-byte key): {detail}",
            [VaultKeyProblem.Exists] = (path, _) => $"{path} already exists and is not overwritten (an overwritten key loses every file encrypted under it); choose another -o",
            [VaultKeyProblem.Unwritable] = (path, detail) => $"cannot write the key file {path}: {detail}",
        },
        Failures = new Dictionary<VaultFailure, Func<long, string>>
        {
            [VaultFailure.NotAVaultFile] = _ => "not a vault file: it does not start with \"evidencechain/vault/v1\"",
            [VaultFailure.HeaderTruncated] = _ => "the vault file ends inside its header (it was truncated)",
            [VaultFailure.AlgorithmUnknown] = _ => "the header names neither XChaCha20-Poly1305 nor SM4-GCM (the header was altered, or the file is from a later version)",
            [VaultFailure.SegmentSizeInvalid] = _ => "the header's segment size is not a power of two from 4 KiB to 64 MiB (the header was altered)",
            [VaultFailure.KeyAlgorithmMismatch] = _ => "the file is encrypted with the other algorithm than the key's: use the key it was encrypted with",
            [VaultFailure.SegmentAuthenticationFailed] = segment =>
                $"segment {segment} failed authentication: the ciphertext was altered, truncated, reordered or belongs to another file, or the key is not the one it was encrypted with",
            [VaultFailure.TooManySegments] = _ => "the vault file goes on past 2^32 segments, which no encryption makes",
            [VaultFailure.LengthImpossible] = _ => "no encryption makes a vault file of this length: its last segment is shorter than its 16-byte tag, so it was cut short or is not a vault file",
        },
        NothingWritten = path => $"; {path} was not written",
        Kept = (id, length, unit, leaf, algorithm, segments) =>
            $"kept: {id} ({length} bytes, {algorithm}, {segments} segments; {unit}); the custody event is leaf {leaf}. The service holds ciphertext only and cannot read it; the key stays with you",
        ObjectLine = (id, length, unit, leaf, at) => $"{id}  {length} bytes  {unit}  custody leaf {leaf}  {at}",
        NoObjects = "no vault file is kept for this deposit",
        Fetched = (path, length) => $"fetched: {path} ({length} bytes; SHA-256 and SM3 match the custody record; decrypt it with vault decrypt and your key)",
        NotAsRecorded = path => $"the file the service returned is not the one its custody record names (its length or digests differ); {path} was not written; tell the notary office",
        UnitOf = unit => unit is uint index ? $"unit {index}" : "the whole deposit",
    };

    /// <summary>(path, algorithm, key bits).</summary>
    public required Func<string, string, int, string> KeyWritten { get; init; }

    /// <summary>(path, algorithm, segments, segment size, content bytes, file bytes).</summary>
    public required Func<string, string, long, int, long, long, string> Encrypted { get; init; }

    /// <summary>(path, content bytes, segments).</summary>
    public required Func<string, long, long, string> Decrypted { get; init; }

    /// <summary>Each problem's sentence, given the subject (a path or value) and the detail.</summary>
    public required IReadOnlyDictionary<VaultProblem, Func<string, string, string>> Problems { get; init; }

    /// <summary>Each key file problem's sentence, given the path and the detail (a mode, a length; never key material).</summary>
    public required IReadOnlyDictionary<VaultKeyProblem, Func<string, string, string>> KeyProblems { get; init; }

    /// <summary>Each decryption failure's sentence, given the segment index.</summary>
    public required IReadOnlyDictionary<VaultFailure, Func<long, string>> Failures { get; init; }

    /// <summary>Appended to a decryption failure: the output file was not made.</summary>
    public required Func<string, string> NothingWritten { get; init; }

    /// <summary>(ciphertext SHA-256 in hex, bytes, unit, custody leaf, algorithm, segments).</summary>
    public required Func<string, ulong, string, ulong, string, ulong, string> Kept { get; init; }

    /// <summary>(ciphertext SHA-256 in hex, bytes, unit, custody leaf, time kept).</summary>
    public required Func<string, ulong, string, ulong, string, string> ObjectLine { get; init; }

    public required string NoObjects { get; init; }

    /// <summary>(path, bytes).</summary>
    public required Func<string, long, string> Fetched { get; init; }

    /// <summary>The fetched bytes are not the recorded ones (path not written).</summary>
    public required Func<string, string> NotAsRecorded { get; init; }

    /// <summary>A unit index, or the whole deposit for null.</summary>
    public required Func<uint?, string> UnitOf { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static VaultText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    public string Describe(VaultProblem problem, string subject, string detail) =>
        Problems.TryGetValue(problem, out Func<string, string, string>? line) ? line(subject, detail) : $"{problem}: {subject} {detail}";

    public string Describe(VaultKeyException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return KeyProblems.TryGetValue(exception.Problem, out Func<string, string, string>? line) ? line(exception.Path, exception.Detail) : exception.Message;
    }

    public string Describe(VaultFormatException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Failures.TryGetValue(exception.Failure, out Func<long, string>? line) ? line(exception.SegmentIndex) : exception.Message;
    }
}
