using Pacta.Imports;
using Pacta.Model;

namespace Pacta.Tests.Imports;

/// <summary>Taking PA-X's free-text party lists apart, and the forms in which names are compared.</summary>
public sealed class PaxPartiesTests
{
    [Fact]
    public void SignatoriesWithTheirOffices_GiveThePersonAndWhatTheyActFor()
    {
        var parties = PaxParties.Split("Ilham Aliyev, President of the Republic of Azerbaijan;\nDavit Tonoyan, Minister of Defence of the Republic of Armenia\r\n");

        Assert.Equal(2, parties.Count);
        Assert.Equal(("Ilham Aliyev", "the Republic of Azerbaijan"), (parties[0].Person, parties[0].Entity));
        // The office's own " of " comes first; the text starting with "the" is the likelier body.
        Assert.Equal(("Davit Tonoyan", "the Republic of Armenia"), (parties[1].Person, parties[1].Entity));
        Assert.Contains("Defence of the Republic of Armenia", parties[1].EntityAlternatives);
    }

    [Fact]
    public void BodiesAreNotTakenForPersons()
    {
        var parties = PaxParties.Split("Government of Armenia, represented by its Prime Minister; OSCE Minsk Group; Armed Forces of Azerbaijan");

        Assert.Equal(["Government of Armenia", "OSCE Minsk Group", "Armed Forces of Azerbaijan"], parties.Select(p => p.Entity));
        Assert.All(parties, p => Assert.Null(p.Person));
    }

    [Fact]
    public void RolesAreReadFromBracketsAndFromLabels()
    {
        var parties = PaxParties.Split("Russian Federation (mediator); European Union (facilitator); Türkiye (as guarantor)\nWitnessed by: Kyrgyz Republic; Georgia\nSigned by: Republic of Armenia");

        Assert.Equal(
            [("Russian Federation", SignatoryRole.Mediator), ("European Union", SignatoryRole.Mediator), ("Türkiye", SignatoryRole.Guarantor),
             ("Kyrgyz Republic", SignatoryRole.Witness), ("Georgia", SignatoryRole.Witness), ("Republic of Armenia", (SignatoryRole?)null)],
            parties.Select(p => (p.Entity, p.Role)));
    }

    [Fact]
    public void ANameRepeated_IsListedOnce()
    {
        Assert.Single(PaxParties.Split("Government of Armenia;\n government of armenia ;;"));
    }

    [Theory]
    [InlineData("Government of the Republic of Armenia", "armenia")]
    [InlineData("the Republic of Armenia", "armenia")]
    [InlineData("REPUBLIC OF TÜRKIYE", "turkiye")]
    [InlineData("Republic of Azərbaycan", "azerbaycan")]
    [InlineData("Kyrgyz Republic", "kyrgyz republic")]
    [InlineData("State of Palestine", "palestine")]
    public void BareNames_DropCaseDiacriticsAndAStatesPrefixes(string name, string bare)
    {
        Assert.Equal(bare, PaxParties.Bare(name));
    }

    [Theory]
    [InlineData("Government of Freedonia", ActorKind.State)]
    [InlineData("Kyrgyz Republic", ActorKind.State)]
    [InlineData("Armed Forces of Sylvania", ActorKind.ArmedForce)]
    [InlineData("Constitutional Court of Sylvania", ActorKind.Court)]
    [InlineData("Joint Ceasefire Commission", ActorKind.Organisation)]
    public void KindsAreGuessedOnlyFromWhatTheNameSays(string name, ActorKind kind)
    {
        Assert.Equal(kind, PaxParties.GuessKind(name, person: false));
    }

    [Theory]
    [InlineData("Government of Armenia", "pax-government-of-armenia")]
    [InlineData("Şuşa Council", "pax-susa-council")]
    public void NewActorIds_AreSlugsOfTheName(string name, string id)
    {
        Assert.Equal(id, PaxParties.Slug(name));
    }

    [Fact]
    public void ANameWithoutLatinLetters_GetsAStableDigestId()
    {
        var id = PaxParties.Slug("Правительство Армении");
        Assert.Matches("^pax-actor-[0-9a-f]{10}$", id);
        Assert.Equal(id, PaxParties.Slug("правительство армении"));
        Assert.NotEqual(id, PaxParties.Slug("Правительство России"));
        Assert.True(RecordId.IsValid(PaxParties.Slug(new string('a', 500))));
    }
}
