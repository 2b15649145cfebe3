namespace Cheeger.Build.Tests;

public sealed class NativeDependenciesTests
{
    private const string Clean = """
        	linux-vdso.so.1 (0x00007ffd5c3f1000)
        	libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f7df0000000)
        	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f7df0320000)
        	libgcc_s.so.1 => /lib/x86_64-linux-gnu/libgcc_s.so.1 (0x00007f7df07d6000)
        	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f7defe1e000)
        	/lib64/ld-linux-x86-64.so.2 (0x00007f7df080b000)
        """;

    [Fact]
    public void Glibc_libstdcxx_and_libgcc_are_all_a_library_may_need()
    {
        Assert.Equal(["linux-vdso.so.1", "libstdc++.so.6", "libm.so.6", "libgcc_s.so.1", "libc.so.6", "ld-linux-x86-64.so.2"], NativeDependencies.Parse(Clean));
        Assert.Empty(NativeDependencies.Problems(Clean));
    }

    [Fact]
    public void A_dynamic_cuda_runtime_or_driver_is_refused()
    {
        string output = Clean + "\n\tlibcudart.so.11.0 => /usr/lib/x86_64-linux-gnu/libcudart.so.11.0 (0x00007f0000000000)\n\tlibcuda.so.1 => /usr/lib/x86_64-linux-gnu/libcuda.so.1 (0x00007f0000100000)";

        Assert.Equal(["libcudart.so.11.0 (not allowed)", "libcuda.so.1 (not allowed)"], NativeDependencies.Problems(output));
    }

    [Fact]
    public void A_dependency_the_loader_cannot_find_is_a_problem_even_when_allowed()
    {
        string output = "\tlibstdc++.so.6 => not found\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f7defe1e000)";

        Assert.Equal(["libstdc++.so.6 => not found"], NativeDependencies.Problems(output));
    }
}
