using System.Globalization;

namespace EvidenceChain.Vault.Internal;

/// <summary>Every exception the vault throws is made here, so each message is written once.</summary>
internal static class Error
{
    public static ArgumentOutOfRangeException AlgorithmUndefined(VaultAlgorithm algorithm) =>
        new(nameof(algorithm), algorithm, "Not a vault algorithm: 1 (XChaCha20-Poly1305) or 2 (SM4-GCM).");

    public static void CheckSegmentSize(int segmentSizeBytes)
    {
        if (!VaultFormat.IsValidSegmentSize(segmentSizeBytes))
        {
            throw new ArgumentOutOfRangeException(
                nameof(segmentSizeBytes),
                segmentSizeBytes,
                $"The segment size must be a power of two from {VaultFormat.SegmentSizeMinBytes} to {VaultFormat.SegmentSizeMaxBytes} bytes.");
        }
    }

    public static ArgumentException KeyLength(VaultAlgorithm algorithm, int lengthBytes, string paramName) =>
        new(string.Create(CultureInfo.InvariantCulture, $"A {VaultFormat.AlgorithmName(algorithm)} key is {VaultFormat.KeyLengthBytes(algorithm)} bytes; got {lengthBytes}."), paramName);

    public static ArgumentException StreamNotReadable(string paramName) => new("The stream cannot be read.", paramName);

    public static ArgumentException StreamNotWritable(string paramName) => new("The stream cannot be written.", paramName);

    public static ArgumentException PlaintextTooLong(int segmentSizeBytes, string paramName) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The content needs more than 2^32 segments of {segmentSizeBytes} bytes: choose a larger segment size."), paramName);

    public static VaultFormatException NotAVaultFile() =>
        new(VaultFailure.NotAVaultFile, -1, "not a vault file: it does not start with \"evidencechain/vault/v1\"");

    public static VaultFormatException HeaderTruncated(int lengthBytes, int expectedBytes) =>
        new(VaultFailure.HeaderTruncated, -1, string.Create(CultureInfo.InvariantCulture, $"the vault file ends inside its header ({lengthBytes} of {expectedBytes} bytes)"));

    public static VaultFormatException AlgorithmUnknown(byte value) =>
        new(VaultFailure.AlgorithmUnknown, -1, string.Create(CultureInfo.InvariantCulture, $"the vault header names algorithm {value}, which is neither 1 (XChaCha20-Poly1305) nor 2 (SM4-GCM)"));

    public static VaultFormatException SegmentSizeInvalid(uint value) =>
        new(
            VaultFailure.SegmentSizeInvalid,
            -1,
            string.Create(CultureInfo.InvariantCulture, $"the vault header's segment size {value} is not a power of two from {VaultFormat.SegmentSizeMinBytes} to {VaultFormat.SegmentSizeMaxBytes} bytes"));

    public static VaultFormatException KeyAlgorithmMismatch(VaultAlgorithm file, VaultAlgorithm key) =>
        new(VaultFailure.KeyAlgorithmMismatch, -1, $"the vault file is encrypted with {VaultFormat.AlgorithmName(file)} but the key is a {VaultFormat.AlgorithmName(key)} key");

    public static VaultFormatException SegmentAuthenticationFailed(long segmentIndex) =>
        new(
            VaultFailure.SegmentAuthenticationFailed,
            segmentIndex,
            string.Create(
                CultureInfo.InvariantCulture,
                $"segment {segmentIndex} failed authentication: the ciphertext was altered, truncated, reordered or belongs to another file, or the key is not the one it was encrypted with"));

    public static VaultFormatException TooManySegments() =>
        new(VaultFailure.TooManySegments, VaultFormat.SegmentCountMax, "the vault file goes on past its 2^32nd segment");

    public static VaultFormatException LengthImpossible(long lengthBytes, long lastSealedBytes) =>
        new(
            VaultFailure.LengthImpossible,
            -1,
            string.Create(
                CultureInfo.InvariantCulture,
                $"a vault file of {lengthBytes} bytes would end with a segment of {lastSealedBytes} bytes, shorter than its 16-byte tag: it was cut short or is not a vault file"));

    public static VaultKeyException Key(VaultKeyProblem problem, string path, string detail, Exception? inner = null)
    {
        string message = problem switch
        {
            VaultKeyProblem.NotFound => $"there is no vault key file at {path}",
            VaultKeyProblem.Unreadable => $"cannot read the vault key file {path}: {detail}",
            VaultKeyProblem.OpenToOthers =>
                $"the vault key file {path} may be read or changed by other users (mode {detail}) and is not used: whoever reads it can read the vault; run chmod 600 {path}",
            VaultKeyProblem.Malformed => $"{path} is not a vault key file (one line of base64 of a 16- or 32-byte key): {detail}",
            VaultKeyProblem.Exists => $"{path} already exists and is not overwritten (a lost key loses every file encrypted under it)",
            VaultKeyProblem.Unwritable => $"cannot write the vault key file {path}: {detail}",
            _ => $"{problem}: {path} {detail}",
        };
        return new VaultKeyException(problem, path, detail, message, inner);
    }
}
