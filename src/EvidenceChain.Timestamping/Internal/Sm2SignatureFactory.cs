using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// Signs CMS signed attributes with SM2/SM3 and the explicit user ID. BouncyCastle's
/// <c>Asn1SignatureFactory</c> cannot take a user ID: it wraps the key in its own parameters, so the ID
/// would silently fall back to the library default.
/// </summary>
internal sealed class Sm2SignatureFactory(AsymmetricKeyParameter privateKey) : ISignatureFactory
{
    public object AlgorithmDetails { get; } = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);

    public IStreamCalculator<IBlockResult> CreateCalculator() => new DefaultSignatureCalculator(Sm2.CreateSigner(forSigning: true, privateKey));
}
