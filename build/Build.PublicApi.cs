using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

internal sealed partial class Build
{
    // The library that references every other library, so one build compiles them all.
    private const string TopLibraryProject = "src/Cheeger.Backends";

    private Target PublicApi => _ => _
        .Description($"Updates the libraries' {PublicApiBaseline.UnshippedFile} / {PublicApiBaseline.ShippedFile} to their public API as it is now (after a deliberate change; docs/build.md).")
        .DependsOn(Restore)
        .Executes(async () =>
        {
            // Every library compiled again (no incremental skip), the analyzer's findings as warnings so that all compile.
            var output = new List<string>();
            await Tool.RunUncheckedAsync("dotnet",
                ["build", TopLibraryProject, "-c", Configuration.ToString(), "--no-restore", "--no-incremental", "-p:TreatWarningsAsErrors=false"],
                onOutput: output.Add);
            var findings = PublicApiBaseline.Parse(output);
            foreach (var project in findings.GroupBy(f => Path.GetDirectoryName(f.Project)!))
            {
                var added = project.Where(f => f.Undeclared).Select(f => f.Symbol).ToList();
                var removed = project.Where(f => !f.Undeclared).Select(f => f.Symbol).ToHashSet(StringComparer.Ordinal);
                foreach (var file in new[] { PublicApiBaseline.ShippedFile, PublicApiBaseline.UnshippedFile })
                {
                    string path = Path.Combine(project.Key, file);
                    string contents = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
                    await File.WriteAllTextAsync(path, PublicApiBaseline.Update(contents, file == PublicApiBaseline.UnshippedFile ? added : [], removed));
                }
                AnsiConsole.MarkupLine($"[green]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, project.Key))}: {added.Count} added to {PublicApiBaseline.UnshippedFile}, {removed.Count} removed[/]");
            }
            if (findings.Count == 0) AnsiConsole.MarkupLine("[green]The declared public API matches the code.[/]");
        });
}
