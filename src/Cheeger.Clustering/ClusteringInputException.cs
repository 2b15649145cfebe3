namespace Cheeger.Clustering;

/// <summary>
/// Bad input: a malformed file, a non-finite value, an option out of range. The message names the problem
/// and, where it applies, the row and column; the command line prints it as one line.
/// </summary>
public sealed class ClusteringInputException(string message) : Exception(message);
