namespace Pacta.Cli.Imports;

/// <summary>The files an import reads, checked before anything is opened: each must be a file that exists.</summary>
internal static class InputFiles
{
    /// <summary>Throws, naming every path given that is missing or a folder (exit code 3); null paths are options not given.</summary>
    public static void Require(params string?[] paths)
    {
        var problems = paths.OfType<string>().Select(Problem).OfType<string>().ToList();
        if (problems.Count > 0) throw new InvalidArgumentsException(problems);
    }

    private static string? Problem(string path) =>
        File.Exists(path) ? null : Directory.Exists(path) ? $"{path}: a folder, not a file" : $"{path}: no such file";
}
