using System.Text.Json;
using Cheeger.Cli.Output;
using Cheeger.Clustering.Isoperimetric;
using Spectre.Console;

namespace Cheeger.Cli.Tests;

/// <summary>The progress display on stderr: the stage and its percentage on a terminal, nothing at all with <c>--json</c>.</summary>
public sealed class ProgressDisplayTests
{
    private static readonly string S1 = TestFiles.Data("s1.csv");

    [Theory]
    [InlineData("cluster", "serial")]
    [InlineData("cluster", "parallel")]
    [InlineData("compare", null)]
    public void With_json_nothing_reaches_stderr_even_on_a_terminal(string command, string? backend)
    {
        string[] args = [command, S1, "--method", "iso", "--k", "15", "--sample", "2000", "--json", .. backend is null ? [] : (string[])["--backend", backend]];

        var run = CliRun.AsOnATerminal(TimeSpan.Zero, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        JsonDocument.Parse(run.Stdout);
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData("compare")]
    public void On_a_terminal_a_run_longer_than_the_delay_shows_itself_on_stderr_only(string command)
    {
        var run = CliRun.AsOnATerminal(TimeSpan.Zero, command, S1, "--method", "iso", "--k", "15", "--sample", "2000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("iso on s1", run.Stderr);
        Assert.DoesNotContain("iso on s1", run.Stdout);
    }

    [Fact]
    public void The_display_shows_the_latest_stage_and_its_percentage()
    {
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        var display = new ProgressDisplay(console, TimeSpan.Zero);

        int answer = display.Run("iso on points (serial)", () =>
        {
            display.Sink!.Report(new IsoperimetricProgress(IsoperimetricStage.Search, 0.5));
            Thread.Sleep(TimeSpan.FromMilliseconds(600));     // several refreshes of the display
            return 42;
        });

        Assert.Equal(42, answer);
        Assert.Contains("ε search 50 % · iso on points (serial)", stderr.ToString());
    }

    [Fact]
    public void Without_a_console_the_display_has_no_sink_and_only_runs_the_work()
    {
        var display = new ProgressDisplay(null, TimeSpan.Zero);

        Assert.Null(display.Sink);
        Assert.Equal(7, display.Run("nothing shown", () => 7));
    }

    [Fact]
    public void A_run_shorter_than_the_delay_shows_nothing()
    {
        var run = CliRun.AsOnATerminal(TimeSpan.FromMinutes(5), "cluster", TestFiles.Data("wine.csv"), "--method", "iso", "--k", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }
}
