using Org.BouncyCastle.Security;

namespace EvidenceChain.Timestamping.Tests.Support;

/// <summary>A root CA and a TSA certificate under it, made with <see cref="TsaCertificates"/>.</summary>
internal sealed record TestPki(IssuedCertificate Root, IssuedCertificate Tsa)
{
    /// <summary>A fixed instant inside <see cref="Fixed"/> PKIs' validity, for tests that need no real clock.</summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<TsaKeyAlgorithm, TestPki> s_current = [];
    private static readonly Dictionary<TsaKeyAlgorithm, TestPki> s_fixed = [];

    public static SecureRandom Random { get; } = new();

    /// <summary>Valid from a month ago to a year ahead of the real clock, as OpenSSL (which checks at its "now") needs. Made once per algorithm.</summary>
    public static TestPki Current(TsaKeyAlgorithm algorithm) => Cached(s_current, algorithm, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(365));

    /// <summary>Root valid 2025 to 2035, TSA 2026 to 2027: for tests that pass their own times.</summary>
    public static TestPki Fixed(TsaKeyAlgorithm algorithm) => Cached(s_fixed, algorithm, new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static TestPki Create(TsaKeyAlgorithm algorithm, DateTimeOffset tsaNotBefore, DateTimeOffset tsaNotAfter, string name = "Test")
    {
        IssuedCertificate root = TsaCertificates.CreateRoot(algorithm, $"{name} Root CA", tsaNotBefore.AddYears(-1), tsaNotAfter.AddYears(8), Random);
        IssuedCertificate tsa = TsaCertificates.IssueTsa(root, algorithm, $"{name} TSA", tsaNotBefore, tsaNotAfter, Random);
        return new TestPki(root, tsa);
    }

    public TsaCredential Credential => TsaCredential.Create(Tsa.PrivateKey, Tsa.Certificate);

    public TimestampTokenVerifier Verifier(bool operatorTsa = false) => new([Root.Certificate], operatorTsa ? [Tsa.Certificate] : []);

    private static TestPki Cached(Dictionary<TsaKeyAlgorithm, TestPki> cache, TsaKeyAlgorithm algorithm, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        lock (cache)
        {
            if (!cache.TryGetValue(algorithm, out TestPki? pki))
            {
                pki = Create(algorithm, notBefore, notAfter);
                cache[algorithm] = pki;
            }

            return pki;
        }
    }
}
