using System.Security.Cryptography;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Signing;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Signing.Pkcs11;
using EvidenceChain.Storage.LiteDb;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Opens the store and the keys at start, and refuses to start when they do not belong together
/// (<see cref="LogOpening"/>): a log must never sign two histories. The Ed25519 key is a file or,
/// with <see cref="SigningSettings"/> <c>Ed25519=pkcs11</c>, a key on a PKCS#11 device.
/// </summary>
internal static partial class LogComposition
{
    public static (LiteDbLogStore Store, Notary Notary) Open(ServiceOptions options, TimeProvider time, ILogger logger, SigningSettings? signing = null)
    {
        signing ??= new SigningSettings();
        string data = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(data);
        var keys = new NotaryKeyFiles(data);
        if (File.Exists(FrozenStatementPath(data)))
        {
            throw new InvalidOperationException(
                $"this log is frozen: its keys were announced compromised ({FrozenStatementPath(data)} names the successor log). "
                + "Start the service on the successor's data directory; keep this one read-only for its old receipts (docs/operations.md#when-the-log-keys-are-compromised)");
        }

        keys.FinishInterruptedRotation(time);
        LiteDbLogStore store = LiteDbLogStore.Open(Path.Combine(data, "log"));
        SigningKey? ed25519OnDevice = null;
        try
        {
            LogIdentity? identity = store.ReadIdentity();
            (LogOpeningAction action, string reason) = LogOpening.Decide(identity?.Origin, keys.ReadKeyName(), options.NewLog);
            LogOpeningDecision(logger, data, reason);
            if (action == LogOpeningAction.Refuse)
            {
                throw new InvalidOperationException(reason);
            }

            if (signing.Ed25519OnDevice)
            {
                Pkcs11KeyLocation location = signing.Ed25519Location();
                ed25519OnDevice = Pkcs11Ed25519Key.Open(location);
                LogDeviceKey(logger, location.KeyLabel, location.TokenLabel, location.LibraryPath);
            }

            switch (action)
            {
                case LogOpeningAction.RetireKeysAndCreateLog:
                    LogKeysRetired(logger, keys.Retire(time));
                    identity = Create(store, keys, options, time, ed25519OnDevice);
                    break;
                case LogOpeningAction.CreateLog:
                    identity = Create(store, keys, options, time, ed25519OnDevice);
                    break;
            }

            if (!LogOrigin.TryParse(identity!.Origin, out LogOrigin? origin))
            {
                throw new InvalidOperationException($"The store's origin '{identity.Origin}' is not an EvidenceChain origin.");
            }

            (var ed25519, var sm2) = keys.Load(origin!, ed25519OnDevice);
            (Ed25519NoteSigner, Sm2NoteSigner)? incoming = null;
            if (keys.RotationPending)
            {
                incoming = keys.LoadNext(origin!);
                LogRotationPending(logger, keys.PendingStatementPath);
            }

            NoteVerifier[] signingKeys = incoming is { } next ? [ed25519.Verifier, sm2.Verifier, next.Item1.Verifier, next.Item2.Verifier] : [ed25519.Verifier, sm2.Verifier];
            IReadOnlyList<NoteVerifier> earlier = [.. keys.ReadPublished(origin!).Except(signingKeys)];
            LogOpened(logger, origin!, keys.VerifierKeysPath);
            return (store, new Notary(origin!, ed25519, sm2, earlier, incoming));
        }
        catch
        {
            ed25519OnDevice?.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>Where <c>keys compromise</c> leaves the signed statement in the frozen log's data directory.</summary>
    public static string FrozenStatementPath(string dataDirectory) => Path.Combine(dataDirectory, "frozen.note");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A key rotation is pending: the next pair co-signs every checkpoint until the statement {Statement} is in one.")]
    private static partial void LogRotationPending(ILogger logger, string statement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data directory {Data}: {Reason}.")]
    private static partial void LogOpeningDecision(ILogger logger, string data, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The old log's keys were moved to {Retired}.")]
    private static partial void LogKeysRetired(ILogger logger, string retired);

    [LoggerMessage(Level = LogLevel.Information, Message = "The notary's Ed25519 key is '{KeyLabel}' on PKCS#11 token '{TokenLabel}' ({Library}).")]
    private static partial void LogDeviceKey(ILogger logger, string keyLabel, string tokenLabel, string library);

    [LoggerMessage(Level = LogLevel.Information, Message = "Log {Origin}; verifier keys in {VerifierKeys}.")]
    private static partial void LogOpened(ILogger logger, LogOrigin origin, string verifierKeys);

    private static LogIdentity Create(LiteDbLogStore store, NotaryKeyFiles keys, ServiceOptions options, TimeProvider time, SigningKey? ed25519OnDevice)
    {
        LogOrigin origin = LogOrigin.Create(options.Host, options.TreeHash, RandomNumberGenerator.Fill);
        keys.Create(origin, ed25519OnDevice);
        var identity = new LogIdentity(origin.ToString(), time.GetUtcNow().ToUnixTimeMilliseconds());
        store.CreateIdentity(identity);
        return identity;
    }
}
