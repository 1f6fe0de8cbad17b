using Pacta.Model;
using Pacta.Places;

namespace Pacta.Tests.Places;

public sealed class NamingPolicyTests
{
    private static readonly Place City = new(new RecordId("khankendi-stepanakert"), PlaceKind.Settlement,
        [
            new PlaceName("Xankəndi", "az", [new RecordId("azerbaijan")]),
            new PlaceName("Khankendi", "en", [new RecordId("azerbaijan")]),
            new PlaceName("Ստեփանակերտ", "hy", [new RecordId("armenia")]),
            new PlaceName("Stepanakert", "en", [new RecordId("armenia")]),
        ],
        null, null, null, [], null, [new RecordId("a-source")]);

    [Fact]
    public void AllNames_IsTheDefaultAndFavoursNoOne()
    {
        var policy = NamingPolicy.Parse(null)!;

        Assert.Same(NamingPolicy.All, policy);
        Assert.Equal("Xankəndi / Khankendi / Ստեփանակերտ / Stepanakert", policy.Heading(City));
        Assert.Equal(City.Names, policy.Ordered(City));
    }

    [Fact]
    public void PartyPolicy_HeadsWithThatPartysNamesAndKeepsTheOthers()
    {
        var policy = NamingPolicy.Parse("party:armenia")!;

        Assert.Equal("Ստեփանակերտ / Stepanakert", policy.Heading(City));
        Assert.Equal(["Ստեփանակերտ", "Stepanakert", "Xankəndi", "Khankendi"], policy.Ordered(City).Select(n => n.Text));
    }

    [Fact]
    public void LanguagePolicy_HeadsWithTheNamesInThatLanguage()
    {
        Assert.Equal("Khankendi / Stepanakert", NamingPolicy.Parse("lang:en")!.Heading(City));
        Assert.Equal(City.AllNames, NamingPolicy.Parse("lang:fr")!.Heading(City));
    }

    [Fact]
    public void Label_IsOneNamePerPartyUnderAllNamesAndThePreferredNameOtherwise()
    {
        Assert.Equal("Xankəndi / Ստեփանակերտ", NamingPolicy.All.Label(City));
        Assert.Equal("Ստեփանակերտ", NamingPolicy.Parse("party:armenia")!.Label(City));
    }

    [Theory]
    [InlineData("party:")]
    [InlineData("party:Not An Id")]
    [InlineData("lang:")]
    [InlineData("everyone")]
    public void Parse_RefusesWhatItCannotRead(string text) => Assert.Null(NamingPolicy.Parse(text));

    [Theory]
    [InlineData("all")]
    [InlineData("party:azerbaijan")]
    [InlineData("lang:hy")]
    public void Parse_ReadsWhatToStringWrites(string text) => Assert.Equal(text, NamingPolicy.Parse(text)!.ToString());
}
