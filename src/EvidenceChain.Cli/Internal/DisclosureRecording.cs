using System.Security.Cryptography;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Disclosures;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>disclose --record</c>: after the package is written, the service records the disclosure as a
/// custody event (docs/formats/custody-event.md, action 10) with the package file's SHA-256 and SM3
/// and the disclosed unit indexes. The package itself, its salts and the content never leave this
/// machine; the digests are of the file exactly as written, so the court can match what it received.
/// </summary>
internal static class DisclosureRecording
{
    public static async Task<ExitCode> RecordAsync(CliContext context, DisclosureOwnerText text, ServerChoice server, string packagePath, string recipientPartyId, CancellationToken cancellationToken)
    {
        string json = InputFile.ReadText(packagePath, Disclosure.FileLengthMaxBytes);
        byte[] package;
        try
        {
            package = File.ReadAllBytes(packagePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputProblem.Unreadable, packagePath, e.Message);
        }

        DisclosureVerdict parsed = Disclosure.TryParse(json, out Disclosure? disclosure);
        if (!parsed.IsValid)
        {
            throw new DisclosureInputException(DisclosureProblem.ReceiptNotOfADeposit, packagePath, parsed.ToString());
        }

        Receipt? receipt = null;
        TlogProof? proof = null;
        Verdict verdict = Receipt.TryParse(disclosure!.ReceiptJson, out receipt);

        if (verdict.IsValid)
        {
            verdict = TlogProof.TryParse(receipt!.TlogProof, out proof);
        }

        if (!verdict.IsValid)
        {
            throw new DisclosureInputException(DisclosureProblem.ReceiptNotOfADeposit, packagePath, verdict.ToString());
        }

        using NotaryConnection connection = NotaryConnection.Open(server, context);
        LogInfo log = LogInfo.From(await connection.GetLogInfoAsync(cancellationToken).ConfigureAwait(false), connection.Address);

        // By the leaf's hash under this log's tree hash, as `receipt` fetches: a receipt of another log names no deposit here.
        using MerkleHasher hasher = MerkleHasher.Create(log.Origin.TreeHash);
        var request = new RecordDisclosureRequest
        {
            DepositId = hasher.HashLeaf(proof!.Leaf).ToHex(),
            PackageSha256 = ByteString.CopyFrom(SHA256.HashData(package)),
            PackageSm3 = ByteString.CopyFrom(Digest.AsBytes(Sm3.HashData(package))),
            RecipientPartyId = recipientPartyId,
        };
        request.UnitIndexes.AddRange(disclosure!.Units.Select(u => checked((uint)u.Index)));
        RecordDisclosureResponse recorded = await connection.RecordDisclosureAsync(request, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine(text.Recorded(connection.Address, recorded.LeafIndex, recipientPartyId));
        return ExitCode.Success;
    }
}
