using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Timestamping.Tests.Support;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping.Tests;

/// <summary>
/// Interoperation both ways with <c>openssl ts</c> (OpenSSL 3.0), an RFC 3161 implementation that shares no
/// code with ours: its requests and verifier against our TSA, and its TSA (with its own CA, made by OpenSSL)
/// against our requester and verifier. The PKIs here are valid around the real clock because
/// <c>openssl ts -verify</c> judges certificates at its own "now".
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private const string OpenSslPolicy = "1.3.6.1.4.1.55555.2.1";

    private static readonly byte[] s_data = Encoding.UTF8.GetBytes("evidence file contents\n");

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(TsaKeyAlgorithm.Rsa)]
    [InlineData(TsaKeyAlgorithm.EcdsaP256)]
    public void OpenSslVerify_ReplyFromOurTsaToAnOpenSslQuery_Succeeds(TsaKeyAlgorithm algorithm)
    {
        TestPki pki = TestPki.Current(algorithm);
        _directory.Write("data.txt", s_data);
        _directory.Write("root.pem", pki.Root.CertificatePem);
        OpenSsl.Succeed(_directory.Path, "ts", "-query", "-data", "data.txt", "-sha256", "-cert", "-out", "query.tsq");

        DateTimeOffset now = DateTimeOffset.UtcNow;
        TimestampReply reply = TestTsa.Create(pki).Respond(File.ReadAllBytes(_directory.File("query.tsq")), now, TestTsa.RandomSerial(), TestTsa.ReadingAt(now));
        _directory.Write("reply.tsr", reply.ResponseDer);

        Assert.True(reply.IsGranted, reply.StatusText);
        string verified = OpenSsl.Succeed(_directory.Path, "ts", "-verify", "-in", "reply.tsr", "-queryfile", "query.tsq", "-CAfile", "root.pem");
        Assert.Contains("Verification: OK", verified, StringComparison.Ordinal);
        string text = OpenSsl.Succeed(_directory.Path, "ts", "-reply", "-in", "reply.tsr", "-text");
        Assert.Contains($"Policy OID: {TestTsa.Policy}", text, StringComparison.Ordinal);
        Assert.Contains("Accuracy: unspecified seconds, 0x01F4 millis, unspecified micros", text, StringComparison.Ordinal);
        Assert.True(pki.Verifier().Verify(reply.TokenDer, TimestampImprint.Compute(TimestampHash.Sha256, s_data)).IsValid);
    }

    [Fact]
    public void OpenSslVerify_ReplyForOtherData_Fails()
    {
        TestPki pki = TestPki.Current(TsaKeyAlgorithm.EcdsaP256);
        _directory.Write("data.txt", s_data);
        _directory.Write("other.txt", "other contents\n");
        _directory.Write("root.pem", pki.Root.CertificatePem);
        OpenSsl.Succeed(_directory.Path, "ts", "-query", "-data", "other.txt", "-sha256", "-cert", "-out", "other.tsq");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        TimestampReply reply = TestTsa.Create(pki).Respond(File.ReadAllBytes(_directory.File("other.tsq")), now, TestTsa.RandomSerial(), TestTsa.ReadingAt(now));
        _directory.Write("reply.tsr", reply.ResponseDer);

        (int exitCode, string output) = OpenSsl.Run(_directory.Path, "ts", "-verify", "-in", "reply.tsr", "-data", "data.txt", "-CAfile", "root.pem");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("message imprint mismatch", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenSslVerify_TokenWhoseTsaCertificateHasSinceExpired_FailsAtNowWhereOursAndOpenSslAtGenTimeSucceed()
    {
        TestPki expired = TestPki.Create(TsaKeyAlgorithm.EcdsaP256, new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), "Expired");
        DateTimeOffset issuedAt = new(2020, 6, 1, 0, 0, 0, TimeSpan.Zero);
        byte[] token = TestTsa.Stamp(TestTsa.Create(expired), s_data, issuedAt);
        _directory.Write("token.der", token);
        _directory.Write("root.pem", expired.Root.CertificatePem);
        string digest = Convert.ToHexStringLower(SHA256.HashData(s_data));
        string[] verify = ["ts", "-verify", "-in", "token.der", "-token_in", "-digest", digest, "-CAfile", "root.pem"];

        (int exitCode, string output) = OpenSsl.Run(_directory.Path, verify);
        string atGenTime = OpenSsl.Succeed(_directory.Path, [.. verify, "-attime", issuedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("certificate has expired", output, StringComparison.Ordinal);
        Assert.Contains("Verification: OK", atGenTime, StringComparison.Ordinal);
        Assert.True(expired.Verifier().Verify(token, TimestampImprint.Compute(TimestampHash.Sha256, s_data)).IsValid);
    }

    [Theory]
    [InlineData("ec -pkeyopt ec_paramgen_curve:P-256", "sha1")]
    [InlineData("rsa:2048", "sha256")]
    public void Verify_TokenFromAnOpenSslTsa_AcceptedUnderItsCaAndRefusedOtherwise(string keySpec, string essCertIdAlgorithm)
    {
        X509Certificate openSslRoot = MakeOpenSslTsa(keySpec, essCertIdAlgorithm);
        TimestampImprint imprint = TimestampImprint.Compute(TimestampHash.Sha256, s_data);
        TimestampRequest request = TimestampRequest.Create(imprint, RandomNumberGenerator.Fill, OpenSslPolicy);
        _directory.Write("query.tsq", request.Der.ToArray());

        OpenSsl.Succeed(_directory.Path, "ts", "-reply", "-config", "openssl.cnf", "-queryfile", "query.tsq", "-out", "reply.tsr");
        TimestampResponseVerdict answer = request.ReadResponse(File.ReadAllBytes(_directory.File("reply.tsr")));
        Assert.True(answer.Answers, answer.ToString());

        var verifier = new TimestampTokenVerifier([openSslRoot], []);
        TimestampVerdict verdict = verifier.Verify(answer.TokenDer, imprint);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal("CN=OpenSSL Test TSA", verdict.Timestamp.TsaName);
        Assert.Equal(OpenSslPolicy, verdict.Timestamp.PolicyOid);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), verdict.Timestamp.Accuracy);

        TimestampImprint otherImprint = TimestampImprint.Compute(TimestampHash.Sha256, "other contents\n"u8);
        Assert.Equal(TimestampFailure.WrongImprint, verifier.Verify(answer.TokenDer, otherImprint).Failure);
        TestPki ours = TestPki.Current(TsaKeyAlgorithm.EcdsaP256);
        Assert.Equal(TimestampFailure.UntrustedTsa, ours.Verifier().Verify(answer.TokenDer, imprint).Failure);
    }

    [Fact]
    public void ReadResponse_OpenSslTsaRefusingAnUnservedPolicy_IsRejectedWithItsReason()
    {
        MakeOpenSslTsa("ec -pkeyopt ec_paramgen_curve:P-256", "sha1");
        TimestampRequest request = TimestampRequest.Create(TimestampImprint.Compute(TimestampHash.Sha256, s_data), RandomNumberGenerator.Fill, "1.2.3.4.5");
        _directory.Write("query.tsq", request.Der.ToArray());

        OpenSsl.Succeed(_directory.Path, "ts", "-reply", "-config", "openssl.cnf", "-queryfile", "query.tsq", "-out", "reply.tsr");
        TimestampResponseVerdict answer = request.ReadResponse(File.ReadAllBytes(_directory.File("reply.tsr")));

        Assert.Equal(TimestampResponseFailure.Rejected, answer.Failure);
        Assert.Contains("unacceptedPolicy", answer.Detail, StringComparison.Ordinal);
    }

    /// <summary>An OpenSSL-made CA and TSA certificate and an openssl.cnf [tsa] section in the temp directory; returns the CA certificate.</summary>
    private X509Certificate MakeOpenSslTsa(string keySpec, string essCertIdAlgorithm)
    {
        _directory.Write("extensions.cnf", """
            [req]
            distinguished_name = dn
            [dn]
            [ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            [tsa]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, nonRepudiation
            extendedKeyUsage = critical, timeStamping
            """);
        _directory.Write("openssl.cnf", $"""
            [tsa]
            default_tsa = tsa_config
            [tsa_config]
            dir = .
            serial = ./tsaserial
            crypto_device = builtin
            signer_cert = ./tsa.pem
            signer_key = ./tsa.key
            signer_digest = sha256
            default_policy = {OpenSslPolicy}
            digests = sha256, sha384, sha512
            accuracy = secs:1, millisecs:500
            clock_precision_digits = 3
            ordering = no
            tsa_name = yes
            ess_cert_id_chain = no
            ess_cert_id_alg = {essCertIdAlgorithm}
            """);
        _directory.Write("tsaserial", "01\n");
        string[] newKey = ["-newkey", .. keySpec.Split(' '), "-nodes"];
        OpenSsl.Succeed(_directory.Path, ["req", "-x509", .. newKey, "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=OpenSSL Test Root",
            "-days", "30", "-config", "extensions.cnf", "-extensions", "ca"]);
        OpenSsl.Succeed(_directory.Path, ["req", .. newKey, "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/CN=OpenSSL Test TSA", "-config", "extensions.cnf"]);
        OpenSsl.Succeed(_directory.Path, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "tsa.pem",
            "-days", "30", "-extfile", "extensions.cnf", "-extensions", "tsa");
        return new X509CertificateParser().ReadCertificate(File.ReadAllBytes(_directory.File("ca.pem")));
    }
}
