using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// <c>checkpoint</c>: prints the latest signed checkpoint verbatim and, with trusted keys, verifies
/// it and names the keys that signed. <c>--out</c> keeps the exact note, for a later
/// <c>consistency --old-checkpoint</c>; a note that fails verification is not kept.
/// </summary>
internal static class CheckpointWorkflow
{
    public static async Task<ExitCode> RunAsync(
        CliContext context,
        OnlineText text,
        ServerChoice server,
        string? outPath,
        IReadOnlyList<string> keyArguments,
        string? trustFile,
        CancellationToken cancellationToken)
    {
        TextWriter output = context.Output;
        using NotaryConnection connection = NotaryConnection.Open(server, context);
        TrustedKeySet? trusted = TrustedKeysOption.LoadOptional(keyArguments, trustFile, context);
        if (outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath)))
        {
            throw new OnlineInputException(OnlineProblem.OutputFileExists, outPath);
        }

        GetCheckpointResponse response = await connection.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
        output.WriteLine(text.CheckpointHeading(connection.Address, response.TreeSize));
        output.WriteLine();
        output.Write(response.Checkpoint);
        output.WriteLine();
        if (trusted is null)
        {
            output.WriteLine(text.CheckpointNotVerified);
        }
        else
        {
            Checkpoint checkpoint = Verify(response.Checkpoint, trusted, text.CheckpointFrom(connection.Address), out IReadOnlyList<NoteVerifier> signedBy);
            if (checkpoint.TreeSize != response.TreeSize)
            {
                throw new InvalidAnswerException(text.CheckpointFrom(connection.Address), Verdict.Fail(
                    VerificationFailure.MalformedCheckpoint,
                    $"the signed checkpoint has tree size {checkpoint.TreeSize} but the answer says {response.TreeSize}"));
            }

            output.WriteLine(text.CheckpointVerified);
            ReceiptVerification.WriteKeys(output, signedBy);
        }

        if (outPath is not null)
        {
            OutputFile.WriteNew(outPath, response.Checkpoint, ownerOnly: false);
            output.WriteLine(text.CheckpointSaved(outPath));
        }

        return ExitCode.Success;
    }

    /// <summary>The checkpoint in <paramref name="note"/>, verified with the trusted keys; throws <see cref="InvalidAnswerException"/> naming <paramref name="subject"/>.</summary>
    public static Checkpoint Verify(string note, TrustedKeySet trusted, string subject, out IReadOnlyList<NoteVerifier> signedBy)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        Verdict verdict = CheckpointVerifier.Verify(note, trusted.Keys, out VerifiedCheckpoint? verified);
        signedBy = verified?.SignedBy ?? [];
        return verdict.IsValid ? verified!.Checkpoint : throw new InvalidAnswerException(subject, verdict);
    }
}
