using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cheeger.Bindings.Generator;
using Cheeger.Interop;
using Cheeger.Native.Tests.Support;

namespace Cheeger.Native.Tests.Interop;

/// <summary>Every generated struct has the library's size, and every field the library's offset.</summary>
public sealed class StructLayoutTests
{
    [Fact]
    public void EveryStructAndFieldMatchesTheLibrary()
    {
        Requirements.NativeLibrary();
        HeaderModel header = BindingsGenerator.ReadHeader(RepositoryLayout.Header, Requirements.Clang());
        BindingsConventions conventions = BindingsConventions.Cheeger;
        Assembly interop = typeof(NativeMethods).Assembly;
        var mismatches = new List<string>();
        int fieldsChecked = 0;

        StructDeclaration[] structs = header.Declarations.OfType<StructDeclaration>().ToArray();
        Assert.NotEmpty(structs);
        foreach (StructDeclaration declaration in structs)
        {
            Type type = interop.GetType($"{conventions.Namespace}.{conventions.TypeName(declaration.Name)}", throwOnError: true)!;
            long nativeSize = CheegerLibrary.StructLayout(declaration.Name);
            Compare($"sizeof({declaration.Name}) vs Marshal.SizeOf", nativeSize, Marshal.SizeOf(type), mismatches);
            Compare($"sizeof({declaration.Name}) vs Unsafe.SizeOf", nativeSize, ManagedSize(type), mismatches);
            Assert.Equal(declaration.Fields.Count, type.GetFields(BindingFlags.Public | BindingFlags.Instance).Length);
            foreach (StructField field in declaration.Fields)
            {
                long nativeOffset = CheegerLibrary.StructLayout(declaration.Name, field.Name);
                Compare($"offsetof({declaration.Name}, {field.Name})", nativeOffset,
                    Marshal.OffsetOf(type, conventions.FieldName(field.Name)).ToInt64(), mismatches);
                fieldsChecked++;
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(fieldsChecked >= structs.Length, "no fields were checked");
    }

    [Fact]
    public void EveryGeneratedStructComesFromTheHeader()
    {
        HeaderModel header = BindingsGenerator.ReadHeader(RepositoryLayout.Header, Requirements.Clang());
        var fromHeader = header.Declarations.OfType<StructDeclaration>()
            .Select(s => BindingsConventions.Cheeger.TypeName(s.Name)).ToHashSet();

        // Sequential value types of the bindings, less the handle and callback wrappers and the inline-array buffers.
        var wrappers = header.Declarations.Where(d => d is HandleDeclaration or CallbackDeclaration)
            .Select(d => BindingsConventions.Cheeger.TypeName(d.Name)).ToHashSet();
        string[] generated = typeof(NativeMethods).Assembly.GetExportedTypes()
            .Where(t => t is { IsValueType: true, IsEnum: false, IsLayoutSequential: true, IsNested: false })
            .Where(t => t.GetCustomAttribute<InlineArrayAttribute>() is null)
            .Where(t => !wrappers.Contains(t.Name))
            .Where(t => t.Namespace == BindingsConventions.Cheeger.Namespace && t != typeof(NativeVersion))
            .Select(t => t.Name).ToArray();

        Assert.Equal(fromHeader.Order(), generated.Order());
    }

    [Fact]
    public void UnknownStructOrFieldIsRefusedByTheLibrary()
    {
        Requirements.NativeLibrary();

        Assert.Equal(CheegerStatus.InvalidArgument,
            Assert.Throws<CheegerNativeException>(() => CheegerLibrary.StructLayout("cheeger_no_such_struct")).Status);
        Assert.Equal(CheegerStatus.InvalidArgument,
            Assert.Throws<CheegerNativeException>(() => CheegerLibrary.StructLayout("cheeger_kmeans_params", "no_such_field")).Status);
    }

    private static void Compare(string what, long native, long managed, List<string> mismatches)
    {
        if (native != managed) mismatches.Add($"{what}: native {native}, managed {managed}");
    }

    private static int ManagedSize(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
}
