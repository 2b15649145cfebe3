using System.CommandLine;
using Cheeger.Cli.Commands;
using Cheeger.Clustering;
using Cheeger.Clustering.Isoperimetric;
using Cheeger.Clustering.KMeans;

namespace Cheeger.Cli.Tests;

public class MethodOptionsTests
{
    private static RunSettings Read(params string[] args)
    {
        var options = new MethodOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return options.Read(parse, includeTree: false);
    }

    [Fact]
    public void Defaults_are_those_of_the_option_records()
    {
        var settings = Read("in.csv", "--method", "kmeans", "--k", "5");

        Assert.Equal(ClusteringMethod.KMeans, settings.Choice.Method);
        Assert.Equal(new KMeansChoice(new KMeansOptions { K = 5 }), settings.Choice);
        Assert.Equal("in.csv", settings.InputPath);
    }

    [Fact]
    public void K_means_options_reach_the_k_means_record()
    {
        var settings = Read("in.csv", "--method", "KMEANS", "--k", "4", "--seed", "9", "--workers", "2",
            "--init", "kmeans++", "--max-iterations", "17", "--tolerance", "0.5", "--precision", "single");

        Assert.Equal(new KMeansChoice(new KMeansOptions
        {
            K = 4, Seed = 9, Workers = 2, Init = KMeansInit.KMeansPlusPlus, MaxIterations = 17, Tolerance = 0.5, Precision = KMeansPrecision.Single,
        }), settings.Choice);
    }

    [Fact]
    public void Iso_options_reach_the_isoperimetric_record()
    {
        var settings = Read("in.csv", "--method", "iso", "--k", "6", "--kernel", "gauss", "--sigma", "0.25", "--sigma-scale", "3",
            "--weight", "unit", "--beta", "0.1", "--standardize", "--full", "--workers", "3", "--spanning-tree", "kdtree");

        Assert.Equal(ClusteringMethod.Isoperimetric, settings.Choice.Method);
        Assert.Equal(new IsoperimetricChoice(new IsoperimetricOptions
        {
            K = 6, Kernel = FlowKernel.Gauss, Sigma = 0.25, SigmaScale = 3, Weight = VertexWeight.Unit, Beta = 0.1,
            Standardize = true, FullLabels = true, Workers = 3, SpanningTree = SpanningTreeAlgorithm.Kdtree,
        }), settings.Choice);
    }
}
