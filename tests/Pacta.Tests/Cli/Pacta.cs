using System.Diagnostics;
using System.Security.Cryptography;

namespace Pacta.Tests.Cli;

/// <summary>Runs the real <c>pacta</c> program (built beside the tests) in its own process, as a user would.</summary>
internal static class Pacta
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static string BundledCase { get; } = Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus");

    public static Result Run(params string[] args) => RunIn(Directory.GetCurrentDirectory(), args);

    public static Result RunIn(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>Runs pacta with <paramref name="input"/> on its standard input (then closed), as a pipe would give it.</summary>
    public static Result RunWithInput(string input, params string[] args) => Start(Directory.GetCurrentDirectory(), input, args);

    private static Result Start(string workingDirectory, string? input, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pacta.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PACTA_DB"] = null;
        start.Environment["PACTA_USER"] = "test";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pacta {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

/// <summary>A temporary folder for one test's stores and exports.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("pacta-cli-").FullName;

    public string Path { get; }

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
