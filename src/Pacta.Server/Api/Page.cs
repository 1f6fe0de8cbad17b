namespace Pacta.Server.Api;

/// <summary>One page of a long list, and the cursor to pass for the next (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
