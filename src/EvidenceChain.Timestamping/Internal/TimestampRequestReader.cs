using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Tsp;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>Reads a TimeStampReq from untrusted bytes without throwing.</summary>
internal static class TimestampRequestReader
{
    public static bool TryRead(ReadOnlySpan<byte> der, [NotNullWhen(true)] out TimeStampRequest? request, out string problem)
    {
        request = null;
        if (der.Length > TimestampAuthority.RequestLengthMaxBytes)
        {
            problem = $"the request is {der.Length} bytes long; at most {TimestampAuthority.RequestLengthMaxBytes} are read";
            return false;
        }

        try
        {
            // FromByteArray refuses trailing bytes, so one request is exactly one DER value.
            var parsed = new TimeStampRequest(TimeStampReq.GetInstance(Asn1Object.FromByteArray(der.ToArray())));
            if (parsed.Version != 1)
            {
                problem = $"the request is version {parsed.Version}; RFC 3161 defines version 1";
                return false;
            }

            request = parsed;
            problem = string.Empty;
            return true;
        }
#pragma warning disable CA1031 // BouncyCastle's parsers throw many exception types on hostile input; every one means "malformed".
        catch (Exception e)
#pragma warning restore CA1031
        {
            problem = $"the request is not a DER TimeStampReq ({e.Message})";
            return false;
        }
    }
}
