using Pacta.Tests.Cli;
using PactaCli = Pacta.Tests.Cli.Pacta;

namespace Pacta.Tests.Imports;

/// <summary>An import given a path that is not what it reads (a file, or a dataset's folder) says which and why, exits 3 and leaves the store as it was.</summary>
public sealed class InputFileTests
{
    public static TheoryData<string[]> Imports => new()
    {
        { ["import", "acled"] },
        { ["import", "ucdp"] },
        { ["import", "plover"] },
        { ["import", "pax"] },
        { ["import", "geojson", "--layer", "country"] },
    };

    [Theory, MemberData(nameof(Imports))]
    public void A_missing_file_and_a_folder_are_refused_by_name(string[] command)
    {
        using var folder = new TempFolder();
        var db = folder["pacta.db"];
        Assert.Equal(0, PactaCli.Run("init", "--db", db).ExitCode);
        var hash = PactaCli.Hash(db);
        var missing = folder["missing.csv"];
        Directory.CreateDirectory(folder["a-folder"]);

        // geojson's message is file:line:col, the others' is pacta: file: reason.
        Refused(PactaCli.Run([.. command.Take(2), missing, .. command.Skip(2), "--db", db]), "missing.csv", "no such file");
        Refused(PactaCli.Run([.. command.Take(2), folder["a-folder"], .. command.Skip(2), "--db", db]), "a-folder", "a folder, not a file");

        Assert.Equal(hash, PactaCli.Hash(db));
    }

    [Fact]
    public void Acled_deletions_from_a_missing_file_are_refused_before_any_row_is_read()
    {
        using var folder = new TempFolder();
        var db = folder["pacta.db"];
        Assert.Equal(0, PactaCli.Run("init", "--db", db).ExitCode);
        var hash = PactaCli.Hash(db);
        var rows = folder["acled.csv"];
        Assert.Equal(0, PactaCli.Run("generate", "events", "--rows", "3", "--format", "acled", "--out", rows).ExitCode);

        Refused(PactaCli.Run("import", "acled", rows, "--deleted", folder["deleted.csv"], "--db", db), "deleted.csv: no such file");
        Assert.Equal(hash, PactaCli.Hash(db));
    }

    [Fact]
    public void A_dataset_folder_that_is_a_file_or_missing_is_refused_by_name()
    {
        using var folder = new TempFolder();
        var db = folder["pacta.db"];
        Assert.Equal(0, PactaCli.Run("init", "--db", db).ExitCode);
        var hash = PactaCli.Hash(db);
        File.WriteAllText(folder["records.json"], "{}");

        foreach (var (command, options) in new[] { (new[] { "import", "pacta" }, new[] { "--db", db }), (["validate"], []) })
        {
            Refused(PactaCli.Run([.. command, folder["records.json"], .. options]), "records.json:1:1: a file, not a folder");
            Refused(PactaCli.Run([.. command, folder["nothing"], .. options]), "nothing:1:1: no such folder");
        }
        Assert.Equal(hash, PactaCli.Hash(db));
    }

    /// <summary>The command exited 3 (invalid input) and its error says each of these.</summary>
    private static void Refused(PactaCli.Result result, params string[] said)
    {
        Assert.Equal(3, result.ExitCode);
        foreach (var text in said) Assert.Contains(text, result.Error, StringComparison.Ordinal);
    }
}
