using System.Runtime.CompilerServices;
using System.Runtime.InteropServices.Marshalling;

namespace Cheeger.Interop;

/// <summary>
/// The one place a native status becomes an exception. Every safe wrapper passes each call's status through
/// <see cref="Check"/> on the calling thread, right after the call, so the library's per-thread message is still there.
/// </summary>
public static class NativeStatus
{
    /// <summary>Returns when <paramref name="status"/> is OK; otherwise throws with the library's last-error message.</summary>
    /// <param name="status">The status a native call returned.</param>
    /// <param name="call">Filled in by the compiler with the call's text; only the function name is kept.</param>
    /// <exception cref="CheegerNativeException">The status is not OK.</exception>
    public static void Check(CheegerStatus status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != CheegerStatus.Ok) throw new CheegerNativeException(FunctionName(call), status, LastError());
    }

    /// <summary><c>cheeger_last_error()</c> of this thread, copied (the library owns and reuses the buffer).</summary>
    public static unsafe string LastError() => Utf8StringMarshaller.ConvertToManaged(NativeMethods.LastError()) ?? "";

    /// <summary><c>NativeMethods.KMeansRun(context, ...)</c> → <c>KMeansRun</c>.</summary>
    private static string FunctionName(string call)
    {
        int open = call.IndexOf('(');
        string callee = open < 0 ? call : call[..open];
        return callee[(callee.LastIndexOf('.') + 1)..].Trim();
    }
}
