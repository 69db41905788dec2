using EvidenceChain.Certificates;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Every sentence of the <c>ca</c> commands, once per language, as <see cref="OnlineText"/> holds the
/// online commands' (the error prefix is the report's). Chinese is the default. Certificate names,
/// fingerprints and the validator's own detail stay as they are. Tests check that every problem
/// and every validator failure has a sentence in both languages.
/// </summary>
internal sealed class CaText
{
    public static CaText Chinese { get; } = new()
    {
        CaLabel = "部署 CA：",
        PartyIdLabel = "参与方编号：",
        PartyLabel = "参与方：",
        ServerLabel = "服务器：",
        NamesLabel = "服务器名称：",
        CertificateLabel = "证书：",
        PrivateKeyLabel = "私钥：",
        ValidLabel = "有效期：",
        FingerprintLabel = "SHA-256 指纹：",
        SubjectLabel = "主体：",
        IssuerLabel = "签发者：",
        SerialNumberLabel = "序列号：",
        DnsNamesLabel = "DNS 名称：",
        IpAddressesLabel = "IP 地址：",
        UsageLabel = "扩展密钥用途：",
        IssuerFingerprintLabel = "签发者 SHA-256 指纹：",
        IssuerKeyIdLabel = "签发者密钥标识：",
        None = "无",
        Aside = note => $"（{note}）",
        Validity = (from, to) => $"{from} 至 {to}",
        CaIsCa = "是 CA（路径长度 0），仅签发参与方证书和服务器证书",
        CaCertificateNote = "交给服务和每个参与方",
        CaKeyNote = "仅本人可读写，权限 0600；永远不要离开本机",
        PartyKeyNote = "仅本人可读写，权限 0600；只交给该参与方本人，交付后删除本机副本",
        ServerKeyNote = "仅本人可读写，权限 0600；只供服务使用",
        PartyFingerprintNote = "吊销证书时用它",
        SelfSigned = "自签名",
        IssuerUnknown = "未核验签发者：用 --ca 指定部署 CA 证书",
        PartyVerified = (party, ca) => $"核验通过：由部署 CA（SHA-256 {ca}）签发给参与方 {party}，且在有效期内",
        PartyNotVerified = (sentence, name, detail) => $"作为参与方证书未通过核验：{sentence} [{name}]（技术细节：{detail}）",
        Failures = new Dictionary<PartyCertificateFailure, string>
        {
            [PartyCertificateFailure.None] = "无",
            [PartyCertificateFailure.NoCertificate] = "没有证书",
            [PartyCertificateFailure.NotIssuedByDeploymentCa] = "证书不是由本部署的 CA 签发的",
            [PartyCertificateFailure.NotYetValid] = "证书尚未生效",
            [PartyCertificateFailure.Expired] = "证书已过期",
            [PartyCertificateFailure.NoClientAuthUsage] = "证书不能用于客户端身份认证（缺少 clientAuth 用途，例如服务器证书）",
            [PartyCertificateFailure.NoPartyUri] = "证书没有标明参与方（缺少 urn:evidencechain:party: URI）",
            [PartyCertificateFailure.SeveralPartyUris] = "证书标明了多个参与方",
            [PartyCertificateFailure.MalformedPartyId] = "证书中的参与方编号格式不对（应为 32 位小写十六进制）",
        },
        Problems = new Dictionary<CaProblem, Func<string, string, string>>
        {
            [CaProblem.NameInvalid] = (value, _) => $"“{value}”不能用作名称：应为 1 至 {DeploymentCa.NameLengthMaxChars} 个字符，不含控制字符，首尾不留空白",
            [CaProblem.PartyIdMalformed] = (value, _) => $"“{value}”不是参与方编号：应为 32 位小写十六进制",
            [CaProblem.DnsNameInvalid] = (value, _) => $"“{value}”不是服务器证书可用的 DNS 名称（不支持通配符）",
            [CaProblem.IpAddressInvalid] = (value, _) => $"“{value}”不是 IP 地址",
            [CaProblem.TooManyNames] = (count, _) => $"给出了 {count} 个名称，服务器证书最多 {DeploymentCa.ServerNameCountMax} 个 DNS 名称和 IP 地址",
            [CaProblem.ValidityOutOfRange] = (value, range) => $"{value} 超出范围（应为 {range}）",
            [CaProblem.OutlivesCa] = (end, caEnd) => $"证书将在 {end} 到期，晚于部署 CA 的到期时间 {caEnd}；请缩短 --days，或换用新的 CA",
            [CaProblem.NotACa] = (path, _) => $"{path} 不是 CA 证书；请用 --dir 指定 ca init 创建的目录",
            [CaProblem.DirectoryUnwritable] = (path, detail) => $"无法创建目录 {path}：{detail}",
        },
        FileProblems = new Dictionary<CertificateFileProblem, Func<string, string, string>>
        {
            [CertificateFileProblem.Exists] = (path, _) => $"{path} 已存在，不予覆盖（证书和私钥一旦覆盖便无法找回）；请另选 --out 或 --dir",
            [CertificateFileProblem.NotFound] = (path, _) => $"找不到 {path}",
            [CertificateFileProblem.Unreadable] = (path, detail) => $"无法读取 {path}：{detail}",
            [CertificateFileProblem.Unwritable] = (path, detail) => $"无法写入 {path}：{detail}",
            [CertificateFileProblem.TooLarge] = (path, detail) => $"{path} 过大，不是证书或私钥文件：{detail}",
            [CertificateFileProblem.Malformed] = (path, detail) => $"{path} 不是可读取的 PEM 证书或 PKCS#8 私钥：{detail}",
            [CertificateFileProblem.KeyOpenToOthers] = (path, mode) => $"私钥 {path} 可被其他用户读取或修改（权限 {mode}），不予使用；请执行 chmod 600 {path}",
            [CertificateFileProblem.KeyDoesNotMatch] = (path, detail) => $"私钥 {path} 与证书不匹配：{detail}",
        },
    };

