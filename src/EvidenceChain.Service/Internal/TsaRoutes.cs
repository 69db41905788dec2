using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Timestamping;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The built-in TSA on the public listener, as RFC 3161 §3.4 has it over HTTP, so standard clients
/// work unchanged (<c>openssl ts -query | curl --data-binary … | openssl ts -verify</c>):
/// <c>POST /tsa</c> takes an <c>application/timestamp-query</c> and answers an
/// <c>application/timestamp-reply</c>, a refusal included (its status is inside the reply);
/// <c>GET /tsa/certificate</c> gives the TSA's certificate, and the development root that issued it, as PEM.
/// </summary>
internal static class TsaRoutes
{
    public const string TsaPath = "/tsa";
    public const string CertificatePath = "/tsa/certificate";

    private const string QueryMediaType = "application/timestamp-query";
    private const string ReplyMediaType = "application/timestamp-reply";

    public static void Map(IEndpointRouteBuilder routes, BuiltInTsa tsa, TsaCertificateChain chain)
    {
        routes.MapPost(TsaPath, async (HttpContext http) =>
        {
            if (!string.Equals(http.Request.ContentType, QueryMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return PublicRoutes.Refusal(http, StatusCodes.Status415UnsupportedMediaType, $"a time-stamp request is sent as {QueryMediaType} (RFC 3161 §3.4), not '{http.Request.ContentType}'");
            }

            byte[] request = new byte[TimestampAuthority.RequestLengthMaxBytes + 1];
            int length = await http.Request.Body.ReadAtLeastAsync(request, request.Length, throwOnEndOfStream: false, http.RequestAborted).ConfigureAwait(false);
            if (length > TimestampAuthority.RequestLengthMaxBytes)
            {
                return PublicRoutes.Refusal(http, StatusCodes.Status413PayloadTooLarge, $"a time-stamp request is at most {TimestampAuthority.RequestLengthMaxBytes} bytes");
            }

            try
            {
                TimestampReply reply = await tsa.IssueAsync(request.AsMemory(0, length), http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Bytes(reply.ResponseDer, ReplyMediaType);
            }
            catch (QueryException e)
            {
                return PublicRoutes.Refusal(http, PublicRoutes.StatusOf(e.Failure), "no token was issued: " + e.Message);
            }
        });

        routes.MapGet(CertificatePath, (HttpContext http) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Text(chain.Pem, "application/pem-certificate-chain");
        });
    }
}

/// <summary>The TSA's certificate and, for the development TSA, the root that issued it, as PEM: what a verifier trusts.</summary>
internal sealed record TsaCertificateChain(string Pem);
