using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Interop;

/// <summary>A refused call becomes one exception carrying the status and the library's message; the process goes on.</summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeErrorTests
{
    [Fact]
    public void ABadCallSurfacesTheNativeMessageAndTheLibraryKeepsWorking()
    {
        Requirements.NativeLibrary();

        var error = Assert.Throws<CheegerNativeException>(() => CheegerKMeans.SampleRows(n: 5, k: 6, seed: 1));

        Assert.Equal(CheegerStatus.InvalidArgument, error.Status);
        Assert.Equal("KMeansSampleRows", error.Function);
        Assert.NotEmpty(error.NativeMessage);
        Assert.Contains(error.NativeMessage, error.Message);
        // The process is intact and the next call succeeds.
        Assert.Equal(3, CheegerKMeans.SampleRows(n: 5, k: 3, seed: 1).Length);
    }

    [Fact]
    public void ANegativeThreadCountIsRefusedWithoutLeakingAContext()
    {
        Requirements.NativeLibrary();
        long before = CheegerLibrary.LiveContextCount;

        var error = Assert.Throws<CheegerNativeException>(() => NativeContext.Create(CheegerBackend.Cpu, threads: -1));

        Assert.Equal(CheegerStatus.InvalidArgument, error.Status);
        Assert.NotEmpty(error.NativeMessage);
        Assert.Equal(before, CheegerLibrary.LiveContextCount);
    }

    [Fact]
    public void KMeansArgumentsTheLibraryRefusesComeBackAsTheException()
    {
        Requirements.NativeLibrary();
        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 1);
        CheegerKMeansParams parameters = CheegerKMeans.DefaultParameters();
        parameters.K = 2;
        parameters.MaxIterations = 0;
        double[] points = [0, 1, 2, 3];

        var error = Assert.Throws<CheegerNativeException>(() =>
            CheegerKMeans.Run(context, points, 1, parameters, [], new int[4], new double[2]));

        Assert.Equal(CheegerStatus.InvalidArgument, error.Status);
        Assert.NotEmpty(error.NativeMessage);
    }

    [Fact]
    public void SpansTooShortForWhatTheLibraryWritesAreRefusedBeforeTheCall()
    {
        Requirements.NativeLibrary();
        using NativeContext context = NativeContext.Create(CheegerBackend.Cpu, 1);
        CheegerKMeansParams parameters = CheegerKMeans.DefaultParameters();
        parameters.K = 2;

        Assert.Throws<ArgumentException>(() => CheegerKMeans.Run(context, [0, 1, 2, 3], 1, parameters, [], new int[4], new double[1]));
        Assert.Throws<ArgumentException>(() => CheegerKMeans.Run(context, [0, 1, 2, 3], 1, parameters, [], new int[3], new double[2]));
        Assert.Throws<ArgumentException>(() => CheegerKMeans.Run(context, [0, 1, 2, 3], 1, parameters, [0], new int[4], new double[2]));
    }

    [Fact]
    public void TheLastErrorIsEmptyAfterASuccessfulCall()
    {
        Requirements.NativeLibrary();
        Assert.Throws<CheegerNativeException>(() => CheegerLibrary.StructLayout("cheeger_no_such_struct"));

        CheegerLibrary.StructLayout("cheeger_kmeans_params");

        Assert.Equal("", NativeStatus.LastError());
    }
}
