using Cheeger.Clustering.Data;
using Cheeger.Clustering.KMeans;
using static Cheeger.Clustering.Tests.KMeans.KMeansBackendCases;

namespace Cheeger.Clustering.Tests.KMeans;

/// <summary>
/// The study's algorithm (docs/kmeans-study.md) on small examples worked out by hand, pass by pass. The serial
/// reference must reproduce them, and so must the parallel backend.
/// </summary>
public class KMeansStudyExampleTests
{
    // Ten points, k = 2, initial centroids = rows 0 and 2. n/100 = 0, so the loop runs until a pass changes nothing.
    //
    //   P0 (0,0)  P1 (0,2)  P2 (2,0)  P3 (2,2)  P4 (6,0)  P5 (6,2)  P6 (8,0)  P7 (8,2)  P8 (4,1)  P9 (10,1)
    //
    // Pass 1, against c0 = (0,0), c1 = (2,0) (d² to c0 | c1):
    //   P0 0|4 → 0   P1 4|8 → 0   P2 4|0 → 1   P3 8|4 → 1   P4 36|16 → 1   P5 40|20 → 1
    //   P6 64|36 → 1   P7 68|40 → 1   P8 17|5 → 1   P9 101|65 → 1          changes 10 (first pass: all)
    //   sums: c0 = P0+P1 = (0,2), count 2 → (0,1);  c1 = P2..P9 = (46,8), count 8 → (5.75,1)
    // Pass 2, against c0 = (0,1), c1 = (5.75,1):
    //   P0, P1: 1|34.0625 → 0   P2, P3: 5|15.0625 → 0 (changed)   P4, P5: 37|1.0625 → 1
    //   P6, P7: 65|5.0625 → 1   P8: 16|3.0625 → 1   P9: 100|18.0625 → 1     changes 2
    //   sums: c0 = (0,2) + P2 + P3 = (4,4), count 4 → (1,1);  c1 = (46,8) − P2 − P3 = (42,6), count 6 → (7,1)
    // Pass 3, against c0 = (1,1), c1 = (7,1):
    //   P0..P3: 2|50, 2|50, 2|26, 2|26 → 0   P4..P7: 26|2, 26|2, 50|2, 50|2 → 1   P9: 81|9 → 1
    //   P8 (4,1): 9|9, a tie: the first minimum wins → 0 (changed)              changes 1
    //   sums: c0 = (4,4) + P8 = (8,5), count 5 → (8/5, 1);  c1 = (42,6) − P8 = (38,5), count 5 → (38/5, 1)
    // Pass 4, against c0 = (1.6,1), c1 = (7.6,1):
    //   P0, P1: 3.56|58.76 → 0   P2, P3: 1.16|31.36+1 → 0   P8: 5.76|12.96 → 0
    //   P4, P5: 19.36+1|3.56 → 1   P6, P7: 41.96|1.16 → 1   P9: 70.56|5.76 → 1     changes 0 → stop
    //   centroids unchanged; inertia = 4·3.56 (P0, P1, P4, P5) + 4·1.16 (P2, P3, P6, P7) + 2·5.76 (P8, P9) = 30.4
    private static readonly double[] TenPoints =
        [0, 0, 0, 2, 2, 0, 2, 2, 6, 0, 6, 2, 8, 0, 8, 2, 4, 1, 10, 1];

    private static readonly double[] TenPointsStart = [0, 0, 2, 0];

    private static readonly double[][] TenPointsCentroidsAfterPass =
    [
        [0, 1, 5.75, 1],
        [1, 1, 7, 1],
        [8.0 / 5, 1, 38.0 / 5, 1],
        [8.0 / 5, 1, 38.0 / 5, 1],
    ];

    private static readonly int[] TenPointsChanges = [10, 2, 1, 0];

