namespace Cheeger.Build.Engine;

/// <summary>A failure the build reports with its message alone (no stack trace): a missing tool, a stale file, a failed suite.</summary>
public class BuildFailedException(string message) : Exception(message);
