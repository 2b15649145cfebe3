using BenchmarkDotNet.Attributes;
using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Cheeger.Benchmarks;

/// <summary>
/// ML.NET's k-means trainer beside Cheeger's parallel backend on the same points (N = 1e5, D = 2), both limited to
/// 5 passes with random initialisation on every core. ML.NET uses Yinyang acceleration and its own stop rule, so
/// this is a peer measurement, not an equivalence.
/// </summary>
[BenchmarkCategory(BenchmarkConfig.Categories.Peer)]
public class MlNetKMeansPeerBenchmarks
{
    private const int Passes = 5;
    private Dataset _data = null!;
    private KMeansOptions _options = null!;
    private double[] _initial = [];
    private readonly ParallelKMeans _parallel = new();
    private MLContext _ml = null!;
    private IDataView _view = null!;

    /// <summary>Number of clusters.</summary>
    [Params(10, 40)]
    public int K { get; set; }

    /// <summary>Generates the points once for both libraries.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticData.Uniform(100_000, 2);
        _options = new KMeansOptions { K = K, Seed = 1, MaxIterations = Passes };
        _initial = KMeansInitializer.InitialCentroids(_data, _options);
        _ml = new MLContext(seed: 1);
        var rows = new PointRow[_data.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var p = _data.Row(i);
            rows[i] = new PointRow { Features = [(float)p[0], (float)p[1]] };
        }
        _view = _ml.Data.LoadFromEnumerable(rows);
    }

    /// <summary>Cheeger's parallel backend, 5 passes.</summary>
    [Benchmark(Baseline = true)]
    public KMeansResult CheegerParallel() => _parallel.Run(_data, _options, _initial);

    /// <summary>ML.NET KMeansTrainer, at most 5 passes.</summary>
    [Benchmark]
    public object MlNet()
    {
        var trainer = _ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            NumberOfClusters = K,
            MaximumNumberOfIterations = Passes,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.Random,
            FeatureColumnName = nameof(PointRow.Features),
        });
        return trainer.Fit(_view);
    }

    /// <summary>One input row for ML.NET.</summary>
    public sealed class PointRow
    {
        /// <summary>The point's coordinates.</summary>
        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
