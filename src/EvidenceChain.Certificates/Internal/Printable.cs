using System.Text;

namespace EvidenceChain.Certificates.Internal;

/// <summary>
/// Text taken from a certificate nobody vouches for (its subject, its issuer) goes into log lines
/// and error messages: control characters become '?' so it cannot forge lines, and it is cut short.
/// </summary>
internal static class Printable
{
    public const int LengthMaxChars = 200;

    public static string Of(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, LengthMaxChars + 1));
        foreach (char c in text)
        {
            if (builder.Length == LengthMaxChars)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
