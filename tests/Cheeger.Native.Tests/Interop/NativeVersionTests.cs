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

    [Fact]
    public void HeaderVersionComesFromTheGeneratedConstants()
    {
        Assert.Equal(new NativeVersion(CheegerConstants.VersionMajor, CheegerConstants.VersionMinor, CheegerConstants.VersionPatch), NativeVersion.Header);
        Assert.Equal("[1.3, 2.0)", NativeVersion.AcceptedRange(Header));
    }

    [Fact]
    public void TheBuiltLibraryHasTheHeadersVersion()
    {
        LoadedNativeLibrary library = Requirements.NativeLibrary();

        Assert.Equal(NativeVersion.Header, library.Version);
        Assert.Equal(NativeVersion.Header, CheegerLibrary.Version);
    }
}
