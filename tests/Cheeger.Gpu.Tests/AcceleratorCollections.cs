namespace Cheeger.Gpu.Tests;

/// <summary>Tests that share the CPU accelerator.</summary>
[CollectionDefinition(Name)]
public sealed class CpuAcceleratorCollection : ICollectionFixture<CpuAcceleratorFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "ILGPU CPU accelerator";
}

/// <summary>Tests that share the CUDA accelerator.</summary>
[CollectionDefinition(Name)]
public sealed class CudaAcceleratorCollection : ICollectionFixture<CudaAcceleratorFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "ILGPU CUDA accelerator";
}
