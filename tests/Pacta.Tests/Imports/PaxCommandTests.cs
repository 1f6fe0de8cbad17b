using System.Text;
using System.Text.Json;
using Pacta.Imports;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.PaxFileTests;
using PactaCli = Pacta.Tests.Cli.Pacta;

namespace Pacta.Tests.Imports;

/// <summary><c>pacta import pax</c>, run as a user would.</summary>
public sealed class PaxCommandTests
{
    private static string EmptyStore(TempFolder folder)
    {
        var db = folder["pacta.db"];
        Assert.Equal(0, PactaCli.Run("init", "--db", db).ExitCode);
        return db;
    }

    private static int Count(string db, string kind) =>
        JsonDocument.Parse(PactaCli.Run("list", kind, "--db", db, "--json").Out).RootElement.GetArrayLength();

    private static string Write(TempFolder folder, string name, string text)
    {
        File.WriteAllText(folder[name], text, new UTF8Encoding(true));
        return folder[name];
    }

    [Fact]
    public void TheFixture_OneProcess_ThenAgain_ChangesNothingTheSecondTime()
    {
        using var folder = new TempFolder();
        var db = EmptyStore(folder);

        var first = PactaCli.Run("import", "pax", Fixture, "--db", db, "--process", "Armenia");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("9 agreements of the process 'Armenia' (2 other rows left out)", first.Out, StringComparison.Ordinal);
        Assert.Contains("0 rows rejected", first.Out, StringComparison.Ordinal);
        Assert.Contains("OthAgr names 'a working-group record not published'", first.Error, StringComparison.Ordinal);
        Assert.Equal(9, Count(db, "documents"));
        var hash = PactaCli.Hash(db);

        var second = PactaCli.Run("import", "pax", Fixture, "--db", db, "--process", "Armenia");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Records: 0 created, 0 updated, 9 unchanged", second.Out, StringComparison.Ordinal);
        Assert.Equal(hash, PactaCli.Hash(db));

        Assert.Contains("Peace process: Armenia-Azerbaijan-Nagorno-Karabakh process (PA-X process 901)", PactaCli.Run("show", "pax-agreement-2455", "--db", db).Out, StringComparison.Ordinal);
        var shown = JsonDocument.Parse(PactaCli.Run("show", "pax-agreement-2455", "--db", db, "--json").Out).RootElement;
        Assert.Equal("Armenia-Azerbaijan-Nagorno-Karabakh process", shown.GetProperty("process").GetProperty("name").GetString());
        Assert.Equal("implements", shown.GetProperty("links")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void OnErrorStop_TheFirstBadRowEndsTheImport_AndNothingIsWritten()
    {
        using var folder = new TempFolder();
        var db = EmptyStore(folder);
        var hash = PactaCli.Hash(db);
        var file = Write(folder, "pax.csv", $"{Header}\n{Row(1)}\n{Row(2, stage: "Peace")}\n{Row(3, date: "30/02/2001")}\n");

        var result = PactaCli.Run("import", "pax", file, "--db", db);

        Assert.Equal(3, result.ExitCode);
        var column = "Ruritania/Graustark,7,Ruritania-Graustark process,2,An agreement,01/02/2003,Multiparty signed/agreed,Inter,".Length + 1;
        Assert.Contains($"{file}:3:{column}: Stage: 'Peace' is not a PA-X stage; the stages are Pre, SubPar, SubComp, Cea, Imp, Ren, Oth", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("30/02/2001", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", result.Error, StringComparison.Ordinal);
        Assert.Equal(hash, PactaCli.Hash(db));
    }

    [Fact]
    public void OnErrorSkip_GoodRowsLand_AndBadRowsGoToTheRejectsFile()
    {
        using var folder = new TempFolder();
        var db = EmptyStore(folder);
        var file = Write(folder, "pax.csv",
            $"{Header}\n{Row(1)}\n{Row(2, date: "31/04/2001", parties: "Government of Ruritania;\nGovernment of Graustark")}\n{Row(3)}\n{Row(1, title: "Again")}\n");

        var result = PactaCli.Run("import", "pax", file, "--db", db, "--on-error", "skip", "--rejects", folder["rejects.csv"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2 rows rejected (in ", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, Count(db, "documents"));
        using var stream = File.OpenRead(folder["rejects.csv"]);
        var records = CsvRecords.Open(stream);
        Assert.Equal([.. Header.Split(','), RejectsFile.ErrorColumn], records.Next()!.Fields);
        var date = records.Next()!;
        Assert.Equal("Government of Ruritania;\nGovernment of Graustark", date.Fields[9]);
        Assert.StartsWith($"{file}:3:", date.Fields[^1], StringComparison.Ordinal);
        Assert.Contains("Dat: '31/04/2001' is no date: April 2001 has no day 31", date.Fields[^1], StringComparison.Ordinal);
        var repeated = records.Next()!;
        Assert.Equal("Again", repeated.Fields[4]);
        Assert.Contains($"{file}:6:", repeated.Fields[^1], StringComparison.Ordinal);
        Assert.Null(records.Next());
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial")); // the rejects file was written whole, then moved into place

        // The rejects file is a PA-X file itself: the extra column is ignored, and the rows fail as before.
        var again = PactaCli.Run("import", "pax", folder["rejects.csv"], "--db", db);
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("Dat: '31/04/2001' is no date", again.Error, StringComparison.Ordinal);

        // Refused again, its rows keep one pacta_error column, holding the new reason.
        var skipped = PactaCli.Run("import", "pax", folder["rejects.csv"], "--db", db, "--on-error", "skip", "--rejects", folder["rejects-2.csv"]);
        Assert.True(skipped.ExitCode == 0, skipped.Error);
        using var second = File.OpenRead(folder["rejects-2.csv"]);
        var reread = CsvRecords.Open(second);
        Assert.Equal([.. Header.Split(','), RejectsFile.ErrorColumn], reread.Next()!.Fields);
        var row = reread.Next()!;
        Assert.Equal(Header.Split(',').Length + 1, row.Fields.Count);
        Assert.StartsWith($"{folder["rejects.csv"]}:2:", row.Fields[^1], StringComparison.Ordinal);
        Assert.Null(reread.Next());
    }

    [Theory]
    [InlineData("Con,PP,PPName,AgtId,Agt,Dat,Status,Agtp\nx,1,p,1,t,01/01/2000,Status unclear,Inter\n", ":1:1: the header lacks the required column Stage")]
    [InlineData("Con;PP;PPName;AgtId;Agt;Dat;Status;Agtp;Stage\n", "the file seems to be separated by ';'")]
    [InlineData("", ":1:1: the file is empty")]
    public void AFileWithoutAUsableHeader_IsInvalidInput(string text, string expected)
    {
        using var folder = new TempFolder();
        var db = EmptyStore(folder);
        var file = Write(folder, "pax.csv", text);

        var result = PactaCli.Run("import", "pax", file, "--db", db, "--on-error", "skip");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "documents"));
    }

    [Fact]
    public void AProcessNoRowHas_IsInvalidInput_AndNamesTheFilesProcesses()
    {
        using var folder = new TempFolder();
        var db = EmptyStore(folder);

        var result = PactaCli.Run("import", "pax", Fixture, "--db", db, "--process", "Atlantis");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--process 'Atlantis': no row", result.Error, StringComparison.Ordinal);
        Assert.Contains("Freedonia-Sylvania process (synthetic test data)", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Count(db, "sources"));
    }

    [Theory]
    [InlineData("--on-error", "maybe")]
    [InlineData("--rejects", "r.csv")]
    [InlineData("--process", " ")]
    public void BadOptions_AreUsageErrors(params string[] options)
    {
        using var folder = new TempFolder();
        var db = EmptyStore(folder);

        var result = PactaCli.RunIn(folder.Path, ["import", "pax", Fixture, "--db", db, .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0, Count(db, "documents"));
        Assert.False(File.Exists(folder["r.csv"]));
    }

    [Fact]
    public void IntoTheBundledCase_TheAgreementsItHasAreCompleted_NotDuplicated()
    {
        using var folder = new TempFolder();
        var db = folder["pacta.db"];
        Assert.Equal(0, PactaCli.Run("init", "--db", db, "--sample").ExitCode);
        var documents = Count(db, "documents");
        var actors = Count(db, "actors");

        var result = PactaCli.Run("import", "pax", Fixture, "--db", db, "--process", "karabakh");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(documents, Count(db, "documents"));
        Assert.Equal(actors, Count(db, "actors"));
        var statement = JsonDocument.Parse(PactaCli.Run("show", "trilateral-statement-2020-11-10", "--db", db, "--json").Out).RootElement;
        Assert.Contains("pa-x", statement.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }
}
