using System.Buffers;
using System.Text;
using System.Text.Json;
using EvidenceChain.Cli.Offline;
using EvidenceChain.Cli.Offline.Internal;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What <c>monitor</c> keeps between runs: the last anchored checkpoint it verified, and which log,
/// chain and contract that was on. The next run checks that the chain still holds that root at that
/// size and goes on from its block. Written in one step (a new file, then a rename), so a crash
/// leaves the old state or the new one:
/// <code>
/// {
///   "format": "evidencechain-monitor-state/v1",
///   "origin": "localhost/evidencechain/&lt;log id&gt;/sha256",
///   "log_id": "&lt;64 hex digits: SHA-256 of the origin&gt;",
///   "chain_id": 31337,
///   "contract": "0x&lt;40 hex digits, lowercase&gt;",
///   "tree_size": 7,
///   "root": "&lt;64 hex digits&gt;",
///   "block_number": 25,
///   "transaction_hash": "0x&lt;64 hex digits&gt;"
/// }
/// </code>
/// </summary>
internal sealed record MonitorState(string Origin, Digest LogId, ulong ChainId, string Contract, MonitorAnchor Anchor)
{
    public const string FormatV1 = "evidencechain-monitor-state/v1";

    /// <summary>A state file is a few hundred bytes; anything much larger is not one.</summary>
    public const int FileLengthMaxBytes = 16 * 1024;

    private static readonly JsonWriterOptions s_indented = new() { Indented = true };

    /// <summary>
    /// <c>$XDG_STATE_HOME/evidencechain/monitor/&lt;log id&gt;.json</c>, or
    /// <c>~/.local/state/evidencechain/monitor/&lt;log id&gt;.json</c>: one file per log, so monitoring
    /// several logs from one account keeps them apart.
    /// </summary>
    public static string DefaultPath(CliContext context, Digest logId)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? stateHome = context.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(stateHome))
        {
            string? home = context.GetEnvironmentVariable("HOME");
            stateHome = Path.Combine(string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".local", "state");
        }

        return Path.Combine(stateHome, "evidencechain", "monitor", logId.ToHex() + ".json");
    }

    /// <summary>The state in <paramref name="path"/>, or null when there is none yet.</summary>
    public static MonitorState? ReadIfExists(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }

        string text = InputFile.ReadText(path, FileLengthMaxBytes);
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, "not a JSON object");
            }

            if (String(root, "format", path) != FormatV1)
            {
                throw Malformed(path, $"the format is not {FormatV1}");
            }

            string contract = String(root, "contract", path);
            string transactionHash = String(root, "transaction_hash", path);
            if (!Chain.Ethereum.AnchorEventReader.IsAddress(contract))
            {
                throw Malformed(path, "contract is not an address");
            }

            return new MonitorState(
                String(root, "origin", path),
                Hex(root, "log_id", path),
                Number(root, "chain_id", path),
                contract.ToLowerInvariant(),
                new MonitorAnchor(Number(root, "tree_size", path), Hex(root, "root", path), Number(root, "block_number", path), transactionHash));
        }
        catch (JsonException e)
        {
            throw Malformed(path, e.Message);
        }
    }

    /// <summary>Replaces the state file in one step, creating its folder (owner only) if needed.</summary>
    public void Write(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            try
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OnlineInputException(OnlineProblem.Unwritable, directory, e.Message);
            }
        }

        OutputFile.Replace(path, ToJson());
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_indented))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatV1);
            writer.WriteString("origin", Origin);
            writer.WriteString("log_id", LogId.ToHex());
            writer.WriteNumber("chain_id", ChainId);
            writer.WriteString("contract", Contract);
            writer.WriteNumber("tree_size", Anchor.TreeSize);
            writer.WriteString("root", Anchor.Root.ToHex());
            writer.WriteNumber("block_number", Anchor.BlockNumber);
            writer.WriteString("transaction_hash", Anchor.TransactionHash);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static string String(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Malformed(path, $"\"{name}\" is missing or not a string");

    private static ulong Number(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong number)
            ? number
            : throw Malformed(path, $"\"{name}\" is missing or not a whole number");

    private static Digest Hex(JsonElement root, string name, string path)
    {
        string text = String(root, name, path);
        return text.Length == 2 * Digest.SizeInBytes && text.All(char.IsAsciiHexDigit)
            ? Digest.FromHex(text)
            : throw Malformed(path, $"\"{name}\" is not {Digest.SizeInBytes} bytes of hex");
    }

    private static MonitorInputException Malformed(string path, string detail) => new(MonitorProblem.StateFileMalformed, path, detail);
}
