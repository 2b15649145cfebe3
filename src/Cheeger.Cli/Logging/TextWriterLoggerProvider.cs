using Microsoft.Extensions.Logging;

namespace Cheeger.Cli.Logging;

/// <summary>
/// Writes log lines (<c>level: message</c>) to a <see cref="TextWriter"/>: the command line's stderr, which
/// may be a test's writer rather than the console, so the console logger (bound to the process's streams)
/// does not fit.
/// </summary>
internal sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <inheritdoc />
    public void Dispose() => writer.Flush();

    private void Write(LogLevel level, string message, Exception? exception)
    {
        lock (_lock)
        {
            writer.WriteLine($"{Prefix(level)}: {message}");
            if (exception is not null) writer.WriteLine(exception);
        }
    }

    private static string Prefix(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class Logger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) provider.Write(logLevel, formatter(state, exception), exception);
        }
    }
}
