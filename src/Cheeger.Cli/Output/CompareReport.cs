using Cheeger.Clustering.Metrics;

namespace Cheeger.Cli.Output;

/// <summary>The report of <c>cheeger compare</c>: one row per backend on the same input and options.</summary>
/// <param name="Method">kmeans or iso.</param>
/// <param name="Input">The input file.</param>
/// <param name="N">Number of points.</param>
/// <param name="D">Number of features.</param>
/// <param name="K">Number of clusters asked for.</param>
/// <param name="Reference">The backend every other one is compared with.</param>
/// <param name="Backends">One row per known backend, available or not.</param>
public sealed record CompareReport(string Method, string Input, int N, int D, int K, string Reference, IReadOnlyList<CompareRow> Backends);

/// <summary>One backend's row of <c>compare</c>.</summary>
public sealed record CompareRow : RunFacts
{
    /// <summary>A row for a backend that ran.</summary>
    public CompareRow(RunFacts facts) : base(facts) { }

    /// <summary>A row for a backend that did not run.</summary>
    public CompareRow(string backend) => Backend = backend;

    /// <summary>Whether the backend could run here.</summary>
    public required bool Available { get; init; }

    /// <summary>Why it could not run, or the device or library it used.</summary>
    public string? Reason { get; init; }

    /// <summary>The error, when the backend was available but its run failed.</summary>
    public string? Error { get; init; }

    /// <summary>Agreement of its labels with the reference backend's (null when either did not run).</summary>
    public LabelAgreement? Agreement { get; init; }
}