    public static CaText English { get; } = new()
    {
        CaLabel = "deployment CA: ",
        PartyIdLabel = "party id: ",
        PartyLabel = "party: ",
        ServerLabel = "server: ",
        NamesLabel = "names: ",
        CertificateLabel = "certificate: ",
        PrivateKeyLabel = "private key: ",
        ValidLabel = "valid: ",
        FingerprintLabel = "SHA-256 fingerprint: ",
        SubjectLabel = "subject: ",
        IssuerLabel = "issuer: ",
        SerialNumberLabel = "serial number: ",
        DnsNamesLabel = "DNS names: ",
        IpAddressesLabel = "IP addresses: ",
        UsageLabel = "extended key usage: ",
        IssuerFingerprintLabel = "issuer's SHA-256 fingerprint: ",
        IssuerKeyIdLabel = "issuer's key id: ",
        None = "none",
        Aside = note => $" ({note})",
        Validity = (from, to) => $"{from} to {to}",
        CaIsCa = "a CA (path length 0): it issues party and server certificates only",
        CaCertificateNote = "give it to the service and to every party",
        CaKeyNote = "owner only, mode 0600; it never leaves this machine",
        PartyKeyNote = "owner only, mode 0600; hand it to the party and to no one else, then delete this copy",
        ServerKeyNote = "owner only, mode 0600; for the service only",
        PartyFingerprintNote = "the registry revokes a certificate by it",
        SelfSigned = "self-signed",
        IssuerUnknown = "issuer not checked: give the deployment CA certificate with --ca",
        PartyVerified = (party, ca) => $"verified: issued by the deployment CA (SHA-256 {ca}) to party {party}, and in date",
        PartyNotVerified = (sentence, name, detail) => $"does not verify as a party certificate: {sentence} [{name}] (detail: {detail})",
        Failures = new Dictionary<PartyCertificateFailure, string>
        {
            [PartyCertificateFailure.None] = "none",
            [PartyCertificateFailure.NoCertificate] = "there is no certificate",
            [PartyCertificateFailure.NotIssuedByDeploymentCa] = "the deployment's CA did not issue it",
            [PartyCertificateFailure.NotYetValid] = "it is not valid yet",
            [PartyCertificateFailure.Expired] = "it has expired",
            [PartyCertificateFailure.NoClientAuthUsage] = "it is not for client authentication (no clientAuth usage; a server certificate, say)",
            [PartyCertificateFailure.NoPartyUri] = "it names no party (no urn:evidencechain:party: URI)",
            [PartyCertificateFailure.SeveralPartyUris] = "it names more than one party",
            [PartyCertificateFailure.MalformedPartyId] = "its party id is malformed (32 lowercase hex digits expected)",
        },
        Problems = new Dictionary<CaProblem, Func<string, string, string>>
        {
            [CaProblem.NameInvalid] = (value, _) => $"'{value}' cannot be a name: 1 to {DeploymentCa.NameLengthMaxChars} characters, no control characters, no blanks at either end",
            [CaProblem.PartyIdMalformed] = (value, _) => $"'{value}' is not a party id: 32 lowercase hex digits",
            [CaProblem.DnsNameInvalid] = (value, _) => $"'{value}' is not a DNS name a server certificate may carry (no wildcards)",
            [CaProblem.IpAddressInvalid] = (value, _) => $"'{value}' is not an IP address",
            [CaProblem.TooManyNames] = (count, _) => $"{count} names given; a server certificate carries at most {DeploymentCa.ServerNameCountMax} DNS names and IP addresses",
            [CaProblem.ValidityOutOfRange] = (value, range) => $"{value} is out of range ({range})",
            [CaProblem.OutlivesCa] = (end, caEnd) => $"the certificate would end at {end}, after the deployment CA ({caEnd}); give fewer --days, or a new CA",
            [CaProblem.NotACa] = (path, _) => $"{path} is not a CA certificate; give --dir the folder that ca init made",
            [CaProblem.DirectoryUnwritable] = (path, detail) => $"cannot create the folder {path}: {detail}",
        },
        FileProblems = new Dictionary<CertificateFileProblem, Func<string, string, string>>
        {
            [CertificateFileProblem.Exists] = (path, _) => $"{path} already exists and is not overwritten (an overwritten certificate or key cannot be had back); choose another --out or --dir",
            [CertificateFileProblem.NotFound] = (path, _) => $"{path} does not exist",
            [CertificateFileProblem.Unreadable] = (path, detail) => $"cannot read {path}: {detail}",
            [CertificateFileProblem.Unwritable] = (path, detail) => $"cannot write {path}: {detail}",
            [CertificateFileProblem.TooLarge] = (path, detail) => $"{path} is too large for a certificate or key file: {detail}",
            [CertificateFileProblem.Malformed] = (path, detail) => $"{path} holds no PEM certificate or PKCS#8 private key that can be read: {detail}",
            [CertificateFileProblem.KeyOpenToOthers] = (path, mode) => $"the private key {path} can be read or changed by other users (mode {mode}) and is not used; run chmod 600 {path}",
            [CertificateFileProblem.KeyDoesNotMatch] = (path, detail) => $"the private key {path} does not belong to the certificate: {detail}",
        },
    };

