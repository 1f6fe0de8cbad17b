using Pacta.Claims;
using Pacta.Model;

namespace Pacta.Tests.Claims;

public sealed class ContestedSetTests
{
    private static Claim Claim(string id, string subject, string asserter, Stance stance, string date) =>
        new(new RecordId(id), new RecordId(subject), new RecordId(asserter), stance, PartialDate.Parse(date), "A statement.", null, new Credibility(3), [new RecordId("a-source")]);

    [Fact]
    public void Group_KeepsEveryClaimOrderedByAsserterThenDate()
    {
        var sets = ContestedSet.Group(
        [
            Claim("c3", "topic-b", "russia", Stance.Asserts, "2021"),
            Claim("c2", "topic-a", "azerbaijan", Stance.Denies, "2022"),
            Claim("c1", "topic-a", "armenia", Stance.Asserts, "2023"),
            Claim("c0", "topic-a", "armenia", Stance.Asserts, "2020"),
        ]);

        Assert.Equal(["topic-a", "topic-b"], sets.Select(s => s.Subject.Value));
        Assert.Equal(["c0", "c1", "c2"], sets[0].Claims.Select(c => c.Id.Value));
    }

    [Fact]
    public void Contested_WhenAsserterOrStanceDiffers()
    {
        Assert.True(new ContestedSet(new RecordId("topic-t"), [Claim("c1", "topic-t", "armenia", Stance.Asserts, "2020"), Claim("c2", "topic-t", "azerbaijan", Stance.Asserts, "2020")]).IsContested);
        Assert.True(new ContestedSet(new RecordId("topic-t"), [Claim("c1", "topic-t", "armenia", Stance.Asserts, "2020"), Claim("c2", "topic-t", "armenia", Stance.Denies, "2021")]).IsContested);
        Assert.False(new ContestedSet(new RecordId("topic-t"), [Claim("c1", "topic-t", "armenia", Stance.Asserts, "2020"), Claim("c2", "topic-t", "armenia", Stance.Asserts, "2021")]).IsContested);
    }
}
