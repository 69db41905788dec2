using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;

namespace EvidenceChain.Chain.Ethereum.DevChain;

/// <summary>
/// Read-only facts about any EVM chain behind a JSON-RPC endpoint, used to tell whether what we
/// remember about a chain still holds: the genesis block hash names the chain instance (a development
/// chain restarted without its state gets a new one), and code at an address shows a contract is there.
/// </summary>
public static class ChainFacts
{
    /// <summary>The hash of block 0 as 0x-prefixed lowercase hex.</summary>
    public static async Task<string> GenesisHashAsync(Uri rpc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        var web3 = new Web3(rpc.ToString());
        BlockWithTransactionHashes? genesis = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new BlockParameter(0)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return genesis?.BlockHash?.ToLowerInvariant()
            ?? throw new InvalidOperationException($"The chain at {rpc} returned no genesis block.");
    }

    /// <summary>Whether <paramref name="address"/> (0x and 40 hex digits) holds contract code in the latest block.</summary>
    public static async Task<bool> HasCodeAsync(Uri rpc, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(address);
        if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(address))
        {
            throw new ArgumentException($"'{address}' is not an Ethereum address (0x and 40 hex digits).", nameof(address));
        }

        var web3 = new Web3(rpc.ToString());
        string code = await web3.Eth.GetCode.SendRequestAsync(address).WaitAsync(cancellationToken).ConfigureAwait(false);
        return !string.IsNullOrEmpty(code.RemoveHexPrefix());
    }
}
