using System.Runtime.Intrinsics;

namespace Cheeger.Clustering.KMeans;

/// <summary>
/// The few lane-wise operations the assignment kernel needs, for one vector width. The kernel is written
/// once, generic over this interface; each struct below instantiates it for one width, and the JIT inlines the
/// static calls. Multiply and add stay separate instructions (the JIT does not contract them into FMA), so every
/// lane rounds exactly as the scalar loop does.
/// </summary>
/// <typeparam name="TV">The vector of doubles (or <see cref="double"/> for one lane).</typeparam>
/// <typeparam name="TL">The vector of 64-bit cluster indices with as many lanes (or <see cref="long"/>).</typeparam>
internal interface ILaneOps<TV, TL> where TV : struct where TL : struct
{
    /// <summary>Doubles per vector.</summary>
    static abstract int Width { get; }

    /// <summary>Loads <see cref="Width"/> consecutive doubles.</summary>
    static abstract TV Load(ref double source);

    /// <summary>Stores <see cref="Width"/> consecutive doubles.</summary>
    static abstract void Store(TV value, ref double destination);

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TV Broadcast(double value);

    /// <summary>a − b per lane.</summary>
    static abstract TV Subtract(TV a, TV b);

    /// <summary>a · b per lane.</summary>
    static abstract TV Multiply(TV a, TV b);

    /// <summary>a + b per lane.</summary>
    static abstract TV Add(TV a, TV b);

    /// <summary>A mask per lane: set where a &lt; b (false for NaN).</summary>
    static abstract TV LessThan(TV a, TV b);

    /// <summary>
    /// Per lane: a where a &lt; b, else b, in one instruction (x86 <c>vminpd</c>). Only NaN and −0 would tell it
    /// from IEEE minimum, and squared distances are neither.
    /// </summary>
    static abstract TV Min(TV a, TV b);

    /// <summary>Every index lane set to <paramref name="value"/>.</summary>
    static abstract TL BroadcastIndex(long value);

    /// <summary>
    /// Per lane: <paramref name="ifSet"/> where <paramref name="mask"/> (from <see cref="LessThan"/>) is set, else
    /// <paramref name="otherwise"/>.
    /// </summary>
    static abstract TL SelectIndex(TV mask, TL ifSet, TL otherwise);

    /// <summary>Loads <see cref="Width"/> consecutive indices.</summary>
    static abstract TL LoadIndex(ref long source);

    /// <summary>Stores <see cref="Width"/> consecutive indices.</summary>
    static abstract void StoreIndex(TL value, ref long destination);

    /// <summary>A bit per lane (bit l for lane l), set where a and b hold the same index.</summary>
    static abstract uint EqualLanes(TL a, TL b);
}

/// <summary>Eight lanes (AVX-512).</summary>
internal readonly struct Lanes512 : ILaneOps<Vector512<double>, Vector512<long>>
{
    public static int Width => Vector512<double>.Count;
    public static Vector512<double> Load(ref double source) => Vector512.LoadUnsafe(ref source);
    public static void Store(Vector512<double> value, ref double destination) => value.StoreUnsafe(ref destination);
    public static Vector512<double> Broadcast(double value) => Vector512.Create(value);
    public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    public static Vector512<double> LessThan(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b);
    public static Vector512<double> Min(Vector512<double> a, Vector512<double> b) => Vector512.MinNative(a, b); // x86 vminpd: a < b ? a : b
    public static Vector512<long> BroadcastIndex(long value) => Vector512.Create(value);
    public static Vector512<long> SelectIndex(Vector512<double> mask, Vector512<long> ifSet, Vector512<long> otherwise) =>
        Vector512.ConditionalSelect(mask.AsInt64(), ifSet, otherwise);
    public static Vector512<long> LoadIndex(ref long source) => Vector512.LoadUnsafe(ref source);
    public static void StoreIndex(Vector512<long> value, ref long destination) => value.StoreUnsafe(ref destination);
    public static uint EqualLanes(Vector512<long> a, Vector512<long> b) => (uint)Vector512.Equals(a, b).ExtractMostSignificantBits();
}

