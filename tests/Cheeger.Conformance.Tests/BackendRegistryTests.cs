using Cheeger.Backends;
using Cheeger.Clustering;
using Cheeger.Clustering.Backends;

namespace Cheeger.Conformance.Tests;

/// <summary>
/// The registry as a C# application sees it (this project references Cheeger.Backends alone): every backend once,
/// under the name it reports, with its availability and, when unavailable, the reason.
/// </summary>
public sealed class BackendRegistryTests
{
    [Fact]
    public void Every_backend_is_registered_once_and_the_reference_first()
    {
        Assert.Equal(BackendRegistry.Reference, BackendRegistry.Names[0]);
        Assert.Equal(BackendRegistry.Names.Count, BackendRegistry.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            [BackendNames.Serial, BackendNames.Parallel, BackendNames.Ilgpu, BackendNames.NativeCpu, BackendNames.NativeCuda],
            BackendRegistry.Names);
    }

    [Fact]
    public void The_survey_gives_every_backend_and_method_its_availability_or_the_reason()
    {
        IReadOnlyList<BackendStatus> survey = BackendRegistry.Survey();

        Assert.Equal(BackendRegistry.All.Count * Enum.GetValues<ClusteringMethod>().Length, survey.Count);
        foreach (BackendStatus status in survey)
        {
            if (!status.Availability.IsAvailable)
                Assert.False(string.IsNullOrWhiteSpace(status.Availability.Reason), $"{status.Registration.Name} {status.Method}: no reason");
            if (status.Availability.IsAvailable)
                Assert.True(status.Registration.Implements(status.Method), $"{status.Registration.Name} runs {status.Method} without implementing it");
        }
        Assert.All(survey.Where(s => s.Registration.Name is BackendNames.Serial or BackendNames.Parallel), s => Assert.True(s.Availability.IsAvailable));
        // Every backend implements both methods; ILGPU falls back to its CPU accelerator, so it always runs.
        Assert.All(survey, s => Assert.True(s.Registration.Implements(s.Method), $"{s.Registration.Name} lacks {s.Method}"));
        Assert.All(survey.Where(s => s.Registration.Name == BackendNames.Ilgpu), s => Assert.True(s.Availability.IsAvailable, s.Availability.Reason));
    }

    [Fact]
    public void An_unknown_name_is_an_input_error_listing_the_known_ones()
    {
        var error = Assert.Throws<ClusteringInputException>(() => BackendRegistry.Find("quantum"));

        Assert.Equal($"Unknown backend 'quantum'; expected auto, {string.Join(", ", BackendRegistry.Names)}.", error.Message);
    }

    [Fact]
    public void Automatic_selection_always_finds_a_backend_and_says_what_it_passed_over()
    {
        using var backends = new BackendSet();

        IKMeansBackend chosen = backends.KMeans(BackendSet.Auto);

        AutoChoice choice = Assert.IsType<AutoChoice>(backends.LastAutoChoice);
        Assert.Equal(chosen.Name, choice.Chosen);
        Assert.True(chosen.Availability.IsAvailable);
        Assert.All(choice.Skipped, skipped => Assert.Contains(": ", skipped));
    }
}
