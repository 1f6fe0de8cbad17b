using System.Text;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;
using static Pacta.Tests.Imports.PaxFileTests;

namespace Pacta.Tests.Imports;

/// <summary>
/// Strings that break careless programs, in every text column PA-X has: each row is either imported, and then
/// imported again without change, or refused with a reason at its field. Nothing crashes.
/// </summary>
public sealed class PaxNaughtyInputTests
{
    // Written for this test in the manner of the Big List of Naughty Strings: scripts, directions, invisible and
    // control characters, markup, formulas, numbers that are not numbers, and lengths around the limits.
    public static readonly TheoryData<string> Strings = new(
        "undefined", "null", "NaN", "-1", "0x0", "1E+02", "٠١٢", "𝟏𝟐𝟑",
        "\u0000", "\u0001\u0002\u0007", "\t", "\u00A0", "\u200B\u200C\u200D\uFEFF", "\u2028\u2029",
        "\u202Eevil\u202C", "مرحبا بالعالم", "שלום", "Ստեփանակերտ", "Xankəndi", "Ханкенди", "田中さんにあげて下さい",
        "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "👩‍👩‍👧‍👦🇦🇲🇦🇿", "ǅ ǈ ǋ", "ﬁ ﬂ", "Ω≈ç√∫",
        "<script>alert(1)</script>", "'; DROP TABLE record; --", "=HYPERLINK(\"http://x\")", "@SUM(1+1)",
        "\"quoted\", with, commas", "semi;colons;everywhere;;;", "line\nbreaks\r\nand\rreturns",
        "(01/02/2003)", "Government of", "the", "of of of", ", , ,", "A, President of", "Signed by:",
        "../../etc/passwd", "%s%n%x", "{0}", "$HOME", "\\\\server\\share",
        new string('x', 299), new string('y', 301), string.Concat(Enumerable.Repeat("a;", 3000)), string.Concat(Enumerable.Repeat("é", 1200)));

    [Theory]
    [MemberData(nameof(Strings))]
    public void EveryTextColumn_TakesTheString_OrRefusesTheRowAtAField(string naughty)
    {
        var columns = "Con,PP,PPName,AgtId,Ver,Agt,Dat,Status,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr";
        var text = new StringBuilder(columns + "\n");
        var agtId = 1;
        foreach (var column in new[] { "Con", "PPName", "Ver", "Agt", "StageSub", "Part", "ThrdPart", "OthAgr" })
        {
            var values = new Dictionary<string, string>
            {
                ["Con"] = "Ruritania", ["PP"] = "3", ["PPName"] = "Ruritania process", ["AgtId"] = agtId++.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Ver"] = "1", ["Agt"] = "An accord", ["Dat"] = "01/02/2003", ["Status"] = "Multiparty signed/agreed", ["Agtp"] = "Intra",
                ["Stage"] = "Cea", ["StageSub"] = "", ["Part"] = "Government of Ruritania", ["ThrdPart"] = "", ["OthAgr"] = "An accord",
            };
            values[column] = naughty;
            text.Append(string.Join(',', columns.Split(',').Select(c => Quote(values[c])))).Append('\n');
        }

        var reading = Read(text.ToString());
        Assert.Equal(8, reading.Rows.Count + reading.Rejected.Count);
        Assert.All(reading.Rejected, r => Assert.Matches("^(Agt|Part|ThrdPart|PPName): ", r.Problem.Reason));
        Assert.All(reading.Rejected, r => Assert.DoesNotContain('\n', r.Problem.ToString()));

        using var temp = new TempStore();
        using var store = temp.Open();
        var context = new ChangeContext("test", "pacta import pax");
        PaxPlan Plan() => PaxImport.Plan(reading.Rows, new PaxStoreView(store.All<Actor>(), store.All<Document>(), store.KindOf));
        var first = store.Write(Plan().Records, context);
        Assert.Equal(reading.Rows.Count, store.All<Document>().Count);
        Assert.True(first.Created > reading.Rows.Count); // the documents, the source, at least one actor

        var again = store.Write(Plan().Records, context);
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }
}
