namespace EvidenceChain.Vault;

/// <summary>Why a vault key file cannot be used or made. The numbers are stable.</summary>
public enum VaultKeyProblem
{
    /// <summary>There is no file at the path.</summary>
    NotFound = 1,

    /// <summary>The file exists but cannot be read.</summary>
    Unreadable = 2,

    /// <summary>Group or others may read, write or execute the file (POSIX): whoever can read it can read the vault.</summary>
    OpenToOthers = 3,

    /// <summary>The file is not one line of base64 of a 16- or 32-byte key.</summary>
    Malformed = 4,

    /// <summary>A new key file would overwrite an existing file (a lost key loses every file under it).</summary>
    Exists = 5,

    /// <summary>The new key file cannot be written.</summary>
    Unwritable = 6,
}