    public required string CaLabel { get; init; }

    public required string PartyIdLabel { get; init; }

    public required string PartyLabel { get; init; }

    public required string ServerLabel { get; init; }

    public required string NamesLabel { get; init; }

    public required string CertificateLabel { get; init; }

    public required string PrivateKeyLabel { get; init; }

    public required string ValidLabel { get; init; }

    public required string FingerprintLabel { get; init; }

    public required string SubjectLabel { get; init; }

    public required string IssuerLabel { get; init; }

    public required string SerialNumberLabel { get; init; }

    public required string DnsNamesLabel { get; init; }

    public required string IpAddressesLabel { get; init; }

    public required string UsageLabel { get; init; }

    public required string IssuerFingerprintLabel { get; init; }

    public required string IssuerKeyIdLabel { get; init; }

    public required string None { get; init; }

    /// <summary>A note after a value: full-width parentheses in Chinese.</summary>
    public required Func<string, string> Aside { get; init; }

    /// <summary>(first moment, last moment), both already formatted.</summary>
    public required Func<string, string, string> Validity { get; init; }

    public required string CaIsCa { get; init; }

    public required string CaCertificateNote { get; init; }

    public required string CaKeyNote { get; init; }

    public required string PartyKeyNote { get; init; }

    public required string ServerKeyNote { get; init; }

    public required string PartyFingerprintNote { get; init; }

    public required string SelfSigned { get; init; }

    public required string IssuerUnknown { get; init; }

    /// <summary>(party id, the CA's fingerprint).</summary>
    public required Func<string, string, string> PartyVerified { get; init; }

    /// <summary>(localized failure, stable failure name, the validator's detail).</summary>
    public required Func<string, string, string, string> PartyNotVerified { get; init; }

    public required IReadOnlyDictionary<PartyCertificateFailure, string> Failures { get; init; }

    /// <summary>Each problem's sentence, given the subject (a path or value) and the detail.</summary>
    public required IReadOnlyDictionary<CaProblem, Func<string, string, string>> Problems { get; init; }

    /// <summary>Each file problem's sentence, given the path and the detail.</summary>
    public required IReadOnlyDictionary<CertificateFileProblem, Func<string, string, string>> FileProblems { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static CaText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    public string Describe(CaProblem problem, string subject, string detail) =>
        Problems.TryGetValue(problem, out Func<string, string, string>? line) ? line(subject, detail) : $"{problem}: {subject} {detail}";

    public string Describe(CertificateFileException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FileProblems.TryGetValue(exception.Problem, out Func<string, string, string>? line)
            ? line(exception.Path, exception.Detail)
            : exception.Message;
    }
}
