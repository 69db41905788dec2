using System.Globalization;
using System.Text.Json;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Locators;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The public listener's read-only JSON API (docs/service.md#public-listener): checkpoints,
/// consistency proofs, anchors, and a receipt by locator. Nobody is authenticated here; a receipt is
/// reachable only through a locator its owner minted, and every such read is a custody event. The
/// one mapping from engine refusals to HTTP statuses is <see cref="StatusOf"/>.
/// </summary>
internal static class PublicRoutes
{
    public const string CheckpointPath = "/v1/checkpoint";
    public const string ConsistencyPath = "/v1/consistency";
    public const string AnchorsPath = "/v1/anchors";
    public const string ReceiptsPath = "/v1/receipts/";
    public const string KeysPath = "/v1/keys";
    public const string KeyStatementsPath = "/v1/key-statements";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,

        // Notes keep their "+" and "—" readable; the answers are application/json with nosniff,
        // never embedded in HTML, which is what the default escaping guards against.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Where the public listener serves the receipt a locator opens, relative to its address.</summary>
    public static string ReceiptPath(string locator) => ReceiptsPath + locator;

    /// <summary>Maps the routes; <paramref name="metricsServed"/> says whether the listener also serves <see cref="MetricsSettings.ScrapePath"/>, which the fallback's sentence then names.</summary>
    public static void Map(IEndpointRouteBuilder routes, LogQueries queries, ReceiptLocators locators, AnchoringView anchoring, bool metricsServed)
    {
        string metrics = metricsServed ? $", {MetricsSettings.ScrapePath} (Prometheus)" : string.Empty;
        routes.MapGet(CheckpointPath, (HttpContext http) => Answer(http, () =>
        {
            StoredCheckpoint checkpoint = queries.LatestCheckpoint();
            return Json(new PublicAnswers.Checkpoint(queries.Origin, checkpoint.TreeSize, checkpoint.Note));
        }));

        routes.MapGet(ConsistencyPath, (HttpContext http) => Answer(http, () =>
        {
            ulong first = SizeParameter(http, "first") ?? throw new QueryException(QueryFailure.InvalidArgument, "give the first tree size: ?first=N&second=M (second optional: the latest)");
            (ulong from, ulong to, Digest[] proof) = queries.ConsistencyProof(first, SizeParameter(http, "second") ?? 0);
            return Json(new PublicAnswers.Consistency(from, to, [.. proof.Select(h => Convert.ToBase64String(Digest.AsBytes(h)))]));
        }));

        routes.MapGet(AnchorsPath, (HttpContext http) => Answer(http, () =>
        {
            ulong? asked = SizeParameter(http, "tree_size");
            if (asked == 0)
            {
                throw new QueryException(QueryFailure.InvalidArgument, "tree_size must be at least 1 (or left out for the latest checkpoint)");
            }

            ulong treeSize = asked ?? queries.LatestCheckpoint().TreeSize;

            PublicAnswers.AnchorChain Chain(AnchorTarget target) =>
                new(target.Kind, target.ChainId, target.Contract, target.GenesisHash, queries.OriginHash.ToHex());
            return Json(new PublicAnswers.AnchorList(
                anchoring.Chain is not null,
                treeSize,
                [.. (treeSize == 0 ? [] : queries.AnchorsCovering(treeSize)).Select(a =>
                {
                    ChainInclusion? landed = a.Status == AnchorStatus.Lost ? null : a.Inclusion;
                    return new PublicAnswers.Anchor(
                        a.Status.ToString().ToLowerInvariant(),
                        Chain(a.Target),
                        a.TreeSize,
                        Convert.ToBase64String(Digest.AsBytes(a.Root)),
                        landed?.TransactionHash,
                        landed?.BlockNumber,
                        landed?.BlockHash,
                        landed?.BlockTimestamp);
                })]));
        }));

        // The log's verifier keys, as notary.vkeys holds them. The verification page offers them as a
        // default only beside their fingerprints and the advice to compare those with the ones the
        // notary office publishes: keys a verifier fetches from the party it checks prove nothing.
        routes.MapGet(KeysPath, (HttpContext http) => Answer(http, () =>
            Results.Text(string.Concat(queries.VerifierKeys.Select(k => k.ToVerifierKey() + "\n")), "text/plain; charset=utf-8")));

        // The signed notes of the log's key rotations, or of the compromise it succeeds (key-statement.md): public by nature.
        routes.MapGet(KeyStatementsPath, (HttpContext http) => Answer(http, () =>
            Json(new PublicAnswers.KeyStatements(queries.Origin, queries.KeyStatements()))));

        // The receipt file exactly as the service makes it (what `evidencechain receipt` saves,
        // without the depositor's opening, which only the depositor's salt can add).
        routes.MapGet(ReceiptsPath + "{locator}", async (HttpContext http, string locator) =>
        {
            try
            {
                string receiptJson = await locators.ReadByLocatorAsync(locator, http.RequestAborted).ConfigureAwait(false);
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Text(receiptJson, "application/json");
            }
            catch (QueryException e)
            {
                return Refuse(http, e);
            }
        });

        routes.MapFallback((HttpContext http) => Refuse(http, new QueryException(QueryFailure.NotFound, $"there is no {http.Request.Method} {http.Request.Path} here; this listener serves the verification page at {VerifyPage.PagePath} (and the auditors' at {VerifyPage.AuditPath}), GET {CheckpointPath}, {ConsistencyPath}, {AnchorsPath}, {KeysPath}, {KeyStatementsPath}, {ReceiptsPath}{{locator}}{metrics} and {TsaRoutes.CertificatePath}, and POST {TsaRoutes.TsaPath} (RFC 3161)")));
    }

    /// <summary>The one table from an engine refusal to an HTTP status.</summary>
    public static int StatusOf(QueryFailure failure) => failure switch
    {
        QueryFailure.InvalidArgument or QueryFailure.OutOfRange => StatusCodes.Status400BadRequest,
        QueryFailure.NotFound => StatusCodes.Status404NotFound,
        QueryFailure.NotYetSigned or QueryFailure.Unavailable => StatusCodes.Status503ServiceUnavailable,
        QueryFailure.PermissionDenied or QueryFailure.Unauthenticated => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A refusal as JSON: <c>{"error": "…"}</c>, with when to retry on 503 and 429.</summary>
    public static IResult Refusal(HttpContext http, int status, string message)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests && !http.Response.Headers.ContainsKey("Retry-After"))
        {
            http.Response.Headers.RetryAfter = "1";
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Json(new PublicAnswers.Refusal(message), s_json, statusCode: status);
    }

    private static IResult Refuse(HttpContext http, QueryException e) => Refusal(http, StatusOf(e.Failure), e.Message);

    private static IResult Answer(HttpContext http, Func<IResult> answer)
    {
        try
        {
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return answer();
        }
        catch (QueryException e)
        {
            return Refuse(http, e);
        }
    }

    private static IResult Json<T>(T value) => Results.Json(value, s_json);

    /// <summary>A tree size from the query string, null when absent; anything but a decimal ulong is refused.</summary>
    private static ulong? SizeParameter(HttpContext http, string name)
    {
        if (!http.Request.Query.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues values) || values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 && ulong.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out ulong size)
            ? size
            : throw new QueryException(QueryFailure.InvalidArgument, $"{name} must be one tree size, a whole number, not '{values}'");
    }
}
