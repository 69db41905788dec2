using EvidenceChain.Core.Signing;
using EvidenceChain.Signing.Pkcs11.Internal;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using NSec.Cryptography;

namespace EvidenceChain.Signing.Pkcs11;

/// <summary>
/// An Ed25519 key inside a PKCS#11 device (v3.0: CKK_EC_EDWARDS, CKM_EDDSA), behind Core's signer
/// port. The private key never leaves the device; this object holds a logged-in read-only session
/// to it for its lifetime and signs one message at a time on it (a PKCS#11 session serves one
/// thread). Tested with SoftHSM 2.6. SM2 has no mechanism in PKCS#11 itself: an SM2 key on a device
/// needs a vendor module with vendor-defined SM2 mechanisms, and is not implemented here.
/// </summary>
public sealed class Pkcs11Ed25519Key : SigningKey
{
    /// <summary>What the pair check at opening signs: a fixed message that no note can be.</summary>
    private static readonly byte[] s_probe = "evidencechain/pkcs11-pair-check/v1"u8.ToArray();

    private readonly LibraryLease _lease;
    private readonly ISession _session;
    private readonly IObjectHandle _privateKey;
    private readonly Pkcs11KeyLocation _location;
    private readonly Lock _gate = new();

    private Pkcs11Ed25519Key(LibraryLease lease, ISession session, IObjectHandle privateKey, byte[] publicKey, Pkcs11KeyLocation location)
        : base(SigningAlgorithm.Ed25519, publicKey, default)
    {
        _lease = lease;
        _session = session;
        _privateKey = privateKey;
        _location = location;
    }

    /// <summary>
    /// Finds the token by label, logs in with the PIN from the file, finds the Ed25519 key pair by
    /// label (a private and a public key object, one each) and checks that the two halves belong
    /// together by signing a probe and verifying it.
    /// </summary>
    /// <exception cref="Pkcs11KeyException">Any of these steps failed; the message says which.</exception>
    public static Pkcs11Ed25519Key Open(Pkcs11KeyLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrEmpty(location.TokenLabel);
        ArgumentException.ThrowIfNullOrEmpty(location.KeyLabel);

        byte[] pin = PinFile.Read(location.PinFile);
        LibraryLease lease = LibraryLease.Acquire(location.LibraryPath);
        ISession? session = null;
        Pkcs11Ed25519Key key;
        try
        {
            ISlot slot = FindToken(lease.Library, location);
            session = slot.OpenSession(SessionType.ReadOnly);
            LogIn(session, pin, location);
            IObjectHandle privateKey = FindOne(session, CKO.CKO_PRIVATE_KEY, "Ed25519 private key", location);
            IObjectHandle publicKey = FindOne(session, CKO.CKO_PUBLIC_KEY, "Ed25519 public key", location);
            byte[] point = ReadPoint(session, publicKey, location);
            key = new Pkcs11Ed25519Key(lease, session, privateKey, point, location);
        }
        catch (Exception e)
        {
            session?.Dispose();
            lease.Dispose();
            if (e is Pkcs11Exception device)
            {
                throw Error.DeviceFailed("open the key", location.KeyLabel, location.TokenLabel, device);
            }

            throw;
        }
        finally
        {
            Array.Clear(pin);
        }

        // From here the key owns the session and the lease.
        bool paired;
        try
        {
            paired = key.SignsForItsPublicKey();
        }
        catch
        {
            key.Dispose();
            throw;
        }

        if (!paired)
        {
            key.Dispose();
            throw Error.PairMismatch(location.KeyLabel, location.TokenLabel);
        }

        return key;
    }

