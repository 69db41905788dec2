using Microsoft.Extensions.Logging;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>The development chain's log messages.</summary>
internal static partial class DevChainLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Started anvil (PID {ProcessId}) at {Rpc}, its state in {StateFile}.")]
    public static partial void AnvilStarted(ILogger logger, int processId, Uri rpc, string stateFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the anvil left running by an earlier run (PID {ProcessId}, state {StateFile}).")]
    public static partial void StoppingStaleAnvil(ILogger logger, int processId, string stateFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "anvil (PID {ProcessId}) did not stop within {Timeout} of SIGTERM; killed it.")]
    public static partial void AnvilKilled(ILogger logger, int processId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "anvil (PID {ProcessId}) exited unexpectedly with code {ExitCode}: {LastError}")]
    public static partial void AnvilExited(ILogger logger, int processId, int exitCode, string lastError);

    [LoggerMessage(Level = LogLevel.Warning, Message = "anvil could not read its state file; moved it to {MovedTo} and started a new chain ({Error}).")]
    public static partial void StateUnreadable(ILogger logger, string movedTo, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The development chain's state file {StateFile} holds {SizeMegabytes} MB and anvil rewrites it every second; delete its folder to start a new chain (anchors on this one are then lost).")]
    public static partial void StateIsLarge(ILogger logger, string stateFile, long sizeMegabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The development chain with genesis {GenesisHash} no longer holds EvidenceAnchor {ContractAddress}; starting a new chain.")]
    public static partial void ChainRenewed(ILogger logger, string contractAddress, string genesisHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "EvidenceAnchor at {ContractAddress} (deployed in block {DeployBlockNumber}) is still on the development chain.")]
    public static partial void DeploymentReused(ILogger logger, string contractAddress, ulong deployBlockNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployed EvidenceAnchor at {ContractAddress} in block {DeployBlockNumber} of the development chain.")]
    public static partial void Deployed(ILogger logger, string contractAddress, ulong deployBlockNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The development chain lost its state (it had genesis {PreviousGenesisHash} and EvidenceAnchor at {PreviousContractAddress}; now genesis {GenesisHash}): deployed EvidenceAnchor again at {ContractAddress}. Anchors on the old chain are gone.")]
    public static partial void Redeployed(ILogger logger, string previousGenesisHash, string previousContractAddress, string genesisHash, string contractAddress);
}
