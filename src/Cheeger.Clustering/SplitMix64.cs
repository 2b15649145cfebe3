namespace Cheeger.Clustering;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, portable generator. The native core implements the same
/// sequence, so a seed picks the same initial rows on every backend and in every language.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>), by Lemire's multiply-shift (bias below 2^-64·bound).</summary>
    public ulong NextBelow(ulong bound) => (ulong)(((UInt128)Next() * bound) >> 64);

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
