namespace Cheeger.Cli;

/// <summary>The exit codes of <c>cheeger</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Something failed while running: a backend that cannot run here, an I/O error, a backend failure.</summary>
    public const int RuntimeError = 1;

    /// <summary>Bad input: a malformed file or command line, an option out of range, an unknown name.</summary>
    public const int InputError = 2;
}
