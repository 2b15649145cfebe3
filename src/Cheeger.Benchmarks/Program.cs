using BenchmarkDotNet.Running;
using Cheeger.Benchmarks;

// Runs the suites picked by --filter (BenchmarkDotNet's switcher); the exit code says whether every benchmark ran.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
