namespace Pacta.Datasets;

public enum Severity { Error, Warning }

/// <summary>Something wrong (or doubtful) in an input, located as <c>file:line:column</c> (both 1-based).</summary>
public sealed record Problem(string File, int Line, int Column, string Message, Severity Severity = Severity.Error)
{
    public override string ToString() =>
        Severity == Severity.Warning ? $"{File}:{Line}:{Column}: warning: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>Input that cannot be used as it is; carries every problem found, not only the first.</summary>
public sealed class InvalidInputException(IReadOnlyList<Problem> problems)
    : Exception(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems, the first: {problems[0]}")
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
