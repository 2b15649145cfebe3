namespace Cheeger.Build.Engine;

/// <summary>
/// The parsed command line: target names (the words before the first option, plus any given to <c>--target</c>)
/// and options (<c>--name value...</c> or <c>--name=value</c>), keyed by name without dashes, ignoring case.
/// </summary>
internal sealed class CommandLine
{
    private CommandLine(List<string> targets, Dictionary<string, List<string>> options)
    {
        Targets = targets;
        Options = options;
    }

    public IReadOnlyList<string> Targets { get; }

    public IReadOnlyDictionary<string, List<string>> Options { get; }

    public bool Has(string option) => Options.ContainsKey(option);

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        foreach (var arg in args)
        {
            if (IsOption(arg))
            {
                var text = arg.TrimStart('-');
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? text : text[..equals];
                if (name.Length == 0)
                {
                    throw new BuildFailedException($"'{arg}' is not an option name.");
                }

                if (options.ContainsKey(name))
                {
                    throw new BuildFailedException($"Option --{name} is given twice.");
                }

                current = [];
                if (equals >= 0)
                {
                    current.Add(text[(equals + 1)..]);
                }

                options.Add(name, current);
            }
            else if (current is null)
            {
                targets.Add(arg);
            }
            else
            {
                current.Add(arg);
            }
        }

        if (options.Remove("target", out var named))
        {
            targets.AddRange(named);
        }

        return new CommandLine(targets, options);
    }

    // "-h" and "--help" are options; "-1" or "-" alone are values.
    private static bool IsOption(string arg) =>
        arg.Length > 1 && arg[0] == '-' && (arg[1] == '-' ? arg.Length > 2 : char.IsLetter(arg[1]));
}
