using System.Text.Json;
using Microsoft.Playwright;

namespace EvidenceChain.VerifyPage.Tests.Support;

/// <summary>
/// Reads the JavaScript heap of a page and of its dedicated Web Workers through the Chrome DevTools
/// Protocol (<c>Runtime.getHeapUsage</c>). Playwright opens CDP sessions on pages only; a worker is
/// reached through the page's session: auto-attach to its child targets, then send each worker its
/// command wrapped in <c>Target.sendMessageToTarget</c> and read the answer from
/// <c>Target.receivedMessageFromTarget</c>.
/// </summary>
internal sealed class HeapSampler
{
    private readonly ICDPSession _session;
    private readonly Lock _lock = new();
    private readonly List<string> _workerSessions = [];
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
    private int _nextId = 1;

    private HeapSampler(ICDPSession session) => _session = session;

    /// <summary>Attaches to <paramref name="page"/> before it starts the workers to be measured.</summary>
    public static async Task<HeapSampler> AttachAsync(IBrowserContext context, IPage page)
    {
        var sampler = new HeapSampler(await context.NewCDPSessionAsync(page));
        sampler._session.Event("Target.attachedToTarget").OnEvent += (_, attached) => sampler.OnAttached(attached);
        sampler._session.Event("Target.detachedFromTarget").OnEvent += (_, detached) => sampler.OnDetached(detached);
        sampler._session.Event("Target.receivedMessageFromTarget").OnEvent += (_, message) => sampler.OnMessage(message);
        await sampler._session.SendAsync("Target.setAutoAttach", new Dictionary<string, object>
        {
            ["autoAttach"] = true,
            ["waitForDebuggerOnStart"] = false,
            ["flatten"] = false,
        });
        return sampler;
    }

    /// <summary>How many workers are attached now.</summary>
    public int WorkerCount
    {
        get
        {
            lock (_lock)
            {
                return _workerSessions.Count;
            }
        }
    }

    /// <summary>The page's used JS heap and each attached worker's, in bytes.</summary>
    public async Task<(long PageBytes, long[] WorkerBytes)> SampleAsync()
    {
        long pageBytes = UsedBytes((await _session.SendAsync("Runtime.getHeapUsage"))!.Value);
        string[] workers;
        lock (_lock)
        {
            workers = [.. _workerSessions];
        }

        var workerBytes = new List<long>();
        foreach (string worker in workers)
        {
            JsonElement? answer = await SendToWorkerAsync(worker, "Runtime.getHeapUsage");
            if (answer is JsonElement result)
            {
                workerBytes.Add(UsedBytes(result));
            }
        }

        return (pageBytes, [.. workerBytes]);
    }

    /// <summary>Used heap, plus the ArrayBuffer backing stores where this Chrome reports them (the file's pieces live there).</summary>
    private static long UsedBytes(JsonElement usage) =>
        (long)usage.GetProperty("usedSize").GetDouble()
        + (usage.TryGetProperty("backingStorageSize", out JsonElement backing) ? (long)backing.GetDouble() : 0);

    /// <summary>A command to one worker; null if the worker went away before it answered.</summary>
    private async Task<JsonElement?> SendToWorkerAsync(string workerSession, string method)
    {
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_lock)
        {
            id = _nextId++;
            _pending[id] = answer;
        }

        try
        {
            await _session.SendAsync("Target.sendMessageToTarget", new Dictionary<string, object>
            {
                ["sessionId"] = workerSession,
                ["message"] = JsonSerializer.Serialize(new { id, method }),
            });
        }
        catch (PlaywrightException)
        {
            return null;
        }

        Task finished = await Task.WhenAny(answer.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        lock (_lock)
        {
            _pending.Remove(id);
        }

        return finished == answer.Task ? answer.Task.Result : null;
    }

    private void OnAttached(JsonElement? attached)
    {
        if (attached is JsonElement target && target.GetProperty("targetInfo").GetProperty("type").GetString() == "worker")
        {
            lock (_lock)
            {
                _workerSessions.Add(target.GetProperty("sessionId").GetString()!);
            }
        }
    }

    private void OnDetached(JsonElement? detached)
    {
        if (detached is JsonElement target)
        {
            lock (_lock)
            {
                _workerSessions.Remove(target.GetProperty("sessionId").GetString()!);
            }
        }
    }

    private void OnMessage(JsonElement? received)
    {
        if (received is not JsonElement message)
        {
            return;
        }

        using JsonDocument inner = JsonDocument.Parse(message.GetProperty("message").GetString()!);
        if (!inner.RootElement.TryGetProperty("id", out JsonElement idElement) || !inner.RootElement.TryGetProperty("result", out JsonElement result))
        {
            return;
        }

        TaskCompletionSource<JsonElement>? answer;
        lock (_lock)
        {
            _pending.TryGetValue(idElement.GetInt32(), out answer);
        }

        answer?.TrySetResult(result.Clone());
    }
}
