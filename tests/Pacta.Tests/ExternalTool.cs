using System.Diagnostics;

namespace Pacta.Tests;

/// <summary>
/// A program a test runs to check our output from outside (GDAL's ogrinfo, node with geojsonhint). Where it is missing
/// the test is skipped, visibly, except in CI (CI=true), where a missing tool is a failure.
/// </summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string tool, string install, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }
        if (process is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"{tool} is not installed: CI must install it ({install}); these tests cannot be skipped there.");
            Assert.Skip($"{tool} is not installed: {install}");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish");
            }
            return new Result(process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>@mapbox/geojsonhint's messages about a file (tests/Pacta.Tests/node, installed by the build).</summary>
    public static string GeoJsonHint(string file)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node"));
        var result = Run("node", "apt-get install nodejs npm", Path.Combine(folder, "hint.mjs"), file);
        Assert.True(result.ExitCode is 0 or 1, result.Error);
        return result.Out.Trim();
    }
}
