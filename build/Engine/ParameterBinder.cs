namespace Cheeger.Build.Engine;

/// <summary>
/// Sets the build's parameters from the command line, else from the environment, and rejects options nobody
/// declared (a typo must not silently fall back to a default).
/// </summary>
internal static class ParameterBinder
{
    /// <summary>Options the engine itself understands (see <see cref="BuildRunner"/>).</summary>
    public static readonly IReadOnlySet<string> BuiltInOptions =
        new HashSet<string>(["help", "h", "skip", "plan"], StringComparer.OrdinalIgnoreCase);

    public static void Bind(object build, IReadOnlyList<BuildParameter> parameters, CommandLine commandLine, Func<string, string?> environment)
    {
        var known = parameters.ToDictionary(p => p.OptionName, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in commandLine.Options)
        {
            if (!known.ContainsKey(name) && !BuiltInOptions.Contains(name))
            {
                throw new BuildFailedException($"Unknown option --{name}. Options: {string.Join(", ", known.Keys.Select(k => "--" + k))}; see --help.");
            }
        }

        foreach (var parameter in parameters)
        {
            if (commandLine.Options.TryGetValue(parameter.OptionName, out var values))
            {
                parameter.Bind(build, values, "--" + parameter.OptionName);
            }
            else if (environment(parameter.EnvironmentName) is { Length: > 0 } text)
            {
                var words = parameter.Type == typeof(string) ? [text] : text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                parameter.Bind(build, words, "environment variable " + parameter.EnvironmentName);
            }
        }
    }
}
