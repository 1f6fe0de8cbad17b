using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Pacta.Imports;
using Pacta.Model;

namespace Pacta.Tests.Imports;

/// <summary>Reading PA-X CSV: columns by name, each value checked and every problem located at its field.</summary>
public sealed class PaxFileTests
{
    public static string Fixture { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures", "pax", "armenia-azerbaijan.csv");

    internal const string Header = "Con,PP,PPName,AgtId,Agt,Dat,Status,Agtp,Stage,Part,ThrdPart,OthAgr";

    /// <summary>A row in <see cref="Header"/>'s columns, with the values a test does not care about filled in.</summary>
    internal static string Row(int agtId, string title = "An agreement", string date = "01/02/2003", string status = "Multiparty signed/agreed",
        string type = "Inter", string stage = "Cea", string parties = "Government of Ruritania; Government of Graustark", string thirdParties = "",
        string others = "", string con = "Ruritania/Graustark", string processName = "Ruritania-Graustark process", string pp = "7") =>
        string.Join(',', new[] { con, pp, processName, agtId.ToString(CultureInfo.InvariantCulture), title, date, status, type, stage, parties, thirdParties, others }.Select(Quote));

    internal static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    internal static PaxReading Read(string text, string? process = null, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var stream = new MemoryStream(byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return PaxFile.Read(stream, "pax.csv", process);
    }

    [Fact]
    public void TheFixture_WithItsByteOrderMarkExtraColumnsAndPartiesOverSeveralLines_ReadsWhole()
    {
        using var stream = File.OpenRead(Fixture);
        var reading = PaxFile.Read(stream, "fixture.csv");

        Assert.Empty(reading.Rejected);
        Assert.Equal("Con", reading.Header[0]); // the byte-order mark is not part of the first name
        Assert.Contains("GeWom", reading.Header); // a column Pacta does not read
        Assert.Equal([310, 990, 2324, 2455, 2396, 2468, 2454, 2601, 2804, 99901, 99902], reading.Rows.Select(r => r.AgtId));
        var statement = reading.Rows.Single(r => r.AgtId == 2324);
        Assert.Equal(PartialDate.Day(2020, 11, 9), statement.Date);
        Assert.Equal(PaxStage.Ceasefire, statement.Stage);
        Assert.Equal(PaxAgreementType.InterIntra, statement.Type);
        Assert.Equal(new PeaceProcess("Armenia-Azerbaijan-Nagorno-Karabakh process", 901), statement.Process);
        Assert.Equal(3, statement.Parties.Split('\n').Length);
        // The rows after the one whose Part spans three lines start where the file says they do.
        Assert.Equal(statement.Line + 3, reading.Rows.Single(r => r.AgtId == 2455).Line);
        Assert.Equal(PaxStatus.Unclear, reading.Rows.Single(r => r.AgtId == 99902).Status);
    }

    [Fact]
    public void OptionalColumnsMayBeMissing_AndTheColumnsMayComeInAnyOrder()
    {
        var reading = Read("Stage,Agtp,Status,Dat,Agt,AgtId,PPName,PP,Con\nImp,Intra,Unilateral document,7/3/2001,A declaration,12,Some process,,Somewhere\n");

        var row = Assert.Single(reading.Rows);
        Assert.Equal((12, PaxStage.Implementation, PaxAgreementType.Intra, PaxStatus.Unilateral), (row.AgtId, row.Stage, row.Type, row.Status));
        Assert.Equal(PartialDate.Day(2001, 3, 7), row.Date);
        Assert.Equal(new PeaceProcess("Some process", null), row.Process);
        Assert.Equal(("", "", ""), (row.Parties, row.ThirdParties, row.OtherAgreements));
    }

    [Fact]
    public void AMissingRequiredColumn_IsNamed()
    {
        var e = Assert.Throws<ImportFileException>(() => Read("Con,PP,PPName,AgtId,Agt,Dat,Status,Agtp,Part\nx,1,p,1,t,01/01/2000,Status unclear,Inter,\n"));
        Assert.Equal((1L, 1), (e.Problem.Line, e.Problem.Column));
        Assert.Contains("required column Stage", e.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileSeparatedBySemicolons_IsRefusedAsSuch()
    {
        var e = Assert.Throws<ImportFileException>(() => Read(Header.Replace(',', ';') + "\n"));
        Assert.Contains("separated by ';'", e.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFile_IsRefused()
    {
        var e = Assert.Throws<ImportFileException>(() => Read("", byteOrderMark: true));
        Assert.Contains("empty", e.Problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31/02/2020", "February 2020 has no day 31")]
    [InlineData("29/02/2019", "February 2019 has no day 29")]
    [InlineData("12/13/2020", "no month 13")]
    [InlineData("2020-02-30", "not a date")]
    [InlineData("", "empty")]
    [InlineData("last spring", "not a date")]
    public void AnImpossibleDate_IsRejectedAtItsColumn(string date, string expected)
    {
        var reading = Read($"{Header}\n{Row(1)}\n{Row(2, date: date)}\n");

        Assert.Equal([1], reading.Rows.Select(r => r.AgtId));
        var problem = Assert.Single(reading.Rejected).Problem;
        // Dat is the sixth column; the fields before it on line 3 are "Ruritania/Graustark,7,Ruritania-Graustark process,2,An agreement,".
        Assert.Equal(("pax.csv", 3L, "Ruritania/Graustark,7,Ruritania-Graustark process,2,An agreement,".Length + 1), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith("Dat: ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stage", "Peace", "the stages are Pre, SubPar, SubComp, Cea, Imp, Ren, Oth")]
    [InlineData("Status", "Signed", "the statuses are Multiparty signed/agreed, Unilateral document, Status unclear, Agreement with subsequent status")]
    [InlineData("Agtp", "Interstate", "the types are Inter, InterIntra, Intra, IntraLocal")]
    [InlineData("AgtId", "12a", "not an agreement number")]
    [InlineData("AgtId", "0", "not an agreement number")]
    [InlineData("PP", "-3", "not a peace process number")]
    [InlineData("Agt", "", "name is empty")]
    public void AnUnknownValue_NamesItsColumnAndTheAllowedValues(string column, string value, string expected)
    {
        var columns = Header.Split(',');
        var fields = CsvFields(Row(5));
        fields[Array.IndexOf(columns, column)] = value;
        var line = string.Join(',', fields.Select(Quote));

        var problem = Assert.Single(Read($"{Header}\n{line}\n").Rejected).Problem;

        var column1 = line.Split(',').Take(Array.IndexOf(columns, column)).Sum(f => f.Length + 1) + 1;
        Assert.Equal((2L, column1), (problem.Line, problem.Column));
        Assert.StartsWith(column + ": ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValuesAreTakenWhateverTheirCase()
    {
        var row = Assert.Single(Read($"{Header}\n{Row(5, status: "multiparty SIGNED/agreed", type: "interintra", stage: "subcomp")}\n").Rows);
        Assert.Equal((PaxStatus.MultipartySigned, PaxAgreementType.InterIntra, PaxStage.SubstantiveComprehensive), (row.Status, row.Type, row.Stage));
    }

    [Fact]
    public void AFileCutShortInsideAQuotedField_IsReportedWhereTheFieldOpens()
    {
        var text = $"{Header}\n{Row(1)}\n{Row(2, parties: "Government of Ruritania;\nGovernment of Graustark")}\n";
        var cut = text[..(text.LastIndexOf("Government of Graustark", StringComparison.Ordinal) + 10)];

        var reading = Read(cut);

        Assert.Equal([1], reading.Rows.Select(r => r.AgtId));
        var rejected = Assert.Single(reading.Rejected);
        Assert.Empty(rejected.Fields);
        Assert.Contains("the file ends inside a quoted field opened at line 3", rejected.Problem.Reason, StringComparison.Ordinal);
        Assert.Equal(3L, rejected.Problem.Line);
    }

    [Fact]
    public void ARowCutShort_HasTooFewFields()
    {
        var reading = Read($"{Header}\n{Row(1)}\n1,2,3,4\n");

        var rejected = Assert.Single(reading.Rejected);
        Assert.Equal(["1", "2", "3", "4"], rejected.Fields);
        Assert.Equal((3L, 1), (rejected.Problem.Line, rejected.Problem.Column));
        Assert.Contains("the row has 4 fields but the header has 12", rejected.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedAgtId_IsRejected_NamingTheFirstRow()
    {
        var reading = Read($"{Header}\n{Row(4, title: "First")}\n{Row(5)}\n{Row(4, title: "Second")}\n");

        Assert.Equal(["First", "An agreement"], reading.Rows.Select(r => r.Title));
        var problem = Assert.Single(reading.Rejected).Problem;
        Assert.Equal(4L, problem.Line);
        Assert.Contains("agreement 4 is already in this file, at line 2", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void APartyNameLongerThanAnActorsName_IsRejectedAtItsColumn()
    {
        var problem = Assert.Single(Read($"{Header}\n{Row(5, thirdParties: new string('x', 400))}\n").Rejected).Problem;
        Assert.StartsWith("ThrdPart: the name 'xxx", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("armenia-azerbaijan-nagorno", 9)] // in PPName and in Con
    [InlineData("KARABAKH PROCESS", 9)] // only in PPName
    [InlineData("/(nagorno", 9)] // only in Con
    [InlineData("freedonia-sylvania", 2)] // only in PPName ("Freedonia/Sylvania" in Con)
    [InlineData("freedonia/", 2)] // only in Con
    [InlineData("atlantis", 0)]
    public void TheProcessFilter_KeepsRowsWhosePPNameOrConContainsTheText(string process, int kept)
    {
        using var stream = File.OpenRead(Fixture);
        var reading = PaxFile.Read(stream, "fixture.csv", process);

        Assert.Equal(kept, reading.Rows.Count);
        Assert.Equal(11 - kept, reading.LeftOut);
        Assert.Equal(["Armenia-Azerbaijan-Nagorno-Karabakh process", "Freedonia-Sylvania process (synthetic test data)"], reading.ProcessNames);
    }

    [Fact]
    public void RowsOutsideTheProcess_AreNotChecked()
    {
        var reading = Read($"{Header}\n{Row(1)}\n{Row(2, date: "99/99/9999", processName: "Another process", con: "Elsewhere")}\n", process: "ruritania");
        Assert.Single(reading.Rows);
        Assert.Empty(reading.Rejected);
        Assert.Equal(1, reading.LeftOut);
    }

    [Property]
    public bool EveryRealDay_ReadsBackInBothLayouts(ushort offset)
    {
        var day = new DateOnly(1900, 1, 1).AddDays(offset % 80_000);
        return PaxFile.ParseDate(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)) == PartialDate.Day(day)
            && PaxFile.ParseDate(day.ToString("d/M/yyyy", CultureInfo.InvariantCulture)) == PartialDate.Day(day)
            && PaxFile.ParseDate(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) == PartialDate.Day(day);
    }

    [Property]
    public bool ADayPastTheEndOfItsMonth_IsNoDate(byte month, ushort year)
    {
        var m = month % 12 + 1;
        var y = year % 3000 + 1;
        var past = DateTime.DaysInMonth(y, m) + 1;
        return PaxFile.ParseDate($"{past}/{m}/{y:0000}") is null;
    }

    private static string[] CsvFields(string line)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(line + "\n"));
        return [.. CsvRecords.Open(stream).Next()!.Fields];
    }
}
