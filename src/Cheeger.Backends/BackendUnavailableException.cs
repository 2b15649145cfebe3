namespace Cheeger.Backends;

/// <summary>The requested backend exists but cannot run on this machine; the message says why.</summary>
public sealed class BackendUnavailableException(string message) : Exception(message);
