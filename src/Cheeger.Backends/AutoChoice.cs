namespace Cheeger.Backends;

/// <summary>What an automatic selection chose, and each backend it passed over with the reason (<c>name: reason</c>).</summary>
/// <param name="Chosen">The backend chosen.</param>
/// <param name="Skipped">The backends tried before it, in order, each with why it could not run.</param>
public sealed record AutoChoice(string Chosen, IReadOnlyList<string> Skipped);
