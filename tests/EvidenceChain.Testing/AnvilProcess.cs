using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace EvidenceChain.Testing;

/// <summary>
/// A local anvil node for one test class: the binary from the repository's pinned npm package
/// (`npm ci` installs it), on 127.0.0.1 at a port that was free a moment before, with
/// --prune-history so it leaves no state behind (keeping the last 64 states: with none, a call
/// against "latest" can race a block being mined and fail with BlockOutOfRangeError). Started directly (not through npx, whose wrapper
/// would hide the node's PID), waited for in a bounded loop, and stopped by its own PID.
/// </summary>
public sealed class AnvilProcess : IDisposable
{
    /// <summary>anvil's first development account: a published test key, for local chains only.</summary>
    public const string DevelopmentPrivateKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>anvil's second development account, (1) in its start-up list: funded like the first, and not a notary unless allowed.</summary>
    public const string SecondDevelopmentPrivateKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public const long ChainId = 31337;

    private readonly Process _process;

    private AnvilProcess(Process process, Uri rpc)
    {
        _process = process;
        Rpc = rpc;
    }

    public Uri Rpc { get; }

    public static AnvilProcess Start(params string[] extraArguments)
    {
        string binary = Path.Combine(ServiceHostProcess.RepoRoot(), "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException("anvil is not installed: run `npm ci` in the repository root (CI does).", binary);
        }

        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in (string[])["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chain-id", ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prune-history", "64", .. extraArguments])
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var anvil = new AnvilProcess(process, new Uri($"http://127.0.0.1:{port}"));
            if (anvil.WaitUntilAnswering())
            {
                return anvil;
            }

            // Another process took the port between our check and anvil's bind: try another.
            anvil.Dispose();
            if (attempt == 4)
            {
                throw new InvalidOperationException("anvil did not start after 5 attempts.");
            }
        }
    }

    /// <summary>Calls a JSON-RPC method (anvil's dev methods: evm_mine, evm_snapshot, evm_revert) and returns its result.</summary>
    public async Task<JsonElement> CallAsync(string method, params object[] parameters)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using HttpResponseMessage response = await http.PostAsJsonAsync(Rpc, new { jsonrpc = "2.0", id = 1, method, @params = parameters });
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("result", out JsonElement result)
            ? result.Clone()
            : throw new InvalidOperationException($"{method} failed: {body.RootElement}");
    }

    /// <summary>Mines <paramref name="blocks"/> empty blocks.</summary>
    public async Task MineAsync(int blocks)
    {
        for (int i = 0; i < blocks; i++)
        {
            await CallAsync("evm_mine");
        }
    }

    /// <summary>Stops the node, by its own PID: a chain that stops answering. <see cref="Dispose"/> still releases it.</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private bool WaitUntilAnswering()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (int i = 0; i < 100 && !_process.HasExited; i++)
        {
            try
            {
                using HttpResponseMessage response = http.PostAsJsonAsync(Rpc, new { jsonrpc = "2.0", id = 1, method = "web3_clientVersion", @params = Array.Empty<object>() }).GetAwaiter().GetResult();
                using JsonDocument body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
                if (body.RootElement.TryGetProperty("result", out JsonElement version) && version.GetString()!.Contains("anvil", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
            }

            // A bounded readiness poll (at most 100 × 100 ms), not a timing assumption.
            Thread.Sleep(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
