using BenchmarkDotNet.Running;
using Cheeger.Benchmarks;

// "gpu-agreement ...": the GPU backends' agreement with the CPU at the GPU suite's sizes (GpuAgreementReport).
if (args.Length > 0 && args[0] == "gpu-agreement") return GpuAgreementReport.Run(args[1..]);
// "synthetic uniform|clustered N D FILE": the scale suite's points as a CSV for the command line (SyntheticDataWriter).
if (args.Length > 0 && args[0] == "synthetic") return SyntheticDataWriter.Run(args[1..]);

// Otherwise runs the suites picked by --filter (BenchmarkDotNet's switcher); the exit code says whether every benchmark ran.
// A --job on the command line replaces the configuration's job.
var config = new BenchmarkConfig(withJob: !args.Any(arg => arg.Equals("--job", StringComparison.OrdinalIgnoreCase) || arg.Equals("-j", StringComparison.Ordinal)));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
