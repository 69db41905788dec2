using System.Globalization;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What the <c>party</c> commands print, once per language, beside <see cref="OnlineText"/> (whose
/// error sentences they share). Chinese is the default. Ids, keys and fingerprints are printed as
/// they are, so they can be copied into the next command.
/// </summary>
internal sealed class PartyText
{
    public static PartyText Chinese { get; } = new()
    {
        Id = "参与方编号：",
        Role = "角色：",
        Name = "名称：",
        CanApprove = "可审批放款：",
        Registered = "登记时间：",
        Status = "状态：",
        Active = "有效",
        Deactivated = time => $"已停用（{time}）",
        Keys = "请求签名公钥：",
        NoKeys = "  （无）",
        Key = (algorithm, fingerprint, publicKey, userId, added, revoked) =>
            $"  {algorithm} 指纹 {fingerprint}（公钥 {publicKey}{(userId is null ? string.Empty : "，用户标识 " + userId)}，绑定于 {added}{(revoked is null ? string.Empty : "，已于 " + revoked + " 吊销")}）",
        RevokedCertificates = "已吊销的证书（SHA-256 指纹）：",
        Yes = "是",
        No = "否",
        RegisteredNext = (id, name) => $"已登记。下一步：为其签发证书 evidencechain ca issue-party --dir ca --name \"{name}\" --party-id {id} --out 文件名",
        KeyBound = (algorithm, fingerprint) => $"已绑定{(algorithm == Core.Access.PartyKeyAlgorithm.Sm2 ? " SM2 " : "存证人")}公钥（指纹 {fingerprint}）",
        KeyRevoked = fingerprint => $"已吊销公钥（指纹 {fingerprint}）：它不能再签署新的请求，此前签署的仍归属该参与方",
        CertificateRevoked = fingerprint => $"已吊销证书（指纹 {fingerprint}）：持有者下次调用即被拒绝",
        PartyDeactivated = "已停用该参与方：它不能再调用服务，其记录保留",
        ListHeading = count => $"共 {count} 个参与方：",
        ListLine = (id, role, name, status, keys) => $"{id}  {role}  {name}  {status}  {keys}",
        KeyCount = (count, algorithms) => $"有效公钥 {count} 个{(count == 0 ? string.Empty : "（" + algorithms + "）")}",
        MyKeyFile = path => $"存证人私钥文件：{path}（请勿交给他人）",
        MyPublicKey = "公钥：",
        MyFingerprint = "指纹：",
        MyKeyHandOver = publicKey => $"请把公钥交给公证处绑定：evidencechain party bind-key --party 您的参与方编号 --public-key {publicKey}",
        Sm2KeyCreated = path => $"已生成 SM2 请求私钥 {path}（权限 0600）。请备份：它签署的请求归属于您。",
        MySm2KeyFile = path => $"SM2 请求私钥文件：{path}（请勿交给他人；存证请求仍由存证人 Ed25519 私钥签署）",
        MyUserId = "用户标识：",
        MySm2KeyHandOver = (publicKey, userIdArgument) => $"请把公钥和用户标识交给公证处绑定：evidencechain party bind-key --party 您的参与方编号 --sm2 {publicKey}{userIdArgument}",
        Roles = new Dictionary<PartyRole, string>
        {
            [PartyRole.NotaryOffice] = "公证处",
            [PartyRole.Notary] = "公证员",
            [PartyRole.Enterprise] = "企业",
            [PartyRole.Lender] = "贷款机构",
            [PartyRole.Registry] = "登记机构",
            [PartyRole.Court] = "法院",
            [PartyRole.Appraiser] = "评估机构",
            [PartyRole.Auditor] = "审计方",
        },
    };

    public static PartyText English { get; } = new()
    {
        Id = "party id: ",
        Role = "role: ",
        Name = "name: ",
        CanApprove = "may approve payouts: ",
        Registered = "registered: ",
        Status = "status: ",
        Active = "active",
        Deactivated = time => $"deactivated ({time})",
        Keys = "request-signing keys:",
        NoKeys = "  (none)",
        Key = (algorithm, fingerprint, publicKey, userId, added, revoked) =>
            $"  {algorithm} fingerprint {fingerprint} (public key {publicKey}{(userId is null ? string.Empty : ", user ID " + userId)}, bound {added}{(revoked is null ? string.Empty : ", revoked " + revoked)})",
        RevokedCertificates = "revoked certificates (SHA-256 fingerprints):",
        Yes = "yes",
        No = "no",
        RegisteredNext = (id, name) => $"registered. Next, issue its certificate: evidencechain ca issue-party --dir ca --name \"{name}\" --party-id {id} --out NAME",
        KeyBound = (algorithm, fingerprint) => $"bound the {(algorithm == Core.Access.PartyKeyAlgorithm.Sm2 ? "SM2" : "depositor")} key (fingerprint {fingerprint})",
        KeyRevoked = fingerprint => $"revoked the key (fingerprint {fingerprint}): it signs nothing new; what it signed before stays the party's",
        CertificateRevoked = fingerprint => $"revoked the certificate (fingerprint {fingerprint}): its holder is refused at the next call",
        PartyDeactivated = "deactivated the party: it can no longer call; its records stay",
        ListHeading = count => $"{count} {(count == 1 ? "party" : "parties")}:",
        ListLine = (id, role, name, status, keys) => $"{id}  {role}  {name}  {status}  {keys}",
        KeyCount = (count, algorithms) => $"{count} active {(count == 1 ? "key" : "keys")}{(count == 0 ? string.Empty : " (" + algorithms + ")")}",
        MyKeyFile = path => $"depositor key file: {path} (never hand it out)",
        MyPublicKey = "public key: ",
        MyFingerprint = "fingerprint: ",
        MyKeyHandOver = publicKey => $"hand the public key to the notary office, to bind: evidencechain party bind-key --party YOUR-PARTY-ID --public-key {publicKey}",
        Sm2KeyCreated = path => $"created the SM2 request key {path} (mode 0600). Back it up: the requests it signs are yours.",
        MySm2KeyFile = path => $"SM2 request key file: {path} (never hand it out; deposits are still signed with the Ed25519 depositor key)",
        MyUserId = "user ID: ",
        MySm2KeyHandOver = (publicKey, userIdArgument) => $"hand the public key and user ID to the notary office, to bind: evidencechain party bind-key --party YOUR-PARTY-ID --sm2 {publicKey}{userIdArgument}",
        Roles = new Dictionary<PartyRole, string>
        {
            [PartyRole.NotaryOffice] = "notary office",
            [PartyRole.Notary] = "notary",
            [PartyRole.Enterprise] = "enterprise",
            [PartyRole.Lender] = "lender",
            [PartyRole.Registry] = "registry",
            [PartyRole.Court] = "court",
            [PartyRole.Appraiser] = "appraiser",
            [PartyRole.Auditor] = "auditor",
        },
    };

    public required string Id { get; init; }

    public required string Role { get; init; }

    public required string Name { get; init; }

    public required string CanApprove { get; init; }

    public required string Registered { get; init; }

    public required string Status { get; init; }

    public required string Active { get; init; }

    public required Func<string, string> Deactivated { get; init; }

    public required string Keys { get; init; }

    public required string NoKeys { get; init; }

    /// <summary>(algorithm, fingerprint, public key hex, SM2 user ID or null, bound at, revoked at or null).</summary>
    public required Func<string, string, string, string?, string, string?, string> Key { get; init; }

    public required string RevokedCertificates { get; init; }

    public required string Yes { get; init; }

    public required string No { get; init; }

    /// <summary>(party id, display name).</summary>
    public required Func<string, string, string> RegisteredNext { get; init; }

    /// <summary>(algorithm, fingerprint): an Ed25519 key is a depositor key.</summary>
    public required Func<Core.Access.PartyKeyAlgorithm, string, string> KeyBound { get; init; }

    public required Func<string, string> KeyRevoked { get; init; }

    public required Func<string, string> CertificateRevoked { get; init; }

    public required string PartyDeactivated { get; init; }

    public required Func<int, string> ListHeading { get; init; }

    /// <summary>(id, role, name, status, <see cref="KeyCount"/>).</summary>
    public required Func<string, string, string, string, string, string> ListLine { get; init; }

    /// <summary>(active keys, their algorithms joined).</summary>
    public required Func<int, string, string> KeyCount { get; init; }

    public required Func<string, string> MyKeyFile { get; init; }

    public required string MyPublicKey { get; init; }

    public required string MyFingerprint { get; init; }

    public required Func<string, string> MyKeyHandOver { get; init; }

    public required Func<string, string> Sm2KeyCreated { get; init; }

    public required Func<string, string> MySm2KeyFile { get; init; }

    public required string MyUserId { get; init; }

    /// <summary>(public key hex, " --user-id 'ID'" or empty).</summary>
    public required Func<string, string, string> MySm2KeyHandOver { get; init; }

    public required IReadOnlyDictionary<PartyRole, string> Roles { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static PartyText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    public string RoleName(PartyRole role) => Roles.TryGetValue(role, out string? name) ? name : role.ToString();

    /// <summary>The algorithm as people write it; unspecified (an older service) is Ed25519.</summary>
    public static string AlgorithmName(KeyAlgorithm algorithm) => algorithm == KeyAlgorithm.Sm2 ? "SM2" : "Ed25519";

    public static string AlgorithmName(Core.Access.PartyKeyAlgorithm algorithm) => algorithm == Core.Access.PartyKeyAlgorithm.Sm2 ? "SM2" : "Ed25519";

    /// <summary>How many of the party's keys are not revoked, and of which algorithms.</summary>
    public string ActiveKeys(Party party)
    {
        ArgumentNullException.ThrowIfNull(party);
        PartyKey[] active = [.. party.Keys.Where(k => k.RevokedAtMs == 0)];
        return KeyCount(active.Length, string.Join(", ", active.Select(k => AlgorithmName(k.Algorithm)).Distinct()));
    }

    public string StatusOf(Party party) => party.DeactivatedAtMs == 0 ? Active : Deactivated(Time(party.DeactivatedAtMs));

    /// <summary>Milliseconds since the Unix epoch as a UTC time to the second.</summary>
    public static string Time(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Everything the service says about one party, a field a line.</summary>
    public void Write(TextWriter output, Party party)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(party);
        output.WriteLine(Id + party.Id);
        output.WriteLine(Role + RoleName(party.Role));
        output.WriteLine(Name + party.DisplayName);
        if (party.Role == PartyRole.Notary || party.CanApprove)
        {
            output.WriteLine(CanApprove + (party.CanApprove ? Yes : No));
        }

        output.WriteLine(Registered + Time(party.RegisteredAtMs));
        output.WriteLine(Status + StatusOf(party));
        output.WriteLine(Keys);
        if (party.Keys.Count == 0)
        {
            output.WriteLine(NoKeys);
        }

        foreach (PartyKey key in party.Keys)
        {
            output.WriteLine(Key(
                AlgorithmName(key.Algorithm),
                key.Fingerprint,
                Convert.ToHexStringLower(key.PublicKey.Span),
                key.Algorithm == KeyAlgorithm.Sm2 ? Core.Access.PartyKey.DescribeUserId(key.Sm2UserId.Span) : null,
                Time(key.AddedAtMs),
                key.RevokedAtMs == 0 ? null : Time(key.RevokedAtMs)));
        }

        if (party.RevokedCertificates.Count > 0)
        {
            output.WriteLine(RevokedCertificates);
            foreach (string fingerprint in party.RevokedCertificates)
            {
                output.WriteLine("  " + fingerprint);
            }
        }
    }
}
