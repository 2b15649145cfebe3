using Cheeger.Backends;
using Microsoft.Extensions.Logging;

namespace Cheeger.Cli.Running;

/// <summary>The one log line of <c>--backend auto</c>: the backend chosen and each one passed over, with why.</summary>
internal static class AutoChoiceLog
{
    /// <summary>Logs <paramref name="choice"/> at information level (nothing when no automatic selection was made).</summary>
    public static void Write(ILogger logger, AutoChoice? choice)
    {
        if (choice is null) return;
        logger.LogInformation("--backend auto chose {Backend}{Skipped}", choice.Chosen,
            choice.Skipped.Count == 0 ? "" : "; skipped " + string.Join("; ", choice.Skipped));
    }
}
