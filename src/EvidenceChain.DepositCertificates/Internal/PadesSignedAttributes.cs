using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>
/// BouncyCastle's default signed attributes (content type, message digest, algorithm protection) plus the
/// given ones, without signing-time: PAdES baseline signatures must not carry it (ETSI EN 319 142-1, 5.2.1).
/// </summary>
internal sealed class PadesSignedAttributes(AttributeTable extra) : CmsAttributeTableGenerator
{
    private readonly DefaultSignedAttributeTableGenerator _defaults = new(extra);

    public AttributeTable GetAttributes(IDictionary<CmsAttributeTableParameter, object> parameters) =>
        _defaults.GetAttributes(parameters).Remove(CmsAttributes.SigningTime);
}
