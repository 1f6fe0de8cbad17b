using System.Text;
using Pacta.Tests.Generation;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta generate events</c>, run as a user would.</summary>
public sealed class GenerateCommandTests
{
    [Fact]
    public void ToAFile_SameSeedGivesTheSameBytes_AndTheRowsParse()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Pacta.Run("generate", "events", "--rows", "2000", "--seed", "4", "--format", "acled", "--out", folder["a.csv"]).ExitCode);
        Assert.Equal(0, Pacta.Run("generate", "events", "--rows", "2000", "--seed", "4", "--format", "acled", "--out", folder["b.csv"]).ExitCode);
        Assert.Equal(0, Pacta.Run("generate", "events", "--rows", "2000", "--seed", "5", "--format", "acled", "--out", folder["c.csv"]).ExitCode);

        Assert.Equal(Pacta.Hash(folder["a.csv"]), Pacta.Hash(folder["b.csv"]));
        Assert.NotEqual(Pacta.Hash(folder["a.csv"]), Pacta.Hash(folder["c.csv"]));
        var bytes = File.ReadAllBytes(folder["a.csv"]);
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        var records = CsvReader.Parse(new UTF8Encoding(false, true).GetString(bytes));
        Assert.Equal(2001, records.Count);
        Assert.All(records, r => Assert.Equal(31, r.Count));
        Assert.Equal(["a.csv", "b.csv", "c.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ToStandardOutput_UcdpWithoutHeader()
    {
        var withHeader = Pacta.Run("generate", "events", "--rows", "50", "--seed", "8", "--format", "ucdp");
        var without = Pacta.Run("generate", "events", "--rows", "50", "--seed", "8", "--format", "ucdp", "--no-header");
        Assert.Equal(0, withHeader.ExitCode);
        Assert.Equal(0, without.ExitCode);

        var records = CsvReader.Parse(withHeader.Out);
        Assert.Equal(51, records.Count);
        Assert.Equal("id", records[0][0]);
        Assert.All(records, r => Assert.Equal(49, r.Count));
        Assert.Equal(records.Skip(1), CsvReader.Parse(without.Out));
    }

    [Theory]
    [InlineData("--rows", "0", "--format", "acled")]
    [InlineData("--rows", "-5", "--format", "acled")]
    [InlineData("--rows", "many", "--format", "acled")]
    [InlineData("--format", "acled")]
    [InlineData("--rows", "10", "--format", "gdelt")]
    [InlineData("--rows", "10", "--format", "acled", "--seed", "x")]
    public void BadArguments_AreUsageErrors_AndWriteNothing(params string[] arguments)
    {
        using var folder = new TempFolder();
        var result = Pacta.Run(["generate", "events", .. arguments, "--out", folder["events.csv"]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pacta: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void AnUnwritableOut_IsAUsageError_AndLeavesTheOldFile()
    {
        using var folder = new TempFolder();
        var missing = Pacta.Run("generate", "events", "--rows", "10", "--format", "acled", "--out", Path.Combine(folder["no-such-folder"], "e.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--out", missing.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));

        var directory = Pacta.Run("generate", "events", "--rows", "10", "--format", "acled", "--out", folder.Path);
        Assert.Equal(2, directory.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