/// <summary>Four lanes (AVX2).</summary>
internal readonly struct Lanes256 : ILaneOps<Vector256<double>, Vector256<long>>
{
    public static int Width => Vector256<double>.Count;
    public static Vector256<double> Load(ref double source) => Vector256.LoadUnsafe(ref source);
    public static void Store(Vector256<double> value, ref double destination) => value.StoreUnsafe(ref destination);
    public static Vector256<double> Broadcast(double value) => Vector256.Create(value);
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    public static Vector256<double> LessThan(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.MinNative(a, b); // x86 vminpd: a < b ? a : b
    public static Vector256<long> BroadcastIndex(long value) => Vector256.Create(value);
    public static Vector256<long> SelectIndex(Vector256<double> mask, Vector256<long> ifSet, Vector256<long> otherwise) =>
        Vector256.ConditionalSelect(mask.AsInt64(), ifSet, otherwise);
    public static Vector256<long> LoadIndex(ref long source) => Vector256.LoadUnsafe(ref source);
    public static void StoreIndex(Vector256<long> value, ref long destination) => value.StoreUnsafe(ref destination);
    public static uint EqualLanes(Vector256<long> a, Vector256<long> b) => (uint)Vector256.Equals(a, b).ExtractMostSignificantBits();
}

/// <summary>One lane: the portable fallback. A mask is 1 (set) or 0.</summary>
internal readonly struct ScalarLane : ILaneOps<double, long>
{
    public static int Width => 1;
    public static double Load(ref double source) => source;
    public static void Store(double value, ref double destination) => destination = value;
    public static double Broadcast(double value) => value;
    public static double Subtract(double a, double b) => a - b;
    public static double Multiply(double a, double b) => a * b;
    public static double Add(double a, double b) => a + b;
    public static double LessThan(double a, double b) => a < b ? 1 : 0;
    public static double Min(double a, double b) => a < b ? a : b;
    public static long BroadcastIndex(long value) => value;
    public static long SelectIndex(double mask, long ifSet, long otherwise) => mask != 0 ? ifSet : otherwise;
    public static long LoadIndex(ref long source) => source;
    public static void StoreIndex(long value, ref long destination) => destination = value;
    public static uint EqualLanes(long a, long b) => a == b ? 1u : 0u;
}

/// <summary>The vector width the parallel k-means backend computes with.</summary>
internal enum LaneWidth
{
    /// <summary>The widest the hardware accelerates: 512, else 256, else one lane.</summary>
    Auto = 0,

    /// <summary>One lane (no SIMD).</summary>
    Scalar = 1,

    /// <summary><see cref="Vector256{T}"/>, 4 doubles.</summary>
    Vector256 = 4,

    /// <summary><see cref="Vector512{T}"/>, 8 doubles.</summary>
    Vector512 = 8,
}

/// <summary>Resolves <see cref="LaneWidth.Auto"/> against the hardware.</summary>
internal static class LaneWidths
{
    /// <summary>The width <paramref name="requested"/> means on this machine.</summary>
    public static LaneWidth Resolve(LaneWidth requested) => requested != LaneWidth.Auto
        ? requested
        : Vector512.IsHardwareAccelerated ? LaneWidth.Vector512
        : Vector256.IsHardwareAccelerated ? LaneWidth.Vector256
        : LaneWidth.Scalar;

    /// <summary>Doubles per vector of the width.</summary>
    public static int Lanes(LaneWidth width) => width switch
    {
        LaneWidth.Vector512 => 8,
        LaneWidth.Vector256 => 4,
        LaneWidth.Scalar => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "Resolve the width first."),
    };

    /// <summary>A short description for reports.</summary>
    public static string Describe(LaneWidth width) => width switch
    {
        LaneWidth.Vector512 => "Vector512 (8 doubles)",
        LaneWidth.Vector256 => "Vector256 (4 doubles)",
        _ => "scalar",
    };
}
