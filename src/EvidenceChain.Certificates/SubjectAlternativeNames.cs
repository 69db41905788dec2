using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EvidenceChain.Certificates;

/// <summary>
/// Reads the URIs of a certificate's subject alternative name extension (RFC 5280 §4.2.1.6), which
/// .NET's <see cref="X509SubjectAlternativeNameExtension"/> does not enumerate (it gives DNS names and
/// IP addresses only). Every SAN extension is read: a certificate with two is malformed, and counting
/// the URIs of both is what stops a second party URI from hiding in the second.
/// </summary>
public static class SubjectAlternativeNames
{
    /// <summary>The extension's object identifier, id-ce-subjectAltName.</summary>
    public const string Oid = "2.5.29.17";

    /// <summary>More URIs than any certificate of ours carries: a longer list is refused, not read.</summary>
    public const int UriCountMax = 64;

    private static readonly Asn1Tag s_uniformResourceIdentifier = new(TagClass.ContextSpecific, 6);

    /// <summary>
    /// Every <c>uniformResourceIdentifier</c> of every subject alternative name extension, in order.
    /// Throws <see cref="CryptographicException"/> when an extension is not DER of GeneralNames or
    /// holds more than <see cref="UriCountMax"/> URIs.
    /// </summary>
    public static IReadOnlyList<string> UrisOf(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var uris = new List<string>();
        foreach (X509Extension extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != Oid)
            {
                continue;
            }

            try
            {
                // GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName; uniformResourceIdentifier [6] IA5String.
                var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER);
                AsnReader names = reader.ReadSequence();
                reader.ThrowIfNotEmpty();
                while (names.HasData)
                {
                    Asn1Tag tag = names.PeekTag();
                    if (tag.HasSameClassAndValue(s_uniformResourceIdentifier))
                    {
                        if (uris.Count == UriCountMax)
                        {
                            throw new CryptographicException($"The subject alternative names hold more than {UriCountMax} URIs.");
                        }

                        uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                    }
                    else
                    {
                        names.ReadEncodedValue();
                    }
                }
            }
            catch (AsnContentException e)
            {
                throw new CryptographicException("The subject alternative name extension is not DER-encoded GeneralNames: " + e.Message, e);
            }
        }

        return uris;
    }
}
