extern alias ServiceAssembly;

using ServiceAssembly::EvidenceChain.Service.Internal.Clock;

namespace EvidenceChain.Service.Tests;

/// <summary>Section Tsa:Clock: what <see cref="ClockReferenceSettings.Problem"/> accepts and what it says otherwise.</summary>
public sealed class ClockReferenceSettingsTests
{
    [Theory]
    [InlineData("ntp://time.example", "ntp://time.example:123")]
    [InlineData("ntp://Time.Example:1123/", "ntp://time.example:1123")]
    [InlineData("ntp://192.0.2.1", "ntp://192.0.2.1:123")]
    [InlineData("ntp://[2001:db8::1]:123", "ntp://[2001:db8::1]:123")]
    public void ParsedReferences_WellFormed_NamedAsNtpHostPort(string text, string source)
    {
        ClockReferenceSettings settings = new() { References = [text] };

        Assert.Null(settings.Problem());
        Assert.Equal(source, Assert.Single(settings.ParsedReferences()).Source);
    }

    [Theory]
    [InlineData("time.example")]
    [InlineData("http://time.example")]
    [InlineData("ntp://time.example:0")]
    [InlineData("ntp://time.example/path")]
    [InlineData("ntp://time.example?query")]
    [InlineData("ntp://operator:hunter2@time.example")]
    public void Problem_MalformedReference_SaysWhichWithoutRepeatingIt(string text)
    {
        ClockReferenceSettings settings = new() { References = ["ntp://time.example", text] };

        string? problem = settings.Problem();

        Assert.Equal("Tsa:Clock:References:1 must be ntp://host or ntp://host:port (port 1 to 65535), with no user, path, query or fragment.", problem);
        Assert.Throws<InvalidOperationException>(settings.ParsedReferences);
    }

    [Fact]
    public void Problem_NoReference_SaysAtLeastOne()
    {
        Assert.StartsWith("Tsa:Clock:References must list 1 to 8", new ClockReferenceSettings().Problem());
    }

    [Fact]
    public void Problem_SameServerTwice_SaysWhichRepeats()
    {
        ClockReferenceSettings settings = new() { References = ["ntp://time.example", "ntp://TIME.example:123"] };

        Assert.Equal("Tsa:Clock:References:1 repeats ntp://time.example:123.", settings.Problem());
    }

    [Fact]
    public void Problem_IntervalUnder15Seconds_RefusedAsRfc4330Asks()
    {
        ClockReferenceSettings settings = new() { References = ["ntp://time.example"], Interval = TimeSpan.FromSeconds(14) };

        Assert.Contains("RFC 4330", settings.Problem());
    }

    [Fact]
    public void Problem_TimeoutNotShorterThanInterval_Refused()
    {
        ClockReferenceSettings settings = new() { References = ["ntp://time.example"], Timeout = TimeSpan.FromSeconds(64) };

        Assert.Equal("Tsa:Clock:Timeout must be positive and shorter than Tsa:Clock:Interval.", settings.Problem());
    }
}
