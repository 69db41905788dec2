using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace EvidenceChain.Service.Tests;

/// <summary>TLS configured the ASP.NET Core way, and server reflection for generic gRPC tools.</summary>
public class TransportTests
{
    [Fact]
    public async Task Tls_EndpointFromConfiguration_ServesGrpcOverHttp2WithThatCertificate()
    {
        using var data = new TempDirectory();
        using X509Certificate2 certificate = SelfSigned();
        string pfx = Path.Combine(data.Path, "server.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        using ServiceProcess service = ServiceProcess.Start(
            data.Path,
            "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Https:Certificate:Path={pfx}",
            "--Kestrel:Endpoints:Https:Certificate:Password=test-password");
        X509Certificate2? presented = null;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // Trust exactly the certificate the test made, nothing else.
                RemoteCertificateValidationCallback = (_, cert, _, _) =>
                {
                    presented = cert is null ? null : new X509Certificate2(cert);
                    return cert is not null && cert.GetCertHashString() == certificate.GetCertHashString();
                },
            },
        };
        service.ChannelOptions = new GrpcChannelOptions { HttpHandler = handler };

        GetLogInfoResponse info = await service.Client.GetLogInfoAsync(new GetLogInfoRequest());

        Assert.StartsWith("https://127.0.0.1:", service.Address, StringComparison.Ordinal);
        Assert.StartsWith("localhost/evidencechain/", info.Origin, StringComparison.Ordinal);
        Assert.Equal(certificate.Thumbprint, presented!.Thumbprint);
    }

    [Fact]
    public async Task Reflection_ListsTheEvidenceService()
    {
        using var data = new TempDirectory();
        using ServiceProcess service = ServiceProcess.Start(data.Path);
        var reflection = new ServerReflection.ServerReflectionClient(service.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("evidencechain.v1.EvidenceService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
