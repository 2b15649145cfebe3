using System.Runtime.InteropServices;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Cheeger.Native.Tests.Interop;

/// <summary>The loader's search, on files planted in a temporary folder.</summary>
public sealed class NativeLibraryLoaderTests : IDisposable
{
    private readonly string _folder = StandInLibrary.TempFolder();
    private readonly RecordingLogger _logger = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NothingFoundListsEveryPathTriedAndTheLikelyCauses()
    {
        (string, string)[] candidates = [(Path.Combine(_folder, "a", "libcheeger.so"), "first"), (Path.Combine(_folder, "b", "libcheeger.so"), "second")];

        var error = Assert.Throws<NativeLibraryNotFoundException>(() => NativeLibraryLoader.Probe(candidates, _logger));

        Assert.Equal(["first", "second"], error.Attempts.Select(a => a.Source));
        Assert.All(error.Attempts, a => Assert.Equal("not found", a.Outcome));
        Assert.Contains(candidates[0].Item1, error.Message);
        Assert.Contains(candidates[1].Item1, error.Message);
        Assert.Contains("./build.sh Native", error.Message);
        Assert.Contains("architecture", error.Message);
        Assert.Contains("CUDA", error.Message);
        Assert.Equal(2, _logger.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("not found")));
    }

    [Fact]
    public void AFileThatIsNotALibraryIsSkippedWithTheLoadersReason()
    {
        string notALibrary = Path.Combine(_folder, "libcheeger.so");
        File.WriteAllText(notALibrary, "not an ELF file");

        var error = Assert.Throws<NativeLibraryNotFoundException>(() => NativeLibraryLoader.Probe([(notALibrary, "planted")], _logger));

        NativeLibraryAttempt attempt = Assert.Single(error.Attempts);
        Assert.NotEqual("not found", attempt.Outcome);
        Assert.NotEmpty(attempt.Outcome);
    }

    [Fact]
    public void ALibraryWithoutTheVersionExportIsNotTakenForLibcheeger()
    {
        string foreign = StandInLibrary.Build(_folder, "libforeign.so", "int unrelated(void) { return 1; }");

        var error = Assert.Throws<NativeLibraryNotFoundException>(() => NativeLibraryLoader.Probe([(foreign, "planted")], _logger));

        Assert.Contains("cheeger_version_get", Assert.Single(error.Attempts).Outcome);
    }

    [Fact]
    public void AnIncompatibleVersionIsRefusedNamingBothVersions()
    {
        string newer = StandInLibrary.Build(_folder, "libnewer.so",
            StandInLibrary.VersionOnly(NativeVersion.Header.Major + 1, 0, 0));
        string later = Path.Combine(_folder, "never-reached", "libcheeger.so");

        var error = Assert.Throws<NativeLibraryVersionException>(() => NativeLibraryLoader.Probe([(newer, "planted"), (later, "later")], _logger));

        Assert.Equal(new NativeVersion(NativeVersion.Header.Major + 1, 0, 0), error.LibraryVersion);
        Assert.Equal(NativeVersion.Header, error.HeaderVersion);
        Assert.Contains(error.LibraryVersion.ToString(), error.Message);
        Assert.Contains(NativeVersion.Header.ToString(), error.Message);
        Assert.Contains(newer, error.Message);
        Assert.DoesNotContain(_logger.Entries, e => e.Message.Contains("never-reached"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(+1)]
    public void AnotherMinorVersionIsRefusedNamingBothVersions(int minorOffset)
    {
        // The header is 0.x: an older library would read a params struct past its end, a newer one may lay it out anew.
        Assert.Equal(0, NativeVersion.Header.Major);
        var other = new NativeVersion(NativeVersion.Header.Major, NativeVersion.Header.Minor + minorOffset, 0);
        string library = StandInLibrary.Build(_folder, "libother.so", StandInLibrary.VersionOnly(other.Major, other.Minor, other.Patch));

        var error = Assert.Throws<NativeLibraryVersionException>(() => NativeLibraryLoader.Probe([(library, "planted")], _logger));

        Assert.Equal(other, error.LibraryVersion);
        Assert.Contains($"C API version {other}", error.Message);
        Assert.Contains($"cheeger.h {NativeVersion.Header}", error.Message);
        Assert.Contains($"accept versions {NativeVersion.Header.Major}.{NativeVersion.Header.Minor}.x", error.Message);
    }

    [Fact]
    public void AMissingCandidateIsPassedOverForTheNextThatLoads()
    {
        var compatible = new NativeVersion(NativeVersion.Header.Major, NativeVersion.Header.Minor, NativeVersion.Header.Patch + 3);
        string library = StandInLibrary.Build(_folder, "libcheeger.so",
            StandInLibrary.VersionOnly(compatible.Major, compatible.Minor, compatible.Patch));

        LoadedNativeLibrary loaded = NativeLibraryLoader.Probe([(Path.Combine(_folder, "missing.so"), "first"), (library, "second")], _logger);
        try
        {
            Assert.Equal(library, loaded.Path);
            Assert.Equal("second", loaded.Source);
            Assert.Equal(compatible, loaded.Version);
            Assert.Equal(2, _logger.Entries.Count(e => e.Level == LogLevel.Debug));
        }
        finally
        {
            NativeLibrary.Free(loaded.Handle);
        }
    }

    [Fact]
    public void CandidatesFollowTheAgreedOrder()
    {
        string? saved = Environment.GetEnvironmentVariable(NativeLibraryLoader.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(NativeLibraryLoader.PathVariable, _folder);
            IReadOnlyList<(string Path, string Source)> fromFolder = NativeLibraryLoader.Candidates();
            Environment.SetEnvironmentVariable(NativeLibraryLoader.PathVariable, Path.Combine(_folder, "custom.so"));
            IReadOnlyList<(string Path, string Source)> fromFile = NativeLibraryLoader.Candidates();

            Assert.Equal(Path.Combine(_folder, NativeLibraryLoader.LibraryFileName), fromFolder[0].Path);
            Assert.Equal(Path.Combine(_folder, "custom.so"), fromFile[0].Path);
            string assemblyFolder = Path.GetDirectoryName(typeof(NativeMethods).Assembly.Location)!;
            Assert.Equal(Path.Combine(assemblyFolder, NativeLibraryLoader.LibraryFileName), fromFolder[1].Path);
            Assert.Equal(Path.Combine(assemblyFolder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", NativeLibraryLoader.LibraryFileName), fromFolder[2].Path);
            Assert.EndsWith(Path.Combine("artifacts", "native", "lib", NativeLibraryLoader.LibraryFileName), fromFolder[3].Path);
            Assert.Equal(4, fromFolder.Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NativeLibraryLoader.PathVariable, saved);
        }
    }
}