    private static Dataset Ten() => new((double[])TenPoints.Clone(), 10, 2);

    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void EachPassMatchesTheHandWorkedExample(string backend, int workers)
    {
        for (int passes = 1; passes <= 4; passes++)
        {
            var options = new KMeansOptions { K = 2, MaxIterations = passes, Workers = workers };
            var result = KMeansBackendCases.Create(backend).Run(Ten(), options, TenPointsStart, Cancel);

            Assert.Equal(passes, result.Iterations);
            Assert.Equal(TenPointsChanges[..passes], result.ChangesPerIteration);
            Assert.Equal(TenPointsCentroidsAfterPass[passes - 1], result.Centroids);
        }
    }

    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void StopsAtTheFirstPassWithoutChanges(string backend, int workers)
    {
        var options = new KMeansOptions { K = 2, Workers = workers };
        var result = KMeansBackendCases.Create(backend).Run(Ten(), options, TenPointsStart, Cancel);

        Assert.Equal(4, result.Iterations);
        Assert.Equal(TenPointsChanges, result.ChangesPerIteration);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 0, 1], result.Labels);
        Assert.Equal(TenPointsCentroidsAfterPass[3], result.Centroids);
        Assert.Equal(30.4, result.Inertia, 1e-12);
        Assert.Equal(backend, result.Backend);
        Assert.True(result.Timings["assign"] >= 0 && result.Timings["update"] >= 0);
        Assert.Contains(result.Timings.Phases, p => p.Key == "assign");
        Assert.Contains(result.Timings.Phases, p => p.Key == "update");
    }

    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void TolerancesStopWhenNoCentroidMovedMore(string backend, int workers)
    {
        // Largest moves per pass: 1: |(2,0)→(5.75,1)| ≈ 3.88; 2: 1.25 (c1 (5.75,1)→(7,1)); 3: 0.6 (both); 4: 0.
        var run = (double tolerance) => KMeansBackendCases.Create(backend)
            .Run(Ten(), new KMeansOptions { K = 2, Tolerance = tolerance, Workers = workers }, TenPointsStart, Cancel);

        Assert.Equal([10, 2, 1], run(0.7).ChangesPerIteration);  // 0.6 ≤ 0.7 after pass 3
        Assert.Equal([10, 2], run(1.3).ChangesPerIteration);     // 1.25 ≤ 1.3 after pass 2
        Assert.Equal([10, 2, 1, 0], run(0.5).ChangesPerIteration); // only the change rule stops it
    }

    // Stop rule edge: n = 250, so ⌊n/100⌋ = 2. Points on the x axis: 124 at x = 0, m "swing" points at x = 4 and
    // 126 − m at x = 10; initial centroids (0,0) and (4,0).
    // Pass 1: x=0 → c0 (0|16); x=4 → c1 (16|0); x=10 → c1 (100|36). Changes 250.
    //   c0 = (0,0); c1 = (4m + 10(126 − m)) / 126 = 9.904… (m = 2) or 9.857… (m = 3).
    // Pass 2: x=4 is now nearer c0 (16 against ≥ 5.85² ≈ 34.3) → the m swing points change; nothing else does.
    //   m = 2: 2 changes, not more than 2 → stop after pass 2.
    //   m = 3: 3 changes > 2 → pass 3, with c0 = 12/127 ≈ 0.094 and c1 = 10: x=4 stays (15.25|36), 0 changes → stop.
    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void PassWithExactlyNOver100ChangesStops(string backend, int workers)
    {
        var options = new KMeansOptions { K = 2, Workers = workers };
        var result = KMeansBackendCases.Create(backend).Run(OnTheAxis(124, 2, 124), options, [0, 0, 4, 0], Cancel);
        Assert.Equal([250, 2], result.ChangesPerIteration);
        Assert.Equal(2, result.Iterations);
    }

    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void PassWithOneMoreChangeContinues(string backend, int workers)
    {
        var options = new KMeansOptions { K = 2, Workers = workers };
        var result = KMeansBackendCases.Create(backend).Run(OnTheAxis(124, 3, 123), options, [0, 0, 4, 0], Cancel);
        Assert.Equal([250, 3, 0], result.ChangesPerIteration);
        Assert.Equal(3, result.Iterations);
        Assert.Equal([12.0 / 127, 0, 10, 0], result.Centroids);
    }

    // Empty cluster. Points (1,0) (1,0) (2,0) (8,0) (9,0) (9,0); initial centroids c0 (−2,0), c1 (5,0), c2 (12,0).
    // Pass 1 (d² to c0 | c1 | c2): 1: 9|16|121 → 0;  2: 16|9|100 → 1;  8: 100|9|16 → 1;  9: 121|16|9 → 2.
    //   c0 = (1,0); c1 = (2+8)/2 = (5,0); c2 = (9,0). Changes 6.
    // Pass 2: 2: 1|9|49 → 0 (changed);  8: 49|9|1 → 2 (changed). Cluster 1 lost both points: sum 10 − 2 − 8 = 0,
    //   count 0 → it keeps (5,0). c0 = (1+1+2)/3 = 4/3; c2 = (8+9+9)/3 = 26/3. Changes 2.
    // Pass 3: 1, 2 stay with c0 (1/9, 4/9 against ≥ 9); 8, 9 stay with c2 (4/9, 1/9). Changes 0 → stop.
    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void ClusterThatLosesAllItsPointsKeepsItsCentroid(string backend, int workers)
    {
        var data = new Dataset([1, 0, 1, 0, 2, 0, 8, 0, 9, 0, 9, 0], 6, 2);
        var result = KMeansBackendCases.Create(backend).Run(data, new KMeansOptions { K = 3, Workers = workers }, [-2, 0, 5, 0, 12, 0], Cancel);

        Assert.Equal([6, 2, 0], result.ChangesPerIteration);
        Assert.Equal([0, 0, 0, 2, 2, 2], result.Labels);
        Assert.Equal([4.0 / 3, 0, 5, 0, 26.0 / 3, 0], result.Centroids);
        Assert.All(result.Centroids, c => Assert.True(double.IsFinite(c)));
        Assert.True(double.IsFinite(result.Inertia));
    }

    [Theory]
    [MemberData(nameof(KMeansBackendCases.All), MemberType = typeof(KMeansBackendCases))]
    public void ClusterNeverReachedKeepsItsInitialCentroid(string backend, int workers)
    {
        // (100,100) is nobody's nearest centroid: its cluster is empty from the first pass.
        var data = new Dataset([0, 0, 1, 0, 0, 1, 5, 5, 6, 5], 5, 2);
        var result = KMeansBackendCases.Create(backend).Run(data, new KMeansOptions { K = 3, Workers = workers }, [0, 0, 100, 100, 6, 6], Cancel);

        Assert.Equal([0, 0, 0, 2, 2], result.Labels);
        Assert.Equal([1.0 / 3, 1.0 / 3, 100, 100, 5.5, 5], result.Centroids);
        Assert.Equal([5, 0], result.ChangesPerIteration);
    }

    private static Dataset OnTheAxis(int atZero, int atFour, int atTen)
    {
        var points = new List<double>();
        for (int i = 0; i < atZero; i++) points.AddRange([0, 0]);
        for (int i = 0; i < atFour; i++) points.AddRange([4, 0]);
        for (int i = 0; i < atTen; i++) points.AddRange([10, 0]);
        return new Dataset(points.ToArray(), atZero + atFour + atTen, 2);
    }
}