    protected override byte[] SignCore(ReadOnlySpan<byte> message)
    {
        byte[] data = message.ToArray();
        lock (_gate)
        {
            try
            {
                IMechanism eddsa = LibraryLease.Factories.MechanismFactory.Create(Pkcs11V3.MechanismEddsa);
                return _session.Sign(eddsa, _privateKey, data);
            }
            catch (Pkcs11Exception e)
            {
                throw Error.DeviceFailed("sign", _location.KeyLabel, _location.TokenLabel, e);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Closing the session, not C_Logout: a login belongs to the token, and another key on
            // the same token may still be using it. The last closed session logs the token out.
            lock (_gate)
            {
                _session.Dispose();
            }

            _lease.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ISlot FindToken(IPkcs11Library library, Pkcs11KeyLocation location)
    {
        var labels = new List<string>();
        var matches = new List<ISlot>();
        foreach (ISlot slot in library.GetSlotList(SlotsType.WithTokenPresent))
        {
            ITokenInfo token = slot.GetTokenInfo();
            if (!token.TokenFlags.TokenInitialized)
            {
                // An empty slot waiting for --init-token (SoftHSM always offers one) holds no key.
                continue;
            }

            string label = token.Label.TrimEnd(' ', '\0');
            labels.Add(label);
            if (label == location.TokenLabel)
            {
                matches.Add(slot);
            }
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Error.TokenNotFound(location.TokenLabel, location.LibraryPath, labels),
            _ => throw Error.TokenAmbiguous(location.TokenLabel, matches.Count),
        };
    }

    private static void LogIn(ISession session, byte[] pin, Pkcs11KeyLocation location)
    {
        try
        {
            session.Login(CKU.CKU_USER, pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Another key of this process on the same token logged in already; the login is shared.
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_PIN_INCORRECT)
        {
            throw Error.PinIncorrect(location.PinFile, location.TokenLabel, e);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_PIN_LOCKED)
        {
            throw Error.PinLocked(location.TokenLabel, e);
        }
    }

    private static IObjectHandle FindOne(ISession session, CKO objectClass, string what, Pkcs11KeyLocation location)
    {
        var attributes = LibraryLease.Factories.ObjectAttributeFactory;
        List<IObjectHandle> found = session.FindAllObjects(
        [
            attributes.Create(CKA.CKA_CLASS, objectClass),
            attributes.Create(CKA.CKA_KEY_TYPE, Pkcs11V3.KeyTypeEcEdwards),
            attributes.Create(CKA.CKA_LABEL, location.KeyLabel),
        ]);
        return found.Count switch
        {
            1 => found[0],
            0 => throw Error.KeyNotFound(what, location.KeyLabel, location.TokenLabel),
            _ => throw Error.KeyAmbiguous(what, location.KeyLabel, location.TokenLabel, found.Count),
        };
    }

    /// <summary>The raw 32-byte public key from CKA_EC_POINT, after checking the curve is Ed25519.</summary>
    private static byte[] ReadPoint(ISession session, IObjectHandle publicKey, Pkcs11KeyLocation location)
    {
        List<IObjectAttribute> values = session.GetAttributeValue(publicKey, [CKA.CKA_EC_PARAMS, CKA.CKA_EC_POINT]);
        byte[] parameters = values[0].GetValueAsByteArray();
        if (!parameters.AsSpan().SequenceEqual(Pkcs11V3.Ed25519ParamsOid) && !parameters.AsSpan().SequenceEqual(Pkcs11V3.Ed25519ParamsName))
        {
            throw Error.NotEd25519(location.KeyLabel, location.TokenLabel);
        }

        // v3.0 says the point is a DER OCTET STRING; some modules return the 32 bytes bare.
        byte[] point = values[1].GetValueAsByteArray();
        return point switch
        {
            { Length: 34 } when point[0] == 0x04 && point[1] == 32 => point[2..],
            { Length: 32 } => point,
            _ => throw Error.PublicKeyMalformed(location.KeyLabel, location.TokenLabel, point.Length),
        };
    }

    private bool SignsForItsPublicKey()
    {
        byte[] signature = Sign(s_probe);
        return NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, PublicKey, KeyBlobFormat.RawPublicKey, out NSec.Cryptography.PublicKey? publicKey)
            && SignatureAlgorithm.Ed25519.Verify(publicKey!, s_probe, signature);
    }
}
