using System.Text;

namespace EvidenceChain.Signing.Pkcs11.Internal;

/// <summary>
/// Reads the user PIN from a file readable by its owner only, the same rule the service applies to
/// its key files: a PIN others can read protects nothing.
/// </summary>
internal static class PinFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The PIN's bytes; the caller clears them after use.</summary>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw Error.PinFileMissing(path);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            throw Error.PinFileReadableByOthers(path, File.GetUnixFileMode(path));
        }

        byte[] content = File.ReadAllBytes(path);
        int length = content.Length;
        if (length > 0 && content[length - 1] == (byte)'\n')
        {
            length--;
            if (length > 0 && content[length - 1] == (byte)'\r')
            {
                length--;
            }
        }

        byte[] pin = content[..length];
        Array.Clear(content);
        if (pin.Length == 0 || Array.IndexOf(pin, (byte)'\n') >= 0)
        {
            throw Error.PinFileMalformed(path);
        }

        // PKCS#11 PINs are UTF-8 (v3.0 §5.6); refuse bytes that are not, rather than send them.
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(pin);
        }
        catch (DecoderFallbackException)
        {
            Array.Clear(pin);
            throw Error.PinFileMalformed(path);
        }

        return pin;
    }
}
