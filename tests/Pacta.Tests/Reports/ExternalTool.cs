using System.Diagnostics;

namespace Pacta.Tests.Reports;

/// <summary>
/// A program the tests run for real (LibreOffice, pdftotext). Where it is missing the test is skipped with the
/// package to install, except in CI (CI=true), where a missing tool is a failure.
/// </summary>
internal static class ExternalTool
{
    public static string Require(string program, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        if (found is not null) return found;
        var reason = $"{program} is not installed: apt-get install {package}";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason + " (CI must install it; this test cannot be skipped there).");
        Assert.Skip(reason);
        return "";
    }

    /// <summary>Runs a program to its end; a generous guard against a hang, not a speed target.</summary>
    public static (int ExitCode, string Out, string Error) Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
