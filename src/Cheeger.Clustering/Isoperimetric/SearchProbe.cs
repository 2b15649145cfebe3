namespace Cheeger.Clustering.Isoperimetric;

/// <summary>One decision of the ε search: the threshold probed and the packing count F(ε) found there.</summary>
/// <param name="Epsilon">The threshold.</param>
/// <param name="Count">F(ε), the size of the maximum packing.</param>
public readonly record struct SearchProbe(double Epsilon, int Count);
