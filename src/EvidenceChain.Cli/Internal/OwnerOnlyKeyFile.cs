using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A private key kept as one line of base64 in a file only its owner may read or change (0600 on
/// POSIX, from the moment the file exists; its directory 0700 when made here): the depositor's
/// Ed25519 seed and the SM2 request key. A file that other users can read or change is refused:
/// whoever holds it signs in its owner's name. Callers clear the returned secret when done.
/// </summary>
/// <param name="LengthBytes">The secret's length.</param>
/// <param name="OpenToOthers">The problem when the file's mode lets others in.</param>
/// <param name="Malformed">The problem when the file is not such a key.</param>
internal sealed record OwnerOnlyKeyFile(int LengthBytes, OnlineProblem OpenToOthers, OnlineProblem Malformed)
{
    /// <summary>A line of base64 and a newline; anything this large is the wrong file.</summary>
    private const int FileLengthMaxBytes = 1024;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Where a key file is: the option if given, else the environment variable, else <paramref name="fileName"/> in the user's configuration folder.</summary>
    public static string ResolvePath(string? option, string variable, string fileName, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(option))
        {
            return Path.GetFullPath(option);
        }

        string? fromEnvironment = context.GetEnvironmentVariable(variable);
        return Path.GetFullPath(string.IsNullOrEmpty(fromEnvironment) ? Path.Combine(context.ConfigDirectory(), fileName) : fromEnvironment);
    }

    /// <summary>
    /// The secret at <paramref name="path"/>, or a new one from <paramref name="newSecret"/> written
    /// there if there is no file (<paramref name="created"/>).
    /// </summary>
    public byte[] LoadOrCreate(string path, RandomSource newSecret, out bool created)
    {
        ArgumentNullException.ThrowIfNull(newSecret);
        created = false;
        if (File.Exists(path))
        {
            return Load(path);
        }

        byte[] secret = new byte[LengthBytes];
        newSecret(secret);
        try
        {
            string? directory = Path.GetDirectoryName(path);
            if (directory is not null && !Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, OwnerOnlyDirectory);
                }
            }

            // CreateNew with the mode given at creation: there is no moment at which the file exists readable by others.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(path, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            created = true;
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another command made the key at the same moment: use that one.
            CryptographicOperations.ZeroMemory(secret);
            return Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CryptographicOperations.ZeroMemory(secret);
            throw new OnlineInputException(OnlineProblem.Unwritable, path, e.Message);
        }
    }

    /// <summary>The secret at <paramref name="path"/>, after checking nobody but its owner may read or change the file.</summary>
    public byte[] Load(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOthers) != 0)
            {
                throw new OnlineInputException(OpenToOthers, path, "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0'));
            }
        }

        string text = InputFile.ReadText(path, FileLengthMaxBytes).Trim();
        byte[] secret = new byte[LengthBytes];
        if (!Convert.TryFromBase64String(text, secret, out int length) || length != LengthBytes)
        {
            CryptographicOperations.ZeroMemory(secret);
            throw new OnlineInputException(
                Malformed,
                path,
                string.Create(CultureInfo.InvariantCulture, $"{text.Length} characters that are not the base64 of {LengthBytes} bytes"));
        }

        return secret;
    }
}
