using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EvidenceChain.Chain.Ethereum.Internal;

// Hand-written bindings of contracts/EvidenceAnchor.sol: small enough that a generator would add
// more than it saves. Names and types mirror the Solidity source exactly.

[Function("anchor")]
internal sealed class AnchorFunction : FunctionMessage
{
    [Parameter("bytes32", "logId", 1)]
    public byte[] LogId { get; set; } = [];

    [Parameter("uint64", "treeSize", 2)]
    public ulong TreeSize { get; set; }

    [Parameter("bytes32", "root", 3)]
    public byte[] Root { get; set; } = [];
}

[Function("setNotary")]
internal sealed class SetNotaryFunction : FunctionMessage
{
    [Parameter("address", "notary", 1)]
    public string Notary { get; set; } = string.Empty;

    [Parameter("bool", "allowed", 2)]
    public bool Allowed { get; set; }
}

[Function("setLogKeys")]
internal sealed class SetLogKeysFunction : FunctionMessage
{
    [Parameter("bytes32", "logId", 1)]
    public byte[] LogId { get; set; } = [];

    [Parameter("string[]", "verifierKeys", 2)]
    public List<string> VerifierKeys { get; set; } = [];
}

[Function("anchorByRoot", typeof(AnchorByRootOutput))]
internal sealed class AnchorByRootFunction : FunctionMessage
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];
}

[FunctionOutput]
internal sealed class AnchorByRootOutput : IFunctionOutputDTO
{
    [Parameter("bytes32", "logId", 1)]
    public byte[] LogId { get; set; } = [];

    [Parameter("uint64", "treeSize", 2)]
    public ulong TreeSize { get; set; }

    [Parameter("uint64", "blockNumber", 3)]
    public ulong BlockNumber { get; set; }

    [Parameter("uint64", "timestamp", 4)]
    public ulong Timestamp { get; set; }
}

[Function("rootAt", "bytes32")]
internal sealed class RootAtFunction : FunctionMessage
{
    [Parameter("bytes32", "", 1)]
    public byte[] LogId { get; set; } = [];

    [Parameter("uint64", "", 2)]
    public ulong TreeSize { get; set; }
}

[Function("latestTreeSize", "uint64")]
internal sealed class LatestTreeSizeFunction : FunctionMessage
{
    [Parameter("bytes32", "", 1)]
    public byte[] LogId { get; set; } = [];
}

[Function("owner", "address")]
internal sealed class OwnerFunction : FunctionMessage
{
}

[Function("logKeys", "string[]")]
internal sealed class LogKeysFunction : FunctionMessage
{
    [Parameter("bytes32", "logId", 1)]
    public byte[] LogId { get; set; } = [];
}

[Event("Anchored")]
internal sealed class AnchoredEvent : IEventDTO
{
    [Parameter("bytes32", "logId", 1, true)]
    public byte[] LogId { get; set; } = [];

    [Parameter("uint64", "treeSize", 2, true)]
    public ulong TreeSize { get; set; }

    [Parameter("bytes32", "root", 3, false)]
    public byte[] Root { get; set; } = [];

    [Parameter("address", "notary", 4, true)]
    public string Notary { get; set; } = string.Empty;

    [Parameter("uint64", "timestamp", 5, false)]
    public ulong Timestamp { get; set; }
}

[Error("RootAlreadyAnchored")]
internal sealed class RootAlreadyAnchoredError
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    [Parameter("bytes32", "logId", 2)]
    public byte[] LogId { get; set; } = [];

    [Parameter("uint64", "treeSize", 3)]
    public ulong TreeSize { get; set; }
}

[Error("TreeSizeMustGrow")]
internal sealed class TreeSizeMustGrowError
{
    [Parameter("bytes32", "logId", 1)]
    public byte[] LogId { get; set; } = [];

    [Parameter("uint64", "latestTreeSize", 2)]
    public ulong LatestTreeSize { get; set; }

    [Parameter("uint64", "treeSize", 3)]
    public ulong TreeSize { get; set; }
}

[Error("NotNotary")]
internal sealed class NotNotaryError
{
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}

[Error("NotOwner")]
internal sealed class NotOwnerError
{
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}

internal sealed class EvidenceAnchorDeployment : ContractDeploymentMessage
{
    // Nethereum creates deployment messages itself, so the bytecode is set after construction.
    public EvidenceAnchorDeployment()
        : base(string.Empty)
    {
    }
}
