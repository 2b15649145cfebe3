using System.CommandLine;
using Cheeger.Bindings.Generator;

// generate <header> <output.cs>            writes the C# bindings of the header
// verify   <header> <output.cs> [--library] exit 1 when the file is stale or the library lacks an export
var header = new Argument<FileInfo>("header") { Description = "The C header, e.g. native/include/cheeger.h." };
var output = new Argument<FileInfo>("output") { Description = "The generated C# file, e.g. bindings/Cheeger.Interop/NativeMethods.generated.cs." };
var clang = new Option<string?>("--clang") { Description = "The clang executable (default: clang-14, then clang, on PATH).", Recursive = true };
var library = new Option<FileInfo?>("--library") { Description = "A built libcheeger to check for one export per declared function." };

var generate = new Command("generate", "Write the C# bindings of a header.") { header, output };
generate.SetAction(parse => Run(() =>
{
    string text = BindingsGenerator.Generate(parse.GetValue(header)!.FullName, ClangAstDumper.Locate(parse.GetValue(clang)));
    FileInfo target = parse.GetValue(output)!;
    target.Directory?.Create();
    File.WriteAllText(target.FullName, text); // UTF-8 without BOM, the text's own \n line ends
    Console.WriteLine($"Wrote {target.FullName}.");
    return 0;
}));

var verify = new Command("verify", "Fail when the checked-in bindings differ from the header, or a library lacks a declared function.") { header, output, library };
verify.SetAction(parse => Run(() =>
{
    HeaderModel model = BindingsGenerator.ReadHeader(parse.GetValue(header)!.FullName, ClangAstDumper.Locate(parse.GetValue(clang)));
    string expected = CSharpBindingsWriter.Write(model, BindingsConventions.Cheeger);
    FileInfo target = parse.GetValue(output)!;
    int exit = 0;
    string? difference = target.Exists
        ? BindingsVerifier.Compare(expected, File.ReadAllText(target.FullName), target.FullName)
        : $"{target.FullName} does not exist. Run `generate` to create it.";
    if (difference is null)
    {
        Console.WriteLine($"{target.Name} matches {model.HeaderFileName}.");
    }
    else
    {
        Console.Error.WriteLine(difference);
        exit = 1;
    }
    if (parse.GetValue(library) is { } libraryFile)
    {
        IReadOnlyList<string> missing = BindingsVerifier.MissingExports(model, libraryFile.FullName);
        if (missing.Count == 0)
        {
            Console.WriteLine($"{libraryFile.Name} exports all {model.Functions.Count()} functions of {model.HeaderFileName}.");
        }
        else
        {
            Console.Error.WriteLine($"{libraryFile.FullName} does not export: {string.Join(", ", missing)}.");
            exit = 1;
        }
    }
    return exit;
}));

var root = new RootCommand("Generates and verifies the C# bindings of the Cheeger C API from its header, through clang's AST.") { generate, verify, clang };
return root.Parse(args).Invoke();

// Tool errors (no clang, unsupported declaration, unloadable library) exit 2, distinct from a failed verification.
static int Run(Func<int> action)
{
    try
    {
        return action();
    }
    catch (BindingsException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
}
