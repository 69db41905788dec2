using EvidenceChain.Cli.Internal;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain party</c> against a real service in mutual TLS mode: the office manages the
/// registry; anyone else is told, in one line with the service's reason, that they may not.
/// </summary>
public sealed class PartyCommandTests(MtlsDeployment deployment) : IClassFixture<MtlsDeployment>
{
    [Fact]
    public async Task WhoAmI_Office_PrintsTheOfficeParty()
    {
        CliResult result = await deployment.Office.RunAsync("party", "whoami");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("party id: " + deployment.OfficeId, result.Output, StringComparison.Ordinal);
        Assert.Contains("role: notary office", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ByAnEnterprise_PermissionDeniedLine()
    {
        MtlsParty enterprise = await deployment.RegisterAsync("enterprise", "Qingdao Example Co.");

        CliResult result = await enterprise.RunAsync("party", "register", "--role", "enterprise", "--name", "Not allowed Co.");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: the server at " + deployment.Address + " does not allow this (PERMISSION_DENIED): ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Manage_RegisterBindRevokeDeactivate_ListShowsEachChange()
    {
        MtlsParty lender = await deployment.RegisterAsync("lender", "Example Bank");
        CliResult myKey = await lender.RunAsync("party", "my-key");
        string keyFile = Path.Combine(lender.ConfigHome, "evidencechain", "depositor.key");

        CliResult bound = await deployment.Office.RunAsync("party", "bind-key", "--party", lender.Id, "--key-file", keyFile);
        string fingerprint = System.Text.RegularExpressions.Regex.Match(myKey.Output, "fingerprint: ([0-9a-f]{64})").Groups[1].Value;
        CliResult revokedKey = await deployment.Office.RunAsync("party", "revoke-key", "--party", lender.Id, "--fingerprint", fingerprint);
        CliResult revokedCertificate = await deployment.Office.RunAsync("party", "revoke-cert", "--party", lender.Id, "--fingerprint", new string('a', 64));
        CliResult deactivated = await deployment.Office.RunAsync("party", "deactivate", "--party", lender.Id);
        CliResult list = await deployment.Office.RunAsync("party", "list");

        Assert.True(bound.ExitCode == 0, bound.ToString());
        Assert.Contains("fingerprint " + fingerprint, bound.Output, StringComparison.Ordinal);
        Assert.True(revokedKey.ExitCode == 0, revokedKey.ToString());
        Assert.Contains(", revoked ", revokedKey.Output, StringComparison.Ordinal);
        Assert.True(revokedCertificate.ExitCode == 0, revokedCertificate.ToString());
        Assert.Contains("  " + new string('a', 64), revokedCertificate.Output, StringComparison.Ordinal);
        Assert.True(deactivated.ExitCode == 0, deactivated.ToString());
        Assert.Contains("status: deactivated", deactivated.Output, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(deployment.OfficeId + "  notary office  ", list.Output, StringComparison.Ordinal);
        Assert.Contains(lender.Id + "  lender  Example Bank  deactivated", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindKey_MalformedInput_RefusedBeforeAnythingIsSent()
    {
        CliResult badId = await deployment.Office.RunAsync("party", "bind-key", "--party", "nope", "--public-key", new string('0', 64));
        CliResult badKey = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--public-key", "abc");
        CliResult both = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId);

        Assert.Equal((2, 2, 2), (badId.ExitCode, badKey.ExitCode, both.ExitCode));
        Assert.Contains("is not a party id", badId.Error, StringComparison.Ordinal);
        Assert.Contains("is not a depositor public key", badKey.Error, StringComparison.Ordinal);
        Assert.Contains("exactly one of --key-file, --public-key and --sm2", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindKey_Sm2KeyFromMyKeyAndAnOpenSslPem_BoundWithAlgorithmAndUserIdListed()
    {
        MtlsParty court = await deployment.RegisterAsync("court", "Lixia Court");
        CliResult myKey = await court.RunAsync("party", "my-key", "--sm2", "--user-id", "judge.li@court.example");
        string publicKey = System.Text.RegularExpressions.Regex.Match(myKey.Output, "public key: (04[0-9a-f]{128})").Groups[1].Value;
        string fingerprint = System.Text.RegularExpressions.Regex.Match(myKey.Output, "fingerprint: ([0-9a-f]{64})").Groups[1].Value;
        using var pem = new TempDirectory();
        string keyPem = Path.Combine(pem.Path, "key.pem");
        string publicPem = Path.Combine(pem.Path, "pub.pem");
        Assert.Equal(0, ExternalProcess.Run("openssl", ["genpkey", "-algorithm", "SM2", "-out", keyPem]).ExitCode);
        Assert.Equal(0, ExternalProcess.Run("openssl", ["pkey", "-in", keyPem, "-pubout", "-out", publicPem]).ExitCode);

        CliResult bound = await deployment.Office.RunAsync("party", "bind-key", "--party", court.Id, "--sm2", publicKey, "--user-id", "judge.li@court.example");
        CliResult fromPem = await deployment.Office.RunAsync("party", "bind-key", "--party", court.Id, "--sm2", publicPem);
        CliResult list = await deployment.Office.RunAsync("party", "list");
        CliResult revoked = await deployment.Office.RunAsync("party", "revoke-key", "--party", court.Id, "--fingerprint", fingerprint);

        Assert.True(myKey.ExitCode == 0, myKey.ToString());
        Assert.Contains("user ID: judge.li@court.example", myKey.Output, StringComparison.Ordinal);
        Assert.Contains("--sm2 " + publicKey + " --user-id 'judge.li@court.example'", myKey.Output, StringComparison.Ordinal);
        Assert.True(bound.ExitCode == 0, bound.ToString());
        Assert.Contains("  SM2 fingerprint " + fingerprint + " (public key " + publicKey + ", user ID judge.li@court.example, bound ", bound.Output, StringComparison.Ordinal);
        Assert.Contains("bound the SM2 key (fingerprint " + fingerprint + ")", bound.Output, StringComparison.Ordinal);
        Assert.True(fromPem.ExitCode == 0, fromPem.ToString());
        Assert.Contains("user ID 1234567812345678", fromPem.Output, StringComparison.Ordinal);
        Assert.Contains(court.Id + "  court  Lixia Court  active  2 active keys (SM2)", list.Output, StringComparison.Ordinal);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains("SM2 fingerprint " + fingerprint, revoked.Output, StringComparison.Ordinal);
        Assert.Contains(", revoked ", revoked.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindKey_MalformedSm2Input_RefusedWithTheReason()
    {
        string point = "04" + "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020" + "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13";
        string offCurve = point[..^1] + "2";

        CliResult notHex = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--sm2", "abc");
        CliResult notOnCurve = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--sm2", offCurve);
        CliResult longId = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--sm2", point, "--user-id", new string('u', 256));
        CliResult idWithoutSm2 = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--public-key", new string('0', 64), "--user-id", "x");
        CliResult two = await deployment.Office.RunAsync("party", "bind-key", "--party", deployment.OfficeId, "--public-key", new string('0', 64), "--sm2", point);

        Assert.Equal((2, 2, 2, 2, 2), (notHex.ExitCode, notOnCurve.ExitCode, longId.ExitCode, idWithoutSm2.ExitCode, two.ExitCode));
        Assert.Contains("'abc' is not an SM2 public key", notHex.Error, StringComparison.Ordinal);
        Assert.Contains("refused or failed the request (InvalidArgument)", notOnCurve.Error, StringComparison.Ordinal);
        Assert.Contains("not a point on the SM2 curve", notOnCurve.Error, StringComparison.Ordinal);
        Assert.Contains("an SM2 user ID has at most 255 bytes, not 256", longId.Error, StringComparison.Ordinal);
        Assert.Contains("--user-id is for SM2 public keys (--sm2) only", idWithoutSm2.Error, StringComparison.Ordinal);
        Assert.Contains("exactly one of --key-file, --public-key and --sm2", two.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MySm2Key_OwnerOnlyFile_SameKeyEachTimeAndTheGbTDefaultId()
    {
        using var home = new TempDirectory();
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home.Path };

        CliResult first = await CliRunner.RunAsync(environment, "party", "my-key", "--sm2");
        CliResult second = await CliRunner.RunAsync(environment, "party", "my-key", "--sm2", "--lang", "en");
        string keyFile = Path.Combine(home.Path, "evidencechain", Sm2RequestKey.FileName);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("已生成 SM2 请求私钥", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("created", second.Output, StringComparison.Ordinal);
        Assert.Contains("user ID: 1234567812345678", second.Output, StringComparison.Ordinal);
        string publicKey = System.Text.RegularExpressions.Regex.Match(second.Output, "public key: (04[0-9a-f]{128})").Groups[1].Value;
        Assert.Contains("公钥：" + publicKey, first.Output, StringComparison.Ordinal);
        var key = new Core.Access.PartyKey(Core.Access.PartyKeyAlgorithm.Sm2, Convert.FromHexString(publicKey), "1234567812345678"u8.ToArray(), 0, null);
        Assert.Contains("fingerprint: " + key.Fingerprint.ToHex(), second.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            CliResult open = await CliRunner.RunAsync(environment, "party", "my-key", "--sm2", "--lang", "en");
            Assert.Equal(2, open.ExitCode);
            Assert.Contains("can be read or changed by other users (mode 0640)", open.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MyKey_Chinese_PrintsTheSameKeyEachTime()
    {
        using var home = new TempDirectory();
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home.Path };

        CliResult first = await CliRunner.RunAsync(environment, "party", "my-key");
        CliResult second = await CliRunner.RunAsync(environment, "party", "my-key");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("已生成存证人私钥", first.Output, StringComparison.Ordinal);
        Assert.Contains("公钥：", second.Output, StringComparison.Ordinal);
        Assert.Equal(first.Output.Split('\n')[^4..], second.Output.Split('\n')[^4..]);
    }

    [Fact]
    public void PartyText_EveryRole_NamedInBothLanguages()
    {
        foreach (Protocol.V1.PartyRole role in Enum.GetValues<Protocol.V1.PartyRole>().Where(r => r != Protocol.V1.PartyRole.Unspecified))
        {
            Assert.NotEqual(PartyText.Chinese.RoleName(role), PartyText.English.RoleName(role));
            Assert.NotEqual(role.ToString(), PartyText.English.RoleName(role));
        }

        Assert.Same(PartyText.English, PartyText.For(ReportText.EnglishCode));
    }
}
