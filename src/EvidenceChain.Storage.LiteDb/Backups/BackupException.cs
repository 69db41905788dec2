namespace EvidenceChain.Storage.LiteDb.Backups;

/// <summary>A backup that cannot be taken or restored: the message says why, for the operator. Nothing was written.</summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
