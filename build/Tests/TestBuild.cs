using Cheeger.Build.Engine;
using Spectre.Console;

namespace Cheeger.Build.Tests;

/// <summary>A small build class for the engine's tests: its targets record the order they ran in.</summary>
internal sealed class TestBuild
{
    public List<string> Ran { get; } = [];

    [Parameter("A text parameter.")]
    public string Flavor = "plain";

    [Parameter("A number.")]
    public int Count = 1;

    [Parameter("A switch.")]
    public bool Loud = false;

    [Parameter("Several words.")]
    public string[] Tags = [];

    [Parameter("An enum.")]
    public Configuration Mode = Configuration.Release;

    public bool PackAllowed { get; set; } = true;

    public Target Clean => _ => _
        .Description("Removes outputs.")
        .Executes(() => Ran.Add(nameof(Clean)));

    public Target Restore => _ => _
        .Description("Restores.")
        .Executes(() => Ran.Add(nameof(Restore)));

    public Target Compile => _ => _
        .Description("Compiles.")
        .DependsOn(Restore)
        .Executes(() => Ran.Add(nameof(Compile)));

    public Target Test => _ => _
        .Description("Tests.")
        .DependsOn(Compile, Clean)
        .Executes(async () =>
        {
            await Task.Yield();
            Ran.Add(nameof(Test));
        });

    public Target Pack => _ => _
        .Description("Packs.")
        .DependsOn(Compile)
        .OnlyWhen(() => PackAllowed)
        .Executes(() => Ran.Add(nameof(Pack)));

    public Target Broken => _ => _
        .Description("Fails.")
        .DependsOn(Compile)
        .Executes(() => throw new BuildFailedException("broken on purpose"));

    public Target AfterBroken => _ => _
        .DependsOn(Broken)
        .Executes(() => Ran.Add(nameof(AfterBroken)));

    /// <summary>Runs the build with <paramref name="args"/>, an empty environment unless given, and Compile as the default.</summary>
    public async Task<(BuildOutcome Outcome, string Output)> RunAsync(string[] args, Dictionary<string, string>? environment = null)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var outcome = await BuildRunner.RunAsync(
            this, args, build => ((TestBuild)build).Compile, console,
            name => environment?.GetValueOrDefault(name), TestContext.Current.CancellationToken);
        return (outcome, writer.ToString());
    }
}
