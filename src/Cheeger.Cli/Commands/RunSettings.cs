namespace Cheeger.Cli.Commands;

/// <summary>What to run, as read from the command line: the input, and the method with its typed options.</summary>
/// <param name="InputPath">The CSV file.</param>
/// <param name="Choice">The method and its options; it makes the method's request once the data are read.</param>
/// <param name="SampleRows">When set, cluster a seeded random sample of this many rows instead of the whole file.</param>
/// <param name="SampleSeed">The seed of that sample.</param>
internal sealed record RunSettings(string InputPath, MethodChoice Choice, int? SampleRows = null, ulong SampleSeed = 0);
