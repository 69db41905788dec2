using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.Security;

namespace EvidenceChain.Core.Tests.Support;

/// <summary>
/// A real RFC 3161 TSA (<see cref="TimestampAuthority"/>) with its own root CA made by
/// <see cref="TsaCertificates"/>, stamping at a fixed instant inside its certificate's validity, so no
/// test depends on the clock. Each instance is a separate PKI: one's root does not vouch for another's TSA.
/// </summary>
internal sealed class TestTsa
{
    public const string Policy = "1.3.6.1.4.1.55555.1.1";

    /// <summary>genTime of every token: inside the TSA certificates' validity (2026 to 2027).</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Accuracy = TimeSpan.FromSeconds(1);

    private static readonly SecureRandom s_random = new();

    private readonly TimestampAuthority _authority;

    private TestTsa(TsaKeyAlgorithm algorithm, string name)
    {
        Root = TsaCertificates.CreateRoot(algorithm, $"{name} Root CA", new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero), s_random);
        Tsa = TsaCertificates.IssueTsa(Root, algorithm, $"{name} TSA", new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), s_random);
        _authority = new TimestampAuthority(TsaCredential.Create(Tsa.PrivateKey, Tsa.Certificate), Policy, Accuracy, new ClockGuard(Accuracy, TimeSpan.FromMinutes(10)));
    }

    public static TestTsa Ecdsa { get; } = new(TsaKeyAlgorithm.EcdsaP256, "Independent");

    /// <summary>Another ECDSA TSA under a root of its own, which verifiers in these tests do not trust.</summary>
    public static TestTsa Untrusted { get; } = new(TsaKeyAlgorithm.EcdsaP256, "Unknown");

    public static TestTsa Sm2 { get; } = new(TsaKeyAlgorithm.Sm2, "National");

    /// <summary>An ECDSA TSA standing for the operator's built-in one: its tokens verify under its root but are the operator's word.</summary>
    public static TestTsa Operator { get; } = new(TsaKeyAlgorithm.EcdsaP256, "Operator");

    public IssuedCertificate Root { get; }

    public IssuedCertificate Tsa { get; }

    /// <summary>Trust in this TSA's root; with <paramref name="operatorTsa"/>, its certificate is the operator's own.</summary>
    public TimestampTrust Trust(bool operatorTsa = false) => new([Root.Certificate], operatorTsa ? [Tsa.Certificate] : []);

    /// <summary>A token over the UTF-8 of <paramref name="text"/>, asked for and read back as a client would.</summary>
    public byte[] Stamp(string text, TimestampHash hash = TimestampHash.Sha256)
    {
        TimestampRequest request = TimestampRequest.Create(TimestampImprint.Compute(hash, Encoding.UTF8.GetBytes(text)), RandomNumberGenerator.Fill);
        var serial = new BigInteger(RandomNumberGenerator.GetBytes(16), isUnsigned: true, isBigEndian: true);
        TimestampReply reply = _authority.Respond(request.Der.Span, Now, serial, new ClockReading("test reference", Now, TimeSpan.Zero, Now, Now));
        Assert.True(reply.IsGranted, reply.StatusText);
        TimestampResponseVerdict answer = request.ReadResponse(reply.ResponseDer);
        Assert.True(answer.Answers, answer.ToString());
        return answer.TokenDer!;
    }
}
