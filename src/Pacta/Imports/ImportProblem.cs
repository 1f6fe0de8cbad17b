namespace Pacta.Imports;

/// <summary>A row an importer refused, and why, at the place in the file it starts: <c>file:line:col: reason</c>.</summary>
public sealed record ImportProblem(string File, long Line, int Column, string Reason)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Reason}";
}

/// <summary>A file an importer cannot read at all (no header it knows, a wrong delimiter): nothing is imported.</summary>
public sealed class ImportFileException(ImportProblem problem) : Exception(problem.ToString())
{
    public ImportProblem Problem { get; } = problem;
}
