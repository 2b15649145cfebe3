namespace Cheeger.Build.Tests;

public sealed class SampleOutputTests
{
    private static List<string> Output(string cuda = "unavailable: libcheeger 0.3.0 (/app/bin/runtimes/linux-x64/native/libcheeger.so): CUDA compiled in, no CUDA device (no NVIDIA GPU or driver on this machine).",
        string source = "runtimes/<rid>/native", string best = "native-cpu", string labels = "0 1 2 -1") =>
    [
        "data: wine, 4 points, 2 features",
        $"libcheeger 0.3.0: /app/bin/runtimes/linux-x64/native/libcheeger.so ({source})",
        "backends:",
        "  serial       k-means        available",
        "  native-cpu   k-means        available",
        "  native-cpu   isoperimetric  available",
        $"  native-cuda  k-means        {cuda}",
        $"  native-cuda  isoperimetric  {cuda}",
        $"k-means on {best} (auto passed over: native-cuda, ilgpu): 1.00 ms (assign 0.50 ms)",
        $"  labels: {labels}",
        $"isoperimetric on {best} (auto passed over: native-cuda, ilgpu): 2.00 ms (mst 1.00 ms)",
        $"  labels: {labels}",
    ];

    [Fact]
    public void The_output_of_a_machine_without_a_GPU_passes()
    {
        Assert.Empty(SampleOutput.Problems(Output(), rows: 4, cudaDevice: false));
    }

    [Fact]
    public void On_a_GPU_machine_native_cuda_must_be_available_and_chosen()
    {
        Assert.Equal(4, SampleOutput.Problems(Output(), rows: 4, cudaDevice: true).Count);
        Assert.Empty(SampleOutput.Problems(Output(cuda: "available", best: "native-cuda"), rows: 4, cudaDevice: true));
    }

    [Fact]
    public void A_library_found_anywhere_but_in_the_runtime_package_fails()
    {
        Assert.Equal(["libcheeger was not loaded from the runtime package's runtimes/<rid>/native folder"],
            SampleOutput.Problems(Output(source: "CHEEGER_NATIVE_PATH"), rows: 4, cudaDevice: false));
    }

    [Fact]
    public void A_CPU_only_library_fails_where_the_CUDA_build_was_packed()
    {
        var problems = SampleOutput.Problems(Output(cuda: "unavailable: libcheeger 0.3.0 (/app/libcheeger.so): built without CUDA"), rows: 4, cudaDevice: false);

        Assert.Contains("native-cuda k-means is not listed as 'CUDA compiled in, no CUDA device'", problems);
    }

    [Fact]
    public void Labels_must_cover_every_row()
    {
        Assert.Equal(2, SampleOutput.Problems(Output(labels: "0 1 2"), rows: 4, cudaDevice: false).Count);
    }
}
