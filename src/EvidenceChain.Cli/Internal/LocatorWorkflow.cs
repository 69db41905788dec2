using EvidenceChain.Cli.Offline;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The work of the <c>locator</c> commands: a depositor publishes one of its receipts on the
/// service's public listener under a random capability (mint), sees which it has published (list),
/// and withdraws one (revoke). Whether the caller may is the service's decision (docs/roles.md).
/// </summary>
internal static class LocatorWorkflow
{
    private const int LocatorLengthChars = 32;

    public static async Task<ExitCode> MintAsync(CliContext context, LocatorText text, ServerChoice server, string depositId, CancellationToken cancellationToken)
    {
        if (depositId.Length != 2 * Digest.SizeInBytes || !depositId.All(char.IsAsciiHexDigitLower))
        {
            throw new OnlineInputException(OnlineProblem.DepositIdMalformed, depositId);
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        MintLocatorResponse minted = await connection.MintLocatorAsync(new MintLocatorRequest { DepositId = depositId }, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(text.Minted(minted.Locator, minted.Path));
        context.Output.WriteLine(text.KeepIt);
        return ExitCode.Success;
    }

    public static async Task<ExitCode> RevokeAsync(CliContext context, LocatorText text, ServerChoice server, string locatorOrId, CancellationToken cancellationToken)
    {
        bool hex = locatorOrId.All(char.IsAsciiHexDigitLower);
        RevokeLocatorRequest request = (locatorOrId.Length, hex) switch
        {
            (LocatorLengthChars, true) => new RevokeLocatorRequest { Locator = locatorOrId },
            (2 * Digest.SizeInBytes, true) => new RevokeLocatorRequest { LocatorId = locatorOrId },
            _ => throw new OnlineInputException(OnlineProblem.LocatorMalformed, locatorOrId),
        };
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        ReceiptLocator revoked = await connection.RevokeLocatorAsync(request, cancellationToken).ConfigureAwait(false);
        Write(context.Output, text, revoked);
        context.Output.WriteLine(text.Revoked);
        return ExitCode.Success;
    }

    public static async Task<ExitCode> ListAsync(CliContext context, LocatorText text, ServerChoice server, ulong? leafIndex, CancellationToken cancellationToken)
    {
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        var request = new ListLocatorsRequest { Limit = 1000 };
        if (leafIndex is ulong index)
        {
            request.LeafIndex = index;
        }

        ListLocatorsResponse listed = await connection.ListLocatorsAsync(request, cancellationToken).ConfigureAwait(false);
        foreach (ReceiptLocator locator in listed.Locators)
        {
            Write(context.Output, text, locator);
        }

        if (listed.Locators.Count == 0)
        {
            context.Output.WriteLine(text.None);
        }

        return ExitCode.Success;
    }

    private static void Write(TextWriter output, LocatorText text, ReceiptLocator locator) =>
        output.WriteLine(text.Line(
            locator.LocatorId,
            locator.LeafIndex,
            locator.DepositId,
            LocatorText.Time(locator.MintedAtMs),
            locator.RevokedAtMs == 0 ? null : LocatorText.Time(locator.RevokedAtMs)));
}
