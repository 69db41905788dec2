namespace EvidenceChain.Chain.Ethereum.Proofs;

/// <summary>
/// The node's answers do not add up to a proof: the header does not hash to the block hash (a fork
/// added a header field this code does not know yet, or the node is wrong), the receipts do not
/// hash to receiptsRoot, or the transaction is not mined. Retrying the same node will not help;
/// network errors surface as Nethereum's own exceptions instead.
/// </summary>
public sealed class EvmReceiptProofException : Exception
{
    public EvmReceiptProofException()
    {
    }

    public EvmReceiptProofException(string message)
        : base(message)
    {
    }

    public EvmReceiptProofException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
