using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Core;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.Tsp;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The built-in TSA on a real service's public listener (HTTP on 127.0.0.1): OpenSSL's <c>ts</c> and
/// curl, programs that share no code with ours, ask for a token and verify it against the development
/// root the service published; the token is a leaf of the log; a request sent as something else is
/// refused; and with no clock reference it trusts, the TSA refuses with timeNotAvailable and records nothing.
/// </summary>
public sealed class TsaEndpointTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task OpensslQueryCurlVerify_Succeeds_AndTheTokenIsALeaf()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100");
        string work = Directory.CreateDirectory(Path.Combine(_data.Path, "client")).FullName;
        await File.WriteAllTextAsync(Path.Combine(work, "evidence.txt"), "a contract to timestamp\n");

        // RFC 3161 §3.4 as standard clients speak it, piped end to end.
        (int exitCode, string output) = ExternalProgram.Run(work, "bash", "-c",
            "set -euo pipefail; openssl ts -query -data evidence.txt -sha256 -cert -out q.tsq"
            + $" && curl -sS --fail -H 'Content-Type: application/timestamp-query' --data-binary @q.tsq {service.PublicAddress.TrimEnd('/')}/tsa -o r.tsr"
            + $" && openssl ts -verify -in r.tsr -queryfile q.tsq -CAfile {Path.Combine(_data.Path, "tsa-root.crt")}");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification: OK", output, StringComparison.Ordinal);
        (_, string text) = ExternalProgram.Run(work, "openssl", "ts", "-reply", "-in", "r.tsr", "-text");
        Assert.Contains("Policy OID: 2.25.326783749558368311111193446806714739097", text, StringComparison.Ordinal);
        Assert.Contains("Accuracy: 0x01 seconds", text, StringComparison.Ordinal);

        // The token is a timestamp token leaf (type 6, schema 1) whose record is the token's DER.
        byte[] token = new TimeStampResponse(await File.ReadAllBytesAsync(Path.Combine(work, "r.tsr"))).TimeStampToken.GetEncoded();
        RecordLeaf leaf = Assert.Single(await RecordLeavesAsync(service), l => l.Type == LeafType.TimestampToken);
        Assert.Equal((1, Digest.Read(SHA256.HashData(token)), Sm3.HashData(token)), (leaf.RecordSchema, leaf.Record.Sha256, leaf.Record.Sm3));

        // The certificate chain is published for verifiers; anything but a time-stamp query is refused.
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };
        string chain = await http.GetStringAsync(new Uri("/tsa/certificate", UriKind.Relative));
        Assert.Equal(2, chain.Split("-----BEGIN CERTIFICATE-----").Length - 1);
        using var json = new ByteArrayContent("{}"u8.ToArray());
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage wrongType = await http.PostAsync(new Uri("/tsa", UriKind.Relative), json);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Contains("application/timestamp-query", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, service.Terminate());
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task NoTrustedClockReference_RefusedWithTimeNotAvailable_NothingRecorded()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Sequencer:Interval=00:00:00.100", "--Tsa:TrustLocalClock=false");
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        TimeStampRequest request = generator.Generate(TspAlgorithms.Sha256, SHA256.HashData("evidence"u8), Org.BouncyCastle.Math.BigInteger.One);
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };
        using var body = new ByteArrayContent(request.GetEncoded());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        HttpResponseMessage answer = await http.PostAsync(new Uri("/tsa", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/timestamp-reply", answer.Content.Headers.ContentType?.MediaType);
        var response = new TimeStampResponse(await answer.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, response.Status); // rejection
        Assert.Equal(Org.BouncyCastle.Asn1.Cmp.PkiFailureInfo.TimeNotAvailable, response.GetFailInfo().IntValue);
        Assert.Null(response.TimeStampToken);
        RpcException none = await Assert.ThrowsAsync<RpcException>(async () => await service.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = 1 }));
        Assert.Equal(StatusCode.OutOfRange, none.StatusCode); // the log holds no leaf at all
        Assert.Equal(0, service.Terminate());
    }

    [Fact]
    public async Task ClockReference_SkewedBeyondTheBound_Refused_Honest_Granted()
    {
        // A local NTP server whose clock the test sets (a fake: a real NTP server's clock cannot be moved), 30 s ahead.
        using (var skewed = new FakeNtpServer { Skew = TimeSpan.FromSeconds(30) })
        {
            using ServiceProcess service = ServiceProcess.Start(_data.Path, $"--Tsa:Clock:References:0=ntp://127.0.0.1:{skewed.Port}", PatientClock);
            TimeStampResponse refused = await AnswerOnceReadAsync(service);
            Assert.Equal(Org.BouncyCastle.Asn1.Cmp.PkiFailureInfo.TimeNotAvailable, refused.GetFailInfo().IntValue);
            Assert.Contains($"off ntp://127.0.0.1:{skewed.Port}", refused.GetStatusString(), StringComparison.Ordinal);
            Assert.Equal(0, service.Terminate());
        }

        using var honest = new FakeNtpServer();
        using ServiceProcess again = ServiceProcess.Start(_data.Path, $"--Tsa:Clock:References:0=ntp://127.0.0.1:{honest.Port}", PatientClock);
        TimeStampResponse granted = await AnswerOnceReadAsync(again);
        Assert.Equal(0, granted.Status);
        Assert.NotNull(granted.TimeStampToken);
        Assert.Equal(0, again.Terminate());
    }

    [Fact]
    public async Task Sm2Variant_TokensOverAnSm3Imprint_VerifyAgainstItsSm2Root()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, "--Tsa:Algorithm=sm2");
        TimestampImprint imprint = TimestampImprint.Compute(TimestampHash.Sm3, "evidence for a national-algorithm deployment"u8);
        TimestampRequest request = TimestampRequest.Create(imprint, RandomNumberGenerator.Fill);
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };
        using var body = new ByteArrayContent(request.Der.ToArray());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        TimestampResponseVerdict answer = request.ReadResponse(await (await http.PostAsync(new Uri("/tsa", UriKind.Relative), body)).Content.ReadAsByteArrayAsync());
        Assert.True(answer.Answers, answer.ToString());
        var root = new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(await File.ReadAllBytesAsync(Path.Combine(_data.Path, "tsa-root.crt")));
        Assert.Equal("SM3WITHSM2", root.SigAlgName.ToUpperInvariant());
        TimestampVerdict verdict = new TimestampTokenVerifier([root], [root]).Verify(answer.TokenDer!, imprint);
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(0, service.Terminate());
    }

    public void Dispose() => _data.Dispose();

    /// <summary>
    /// A busy CI machine can take longer than the default 2 s for the first exchange with the local fake, and the next
    /// round would come only after the interval: give the first one ample time.
    /// </summary>
    private const string PatientClock = "--Tsa:Clock:Timeout=00:00:10";

    /// <summary>The TSA's answer once its clock was compared with the reference (bounded poll: the first comparison runs at start).</summary>
    private static async Task<TimeStampResponse> AnswerOnceReadAsync(ServiceProcess service)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        byte[] request = generator.Generate(TspAlgorithms.Sha256, SHA256.HashData("evidence"u8), Org.BouncyCastle.Math.BigInteger.Two).GetEncoded();
        using var http = new HttpClient { BaseAddress = new Uri(service.PublicAddress) };
        TimeStampResponse response = null!;
        for (int attempt = 0; attempt < 400; attempt++)
        {
            using var body = new ByteArrayContent(request);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            response = new TimeStampResponse(await (await http.PostAsync(new Uri("/tsa", UriKind.Relative), body)).Content.ReadAsByteArrayAsync());
            if (response.Status == 0 || !response.GetStatusString().Contains("not been compared with a reference yet", StringComparison.Ordinal))
            {
                return response;
            }

            await Task.Delay(50);
        }

        return response;
    }

    private static async Task<IReadOnlyList<RecordLeaf>> RecordLeavesAsync(ServiceProcess service)
    {
        // The leaves a checkpoint holds (bounded poll: checkpoints come every 100 ms).
        ulong count = 0;
        for (int attempt = 0; attempt < 100 && count == 0; attempt++)
        {
            count = (await service.Client.GetLogInfoAsync(new GetLogInfoRequest())).TreeSize;
            await Task.Delay(count == 0 ? 50 : 0);
        }

        GetLeavesResponse leaves = await service.Client.GetLeavesAsync(new GetLeavesRequest { StartIndex = 0, Count = (uint)count });
        var records = new List<RecordLeaf>();
        foreach (byte[] bytes in leaves.Leaves.Select(l => l.ToByteArray()))
        {
            LeafType type = (LeafType)bytes[1];
            if (type != LeafType.Deposit && LeafEnvelope.TryDecodeRecord(bytes, type, out RecordLeaf? leaf).IsValid)
            {
                records.Add(leaf!);
            }
        }

        return records;
    }
}
