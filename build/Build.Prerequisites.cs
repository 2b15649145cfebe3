using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build;

internal sealed partial class Build
{
    /// <summary>
    /// The Debian/Ubuntu packages the native build, its tests, the sanitizer build, the bindings generator and the
    /// CUDA compile check need. The README names the same list.
    /// </summary>

    private Target Prerequisites => _ => _
        .Description("Checks cmake, a C++ compiler, GoogleTest/GoogleMock, clang-14 (+ its sanitizer runtime), Boost.Context, npm and the CUDA toolkit; installs them with apt-get when it can.")
        .Executes(async () =>
        {
            var missing = await FindMissingPrerequisitesAsync(report: true);
            await InstallCudaToolkitAsync(missing.Where(p => p.Optional).ToList());
            missing = missing.Where(p => !p.Optional).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            // Only what is missing: a tool found already may come from outside apt (a Node.js that bundles npm, say),
            // and asking apt for it again can conflict with what is installed.
            string[] packages = [.. missing.Select(p => p.AptPackage).Distinct()];
            var installCommand = $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', packages)}";
            var names = string.Join(", ", missing.Select(p => $"{p.Name} ({p.AptPackage})"));
            var privilege = await AptPrivilegeAsync();
            if (privilege is null)
            {
                throw new BuildFailedException($"Missing: {names}. Install them with: sudo {installCommand.Replace("&& apt-get", "&& sudo apt-get", StringComparison.Ordinal)}");
            }

            AnsiConsole.MarkupLine($"[yellow]Missing: {Markup.Escape(names)}. Installing with apt-get.[/]");
            await AptGetAsync(privilege, ["update"]);
            await AptGetAsync(privilege, ["install", "-y", "--no-install-recommends", .. packages]);

            var stillMissing = (await FindMissingPrerequisitesAsync(report: true)).Where(p => !p.Optional).ToList();
            if (stillMissing.Count > 0)
            {
                throw new BuildFailedException($"Still missing after apt-get install: {string.Join(", ", stillMissing.Select(p => p.Name))}.");
            }
        });

    /// <summary>
    /// The CUDA toolkit, when it is missing: on Debian as root (or with sudo), the contrib and non-free components of
    /// the machine's own package source, then the toolkit; elsewhere the commands to run. Without it the library is
    /// built CPU-only, as before.
    /// </summary>
    private static async Task InstallCudaToolkitAsync(List<Prerequisite> missing)
    {
        if (missing.Count == 0)
        {
            return;
        }

        var privilege = await AptPrivilegeAsync();
        var sources = CudaToolkit.DeriveComponentsSources();
        var install = $"apt-get install -y --no-install-recommends {CudaToolkit.AptPackage} {CudaToolkit.HostCompiler}";
        if (privilege is null || sources is null)
        {
            AnsiConsole.MarkupLine($"[yellow]No CUDA toolkit: the native library is built CPU-only. To build its CUDA backend, enable the contrib and non-free components of your Debian package source in {CudaToolkit.ComponentsSourcesFile}, then: apt-get update && {Markup.Escape(install)}[/]");
            return;
        }

        AnsiConsole.MarkupLine($"[yellow]No CUDA toolkit: enabling contrib non-free ({CudaToolkit.ComponentsSourcesFile}) and installing {CudaToolkit.AptPackage}.[/]");
        if (privilege.Length == 0)
        {
            await File.WriteAllTextAsync(CudaToolkit.ComponentsSourcesFile, sources);
        }
        else
        {
            var staged = Path.GetTempFileName();
            await File.WriteAllTextAsync(staged, sources);
            await Tool.RunAsync("sudo", ["install", "-m", "644", staged, CudaToolkit.ComponentsSourcesFile]);
            File.Delete(staged);
        }

        await AptGetAsync(privilege, ["update"]);
        await AptGetAsync(privilege, ["install", "-y", "--no-install-recommends", CudaToolkit.AptPackage, CudaToolkit.HostCompiler]);
        if (Tool.FindOnPath("nvcc") is null)
        {
            throw new BuildFailedException($"{CudaToolkit.AptPackage} was installed, but there is no nvcc on PATH.");
        }
    }

    private static async Task<List<Prerequisite>> FindMissingPrerequisitesAsync(bool report)
    {
        var missing = new List<Prerequisite>();
        foreach (var prerequisite in Prerequisite.All)
        {
            var where = await prerequisite.LocateAsync();
            if (report)
            {
                AnsiConsole.MarkupLine(where is null
                    ? $"  [{(prerequisite.Optional ? "yellow" : "red")}]missing[/]  {Markup.Escape(prerequisite.Name)}"
                    : $"  [green]found[/]    {Markup.Escape(prerequisite.Name)}: {Markup.Escape(where)}");
            }

            if (where is null)
            {
                missing.Add(prerequisite);
            }
        }

        return missing;
    }

    /// <summary>
    /// How apt-get can be run here: <c>""</c> as root, <c>"sudo"</c> when sudo works without a password, or null when
    /// this is not a Debian/Ubuntu machine or there is no way to install.
    /// </summary>
    private static async Task<string?> AptPrivilegeAsync()
    {
        if (!OperatingSystem.IsLinux() || Tool.FindOnPath("apt-get") is null || !IsDebianLike())
        {
            return null;
        }

        if ((await Tool.CaptureAsync("id", ["-u"])).Trim() == "0")
        {
            return "";
        }

        if (Tool.FindOnPath("sudo") is null)
        {
            return null;
        }

        try
        {
            await Tool.CaptureAsync("sudo", ["-n", "true"]);
            return "sudo";
        }
        catch (ToolFailedException)
        {
            return null;
        }
    }

    private static bool IsDebianLike()
    {
        if (File.Exists("/etc/debian_version"))
        {
            return true;
        }

        var osRelease = File.Exists("/etc/os-release") ? File.ReadAllText("/etc/os-release") : "";
        return osRelease.Contains("debian", StringComparison.OrdinalIgnoreCase) || osRelease.Contains("ubuntu", StringComparison.OrdinalIgnoreCase);
    }

    private static Task AptGetAsync(string privilege, string[] arguments)
    {
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        return privilege.Length == 0
            ? Tool.RunAsync("apt-get", arguments, environment: environment)
            : Tool.RunAsync(privilege, ["DEBIAN_FRONTEND=noninteractive", "apt-get", .. arguments], environment: environment);
    }
}
