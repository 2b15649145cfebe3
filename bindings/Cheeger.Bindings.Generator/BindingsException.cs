namespace Cheeger.Bindings.Generator;

/// <summary>The header, the clang output or the command line cannot be turned into bindings; the message says why.</summary>
public sealed class BindingsException(string message, Exception? inner = null) : Exception(message, inner);
