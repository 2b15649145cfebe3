using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Interop;

public sealed class NativeVersionTests
{
    private static readonly NativeVersion Header = new(1, 3, 2);

    [Theory]
    [InlineData(1, 3, 0)]
    [InlineData(1, 3, 9)]
    [InlineData(1, 4, 0)]
    [InlineData(1, 99, 0)]
    public void AcceptsTheHeadersMinorUpToTheNextMajor(int major, int minor, int patch) =>
        Assert.True(new NativeVersion(major, minor, patch).CanServe(Header));

    [Theory]
    [InlineData(1, 2, 9)]
    [InlineData(0, 9, 0)]
    [InlineData(2, 0, 0)]
    public void RefusesOlderMinorsAndOtherMajors(int major, int minor, int patch) =>
        Assert.False(new NativeVersion(major, minor, patch).CanServe(Header));

    private static readonly NativeVersion UnstableHeader = new(0, 3, 1);

    [Theory]
    [InlineData(0, 3, 0)]
    [InlineData(0, 3, 9)]
    public void BeforeOnePointZeroAcceptsOnlyTheHeadersOwnMinor(int major, int minor, int patch) =>
        Assert.True(new NativeVersion(major, minor, patch).CanServe(UnstableHeader));

    [Theory]
    [InlineData(0, 2, 0)]
    [InlineData(0, 4, 0)]
    [InlineData(1, 3, 0)]
    public void BeforeOnePointZeroRefusesEveryOtherMinor(int major, int minor, int patch) =>
        Assert.False(new NativeVersion(major, minor, patch).CanServe(UnstableHeader));

    [Fact]
    public void HeaderVersionComesFromTheGeneratedConstants()
    {
        Assert.Equal(new NativeVersion(CheegerConstants.VersionMajor, CheegerConstants.VersionMinor, CheegerConstants.VersionPatch), NativeVersion.Header);
        Assert.Equal("[1.3, 2.0)", NativeVersion.AcceptedRange(Header));
        Assert.Equal("0.3.x", NativeVersion.AcceptedRange(UnstableHeader));
    }

    [Fact]
    public void TheBuiltLibraryHasTheHeadersVersion()
    {
        LoadedNativeLibrary library = Requirements.NativeLibrary();

        Assert.Equal(NativeVersion.Header, library.Version);
        Assert.Equal(NativeVersion.Header, CheegerLibrary.Version);
    }
}
