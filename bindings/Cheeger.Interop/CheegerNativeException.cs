namespace Cheeger.Interop;

/// <summary>A native call returned a status other than <see cref="CheegerStatus.Ok"/>; carries the library's own message.</summary>
public sealed class CheegerNativeException : Exception
{
    /// <summary>An exception for <paramref name="function"/> failing with <paramref name="status"/> and <paramref name="nativeMessage"/>.</summary>
    public CheegerNativeException(string function, CheegerStatus status, string nativeMessage)
        : base($"{function} failed ({status}): {(nativeMessage.Length > 0 ? nativeMessage : "the library gave no message")}")
    {
        Function = function;
        Status = status;
        NativeMessage = nativeMessage;
    }

    /// <summary>The native function that failed, as the bindings name it.</summary>
    public string Function { get; }

    /// <summary>The status it returned.</summary>
    public CheegerStatus Status { get; }

    /// <summary><c>cheeger_last_error()</c> right after the failed call ("" when the library gave none).</summary>
    public string NativeMessage { get; }
}
