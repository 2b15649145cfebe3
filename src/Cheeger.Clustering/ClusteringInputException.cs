namespace Cheeger.Clustering;

/// <summary>
/// Bad input: a malformed file, a non-finite value, an option out of range. The message names the problem
/// and, where it applies, the row and column. An option is named in the library's words (<c>k</c>,
/// <c>max iterations</c>); a front end that spells its options otherwise asks for <see cref="MessageNaming"/>.
/// </summary>
public sealed class ClusteringInputException : Exception
{
    private readonly Func<Func<string, string>, string>? _phrase;

    /// <summary>A problem that names no option.</summary>
    public ClusteringInputException(string message) : base(message) { }

    private ClusteringInputException(Func<Func<string, string>, string> phrase) : base(phrase(OptionWords.Of)) => _phrase = phrase;

    /// <summary>
    /// A problem with options: <paramref name="phrase"/> writes the message given a naming of the options, which it
    /// asks for by their property names (<c>nameof(KMeansOptions.MaxIterations)</c>).
    /// </summary>
    public static ClusteringInputException ForOptions(Func<Func<string, string>, string> phrase) => new(phrase);

    /// <summary>The message with each option named by <paramref name="name"/> (property name → the caller's spelling).</summary>
    public string MessageNaming(Func<string, string> name) => _phrase?.Invoke(name) ?? Message;
}
