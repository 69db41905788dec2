namespace EvidenceChain.Signing.Pkcs11;

/// <summary>
/// A key on a PKCS#11 device cannot be opened or cannot sign: a missing module, token or key, a
/// wrong or locked PIN, a device that answers with an error. The message says which, in a sentence
/// for the operator. It is an <see cref="InvalidOperationException"/> because, like the service's
/// other refusals to start, it is the deployment's state that is wrong, not the caller's code.
/// </summary>
public sealed class Pkcs11KeyException : InvalidOperationException
{
    public Pkcs11KeyException()
    {
    }

    public Pkcs11KeyException(string message)
        : base(message)
    {
    }

    public Pkcs11KeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
