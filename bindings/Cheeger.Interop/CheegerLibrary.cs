namespace Cheeger.Interop;

/// <summary>Library-wide queries of the C API: version, capabilities, live contexts, struct layouts.</summary>
public static class CheegerLibrary
{
    /// <summary>The version the loaded library reports.</summary>
    public static unsafe NativeVersion Version
    {
        get
        {
            NativeLibraryLoader.Load();
            int major, minor, patch;
            NativeStatus.Check(NativeMethods.VersionGet(&major, &minor, &patch));
            return new NativeVersion(major, minor, patch);
        }
    }

    /// <summary>The backends compiled in and the devices present.</summary>
    public static unsafe CheegerCapabilities Capabilities()
    {
        NativeLibraryLoader.Load();
        CheegerCapabilities capabilities;
        NativeStatus.Check(NativeMethods.CapabilitiesGet(&capabilities));
        return capabilities;
    }

    /// <summary>Contexts created and not yet destroyed, process-wide.</summary>
    public static long LiveContextCount
    {
        get
        {
            NativeLibraryLoader.Load();
            return NativeMethods.LiveContextCount();
        }
    }

    /// <summary>The library's <c>sizeof</c> of the C struct <paramref name="typeName"/>, or <c>offsetof</c> its <paramref name="field"/>.</summary>
    /// <exception cref="CheegerNativeException">The library knows no such struct or field.</exception>
    public static unsafe long StructLayout(string typeName, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        NativeLibraryLoader.Load();
        long value;
        NativeStatus.Check(NativeMethods.StructLayout(typeName, field, &value));
        return value;
    }

    /// <summary>Whether the library was built with <paramref name="flag"/>.</summary>
    public static bool HasBackend(this in CheegerCapabilities capabilities, CheegerBackendFlag flag) =>
        ((CheegerBackendFlag)capabilities.CompiledBackends & flag) == flag;
}
