using System.CommandLine;
using System.CommandLine.Parsing;
using Cheeger.Clustering;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Commands;

/// <summary>
/// The input argument and the options that choose and tune a method, shared by <c>cluster</c> and
/// <c>compare</c>. Defaults come from <see cref="KMeansOptions"/> and <see cref="IsoperimetricOptions"/>.
/// </summary>
internal sealed class MethodOptions
{
    private static readonly KMeansOptions KMeansDefaults = new();
    private static readonly IsoperimetricOptions IsoDefaults = new();

    public static readonly (string, ClusteringMethod)[] Methods =
        [("kmeans", ClusteringMethod.KMeans), ("iso", ClusteringMethod.Isoperimetric)];

    public static readonly (string, KMeansInit)[] Inits = [("random", KMeansInit.Random), ("kmeans++", KMeansInit.KMeansPlusPlus)];

    public static readonly (string, KMeansPrecision)[] Precisions = [("double", KMeansPrecision.Double), ("single", KMeansPrecision.Single)];

    public static readonly (string, FlowKernel)[] Kernels =
        [("laplace", FlowKernel.Laplace), ("gauss", FlowKernel.Gauss), ("inverse", FlowKernel.Inverse)];

    public static readonly (string, VertexWeight)[] Weights =
        [("tree", VertexWeight.Tree), ("unit", VertexWeight.Unit), ("graph", VertexWeight.Graph)];

    public static readonly (string, SpanningTreeAlgorithm)[] SpanningTrees =
        [.. Enum.GetValues<SpanningTreeAlgorithm>().Select(algorithm => (SpanningTreeChoice.NameOf(algorithm), algorithm))];

    public Argument<string> Input { get; } = new("csv") { Description = "Input CSV: a header row, numeric features, an optional 'label' column (ground truth)." };

    public ChoiceOption<ClusteringMethod> Method { get; } = new("--method", "The clustering method.", Methods);

    public Option<int> K { get; } = new("--k") { Description = "Number of clusters (1 ≤ k ≤ n).", Required = true };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the k-means initialisation.", DefaultValueFactory = _ => KMeansDefaults.Seed };

    public Option<int> Workers { get; } = new("--workers") { Description = "Worker threads of parallel backends; 0 = all cores.", DefaultValueFactory = _ => 0 };

    public ChoiceOption<KMeansInit> Init { get; } = new("--init", "k-means: initial centroids.", Inits, KMeansDefaults.Init);

    public Option<int> MaxIterations { get; } = new("--max-iterations")
    { Description = "k-means: most passes.", DefaultValueFactory = _ => KMeansDefaults.MaxIterations };

    public Option<double> Tolerance { get; } = new("--tolerance")
    { Description = "k-means: stop when no centroid moves more than this; 0 = off.", DefaultValueFactory = _ => KMeansDefaults.Tolerance };

    public ChoiceOption<KMeansPrecision> Precision { get; } = new("--precision",
        "k-means: precision of the distances; single only on native-cuda (labels may differ from double at near-ties).", Precisions, KMeansDefaults.Precision);

    public ChoiceOption<FlowKernel> Kernel { get; } = new("--kernel", "iso: flow kernel on tree edges.", Kernels, IsoDefaults.Kernel);

    public ChoiceOption<SpanningTreeAlgorithm> SpanningTree { get; } = new("--spanning-tree",
        "iso: how the minimum spanning tree is built (the same tree by every choice; auto: by n and d).", SpanningTrees, IsoDefaults.SpanningTree);

    public Option<double?> Sigma { get; } = new("--sigma") { Description = "iso: σ of the kernel (default: --sigma-scale × mean MST edge)." };

    public Option<double> SigmaScale { get; } = new("--sigma-scale")
    { Description = "iso: s in σ = s × mean MST edge length.", DefaultValueFactory = _ => IsoDefaults.SigmaScale };

    public ChoiceOption<VertexWeight> Weight { get; } = new("--weight", "iso: vertex weight.", Weights, IsoDefaults.Weight);

    public Option<double> Beta { get; } = new("--beta")
    { Description = "iso: β of the outlier potential; 0 = plain clustering.", DefaultValueFactory = _ => IsoDefaults.Beta };

    public Option<bool> Standardize { get; } = new("--standardize") { Description = "iso: z-score every feature first." };

    public Option<bool> Full { get; } = new("--full") { Description = "iso: give every outlier its nearest clustered point's label." };

    public Option<int?> Sample { get; } = new("--sample")
    { Description = "Cluster a seeded random sample of this many rows (kept in file order) instead of every row." };

    public Option<ulong> SampleSeed { get; } = new("--sample-seed")
    { Description = "Seed of the --sample rows.", DefaultValueFactory = _ => 1 };

    private Option[] KMeansOnly => [Init.Option, MaxIterations, Tolerance, Precision.Option];

    private Option[] IsoOnly => [SpanningTree.Option, Kernel.Option, Sigma, SigmaScale, Weight.Option, Beta, Standardize, Full];

    /// <summary>Adds the argument and every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Input);
        foreach (Option option in (Option[])[Method.Option, K, Seed, Workers, Sample, SampleSeed, .. KMeansOnly, .. IsoOnly]) command.Add(option);
    }

    /// <summary>The settings the command line asks for; an option of the other method is an input error.</summary>
    public RunSettings Read(ParseResult parse, bool includeTree)
    {
        var method = Method.GetValue(parse);
        RejectGiven(parse, method == ClusteringMethod.KMeans ? IsoOnly : KMeansOnly, method);
        MethodChoice choice = method == ClusteringMethod.KMeans
            ? new KMeansChoice(ReadKMeans(parse))
            : new IsoperimetricChoice(ReadIsoperimetric(parse, includeTree));
        return new RunSettings(parse.GetRequiredValue(Input), choice, parse.GetValue(Sample), parse.GetValue(SampleSeed));
    }

    private KMeansOptions ReadKMeans(ParseResult parse) => new()
    {
        K = parse.GetValue(K),
        Seed = parse.GetValue(Seed),
        Init = Init.GetValue(parse),
        MaxIterations = parse.GetValue(MaxIterations),
        Tolerance = parse.GetValue(Tolerance),
        Precision = Precision.GetValue(parse),
        Workers = parse.GetValue(Workers),
    };

    private IsoperimetricOptions ReadIsoperimetric(ParseResult parse, bool includeTree) => new()
    {
        K = parse.GetValue(K),
        SpanningTree = SpanningTree.GetValue(parse),
        Kernel = Kernel.GetValue(parse),
        Sigma = parse.GetValue(Sigma),
        SigmaScale = parse.GetValue(SigmaScale),
        Weight = Weight.GetValue(parse),
        Beta = parse.GetValue(Beta),
        Standardize = parse.GetValue(Standardize),
        FullLabels = parse.GetValue(Full),
        Workers = parse.GetValue(Workers),
        IncludeTree = includeTree,
    };

    /// <summary>Throws when one of <paramref name="options"/> was written on the command line.</summary>
    public static void RejectGiven(ParseResult parse, IEnumerable<Option> options, ClusteringMethod method)
    {
        foreach (var option in options)
        {
            if (parse.GetResult(option) is OptionResult { Implicit: false })
                throw new ClusteringInputException($"{option.Name} does not apply to --method {method.CliName()}.");
        }
    }
}
