using System.Globalization;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>consistency</c>: fetches the RFC 9162 §2.1.4 proof that the tree of size NEW extends the tree of
/// size OLD and prints its hashes. Given a saved old checkpoint (and a new one, else the server's
/// latest), it verifies the proof between their signed roots: what an auditor runs to catch a notary
/// that shows different histories at different times. Checkpoints are read and verified with the
/// trusted keys before the server is asked anything.
/// </summary>
internal static class ConsistencyWorkflow
{
    public static async Task<ExitCode> RunAsync(CliContext context, OnlineText text, ConsistencyArguments arguments, CancellationToken cancellationToken)
    {
        TextWriter output = context.Output;
        using NotaryConnection connection = NotaryConnection.Open(arguments.Server, context);
        TrustedKeySet? trusted = null;
        Checkpoint? first = null;
        Checkpoint? second = null;
        string? secondSource = null;
        if (arguments.OldCheckpointPath is not null)
        {
            trusted = TrustedKeys.Load(arguments.KeyArguments, arguments.TrustFile, context);
            first = ReadCheckpointFile(arguments.OldCheckpointPath, arguments.OldTreeSize, trusted, text);
            if (arguments.NewCheckpointPath is not null)
            {
                second = ReadCheckpointFile(arguments.NewCheckpointPath, arguments.NewTreeSize, trusted, text);
                secondSource = arguments.NewCheckpointPath;
            }
            else if (arguments.NewTreeSize != 0)
            {
                throw new OnlineInputException(OnlineProblem.NewCheckpointNeeded, arguments.NewTreeSize.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (first is not null && second is null)
        {
            GetCheckpointResponse latest = await connection.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
            second = CheckpointWorkflow.Verify(latest.Checkpoint, trusted!, text.CheckpointFrom(connection.Address), out _);
            secondSource = text.TheServersLatest;
        }

        // With checkpoints the sizes are theirs, so the proof is for exactly the roots being compared.
        ulong secondTreeSize = second?.TreeSize ?? arguments.NewTreeSize;
        string subject = text.ConsistencyProofFrom(connection.Address);
        GetConsistencyProofResponse response = await connection.GetConsistencyProofAsync(arguments.OldTreeSize, secondTreeSize, cancellationToken).ConfigureAwait(false);
        if (response.FirstTreeSize != arguments.OldTreeSize || (secondTreeSize != 0 && response.SecondTreeSize != secondTreeSize))
        {
            throw new InvalidAnswerException(subject, Verdict.Fail(
                VerificationFailure.WrongProofLength,
                $"asked for {arguments.OldTreeSize} to {secondTreeSize}, the answer is for {response.FirstTreeSize} to {response.SecondTreeSize}"));
        }

        Digest[] proof = ProofHashes.Read(response.Proof, subject);
        output.WriteLine(text.ProofHeading(response.FirstTreeSize, response.SecondTreeSize, proof.Length));
        foreach (Digest hash in proof)
        {
            output.WriteLine("  " + hash.ToBase64());
        }

        if (first is null || second is null)
        {
            return ExitCode.Success;
        }

        if (first.Origin != second.Origin)
        {
            throw new InvalidAnswerException(
                text.CheckpointFile(secondSource!),
                Verdict.Fail(VerificationFailure.OriginMismatch, $"the checkpoints are of different logs, {first.Origin} and {second.Origin}"));
        }

        using MerkleHasher hasher = MerkleHasher.Create(first.Origin.TreeHash);
        Verdict verdict = ConsistencyProof.Verify(hasher, first.TreeSize, second.TreeSize, proof, first.Root, second.Root);
        if (!verdict.IsValid)
        {
            throw new InvalidAnswerException(subject, verdict, text.NotAnExtension);
        }

        output.WriteLine(text.ConsistencyVerified(first.TreeSize, second.TreeSize, $"{arguments.OldCheckpointPath}, {secondSource}"));
        return ExitCode.Success;
    }

    /// <summary>A saved checkpoint, verified with the trusted keys; its size must be the one given (0: any).</summary>
    private static Checkpoint ReadCheckpointFile(string path, ulong treeSize, TrustedKeySet trusted, OnlineText text)
    {
        string note = InputFile.ReadText(path, SignedNote.NoteLengthMaxBytes);
        Checkpoint checkpoint = CheckpointWorkflow.Verify(note, trusted, text.CheckpointFile(path), out _);
        return treeSize == 0 || checkpoint.TreeSize == treeSize
            ? checkpoint
            : throw new OnlineInputException(OnlineProblem.CheckpointSizeMismatch, path, checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture));
    }
}
