using System.CommandLine;

namespace Cheeger.Cli.Commands;

/// <summary>
/// An option that takes one of a few names, each standing for a value (an enum member, usually). The option
/// itself holds the name, so help shows the default as it is typed; <see cref="GetValue"/> gives the value.
/// </summary>
internal sealed class ChoiceOption<T> where T : struct
{
    private readonly IReadOnlyList<(string Name, T Value)> _choices;

    /// <summary>
    /// Accepts the names of <paramref name="choices"/> (case-insensitive); any other word is a parse error naming
    /// the option and the accepted names. Without <paramref name="defaultValue"/> the option is required.
    /// </summary>
    public ChoiceOption(string name, string description, IReadOnlyList<(string Name, T Value)> choices, T? defaultValue = null)
    {
        _choices = choices;
        string[] names = [.. choices.Select(c => c.Name)];
        Option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            Required = defaultValue is null,
            CustomParser = result =>
            {
                string word = result.Tokens[^1].Value;
                string? match = names.FirstOrDefault(n => string.Equals(n, word, StringComparison.OrdinalIgnoreCase));
                if (match is null) result.AddError($"{name} '{word}' is not one of {string.Join(", ", names)}.");
                return match;
            },
        };
        if (defaultValue is { } fallback) Option.DefaultValueFactory = _ => NameOf(fallback);
        Option.CompletionSources.Add(names);
    }

    /// <summary>The option as the parser sees it.</summary>
    public Option<string> Option { get; }

    /// <summary>The value the command line chose.</summary>
    public T GetValue(ParseResult parse)
    {
        string name = parse.GetRequiredValue(Option);
        return _choices.First(c => c.Name == name).Value;
    }

    /// <summary>The name of <paramref name="value"/>.</summary>
    public string NameOf(T value) => _choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Name;
}
