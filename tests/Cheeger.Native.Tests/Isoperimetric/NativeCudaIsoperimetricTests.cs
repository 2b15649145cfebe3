using Cheeger.Clustering.Data;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Isoperimetric;

/// <summary>
/// native-cuda against the managed serial reference and native-cpu on bundled data and for the model options
/// (tree, σ, probes, costs, labels). Skipped, with the reason, where libcheeger has no CUDA backend or the machine
/// no device.
/// </summary>
[Collection(NativeContextCollection.Name)]
public sealed class NativeCudaIsoperimetricTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "iris", 3, "default" }, { "wine", 3, "default" }, { "s1", 15, "default" }, { "yeast", 10, "default" },
        { "iris", 3, "gauss" }, { "wine", 3, "graph" }, { "iris", 3, "unit" }, { "wine", 3, "beta" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NativeCudaAgreesWithSerialAndNativeCpu(string file, int k, string variant)
    {
        Requirements.NativeLibrary();
        using NativeIsoperimetric cuda = NativeIsoperimetric.Cuda();
        Requirements.Cuda(cuda.Availability);
        Dataset data = CsvDatasetReader.Load(RepositoryLayout.Data(file + ".csv"));
        var options = new IsoperimetricOptions { K = k, FullLabels = true, IncludeTree = true };
        options = variant switch
        {
            "gauss" => options with { Kernel = FlowKernel.Gauss },
            "graph" => options with { Weight = VertexWeight.Graph },
            "unit" => options with { Weight = VertexWeight.Unit },
            "beta" => options with { Beta = 0.5 },
            _ => options,
        };
        CancellationToken cancel = TestContext.Current.CancellationToken;

        IsoperimetricResult serial = new SerialIsoperimetric().Run(data, options, cancel);
        using NativeIsoperimetric cpu = NativeIsoperimetric.Cpu();
        IsoperimetricResult onCpu = cpu.Run(data, options, cancel);
        IsoperimetricResult onDevice = cuda.Run(data, options, cancel);

        Assert.Equal("native-cuda", onDevice.Backend);
        IsoResultComparison.AssertAgrees(serial, onDevice, $"{file} {variant} native-cuda vs serial");
        IsoResultComparison.AssertAgrees(onCpu, onDevice, $"{file} {variant} native-cuda vs native-cpu");
    }
}
