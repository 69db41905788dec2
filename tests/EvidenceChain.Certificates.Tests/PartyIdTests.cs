using EvidenceChain.Certificates;

namespace EvidenceChain.Certificates.Tests;

/// <summary>Party ids: exactly 32 lowercase hex digits, random, and the URI form the certificate carries.</summary>
public sealed class PartyIdTests
{
    private const string Hex = "00112233445566778899aabbccddeeff";

    [Fact]
    public void Parse_ThirtyTwoLowercaseHexDigits_RoundTrips()
    {
        PartyId id = PartyId.Parse(Hex);

        Assert.Equal(Hex, id.ToString());
        Assert.Equal("urn:evidencechain:party:" + Hex, id.ToUri());
        Assert.Equal(PartyId.FromBytes(Convert.FromHexString(Hex)), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00112233445566778899AABBCCDDEEFF")]
    [InlineData("00112233445566778899aabbccddeef")]
    [InlineData("00112233445566778899aabbccddeeff0")]
    [InlineData(" 0112233445566778899aabbccddeeff")]
    [InlineData("00112233445566778899aabbccddeefg")]
    [InlineData("0x112233445566778899aabbccddeeff")]
    [InlineData("٠0112233445566778899aabbccddeeff")]
    public void TryParse_NotExactlyThirtyTwoLowercaseHexDigits_ReturnsFalse(string? text)
    {
        Assert.False(PartyId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PartyId.Parse(text!));
    }

    [Theory]
    [InlineData("urn:evidencechain:party:" + Hex, true)]
    [InlineData("URN:evidencechain:party:" + Hex, false)]
    [InlineData("urn:evidencechain:party:" + Hex + "/", false)]
    [InlineData("urn:evidencechain:notary:" + Hex, false)]
    [InlineData(Hex, false)]
    public void TryParseUri_OnlyTheExactForm_IsAPartyUri(string uri, bool expected)
    {
        Assert.Equal(expected, PartyId.TryParseUri(uri, out PartyId id));
        Assert.Equal(expected ? Hex : new string('0', 32), id.ToString());
    }

    [Fact]
    public void NewRandom_TwoIds_DifferAndParse()
    {
        PartyId first = PartyId.NewRandom();
        PartyId second = PartyId.NewRandom();

        Assert.NotEqual(first, second);
        Assert.True(first != second);
        Assert.Equal(first, PartyId.Parse(first.ToString()));
        Assert.Matches("^[0-9a-f]{32}$", first.ToString());
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    public void FromBytes_NotSixteenBytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => PartyId.FromBytes(new byte[length]));
    }
}
