using Pacta.Imports;
using Pacta.Model;
using Pacta.Tests.Cli;
using static Pacta.Tests.Imports.ImportFiles;

namespace Pacta.Tests.Imports;

/// <summary>
/// Dataset names are matched to actors by name, short name or any other name, ignoring case and diacritics, then
/// without a trailing parenthesis; a name that matches none makes an actor citing the dataset. PA-X's names are
/// matched by the same matcher with its own rules on top: punctuation as spaces, state prefixes ignored.
/// </summary>
public sealed class ActorMatchingTests
{
    private static readonly RecordId Acled = new("acled");

    private static readonly Actor[] Actors =
    [
        new Actor(new("azerbaijan"), ActorKind.State, "Republic of Azerbaijan", "Azerbaijan", [], [Acled], null, ["Government of Azerbaijan"]),
        new Actor(new("armed-forces-azerbaijan"), ActorKind.ArmedForce, "Armed Forces of the Republic of Azerbaijan", null, [], [Acled], null, ["Military Forces of Azerbaijan (2003-)"], new("azerbaijan")),
        new Actor(new("turkiye"), ActorKind.State, "Republic of Türkiye", "Türkiye", [], [Acled]),
    ];

    private static ActorMatcher Matcher() => new(Actors);

    [Theory]
    [InlineData("Republic of Azerbaijan", "azerbaijan")]
    [InlineData("REPUBLIC OF AZERBAIJAN", "azerbaijan")]
    [InlineData("Azerbaijan", "azerbaijan")]
    [InlineData("Government of Azerbaijan", "azerbaijan")]
    [InlineData("government of azerbaijan", "azerbaijan")]
    [InlineData("Government of Azerbaijan (1993-2003)", "azerbaijan")]
    [InlineData("Military Forces of Azerbaijan (2003-)", "armed-forces-azerbaijan")]
    [InlineData("Armed Forces of the Republic of Azerbaijan (2020)", "armed-forces-azerbaijan")]
    [InlineData("Turkiye", "turkiye")]
    [InlineData("Republic of Turkiye", "turkiye")]
    [InlineData("TÜRKIYE", "turkiye")]
    public void Known_names_match_their_actor(string name, string expected)
    {
        var (id, created) = Matcher().Resolve(name, EventDataset.Acled, Acled);
        Assert.Equal(expected, id.Value);
        Assert.Null(created);
    }

    [Fact]
    public void Only_a_trailing_parenthesis_is_ignored()
    {
        var (id, created) = Matcher().Resolve("Government (of) Azerbaijan", EventDataset.Acled, Acled);
        Assert.NotNull(created);
        Assert.NotEqual("azerbaijan", id.Value);
        // The full name is tried first: a parenthesis that is part of an actor's name matches that actor.
        var (forces, _) = Matcher().Resolve("Military Forces of Azerbaijan (2003-)", EventDataset.Acled, Acled);
        Assert.Equal("armed-forces-azerbaijan", forces.Value);
    }

    [Fact]
    public void An_unknown_name_makes_an_actor_citing_the_dataset_and_later_rows_match_it()
    {
        var matcher = Matcher();
        var (id, created) = matcher.Resolve("Syrian mercenaries", EventDataset.Acled, Acled);
        Assert.Equal("acled-syrian-mercenaries", id.Value);
        Assert.NotNull(created);
        Assert.Equal("Syrian mercenaries", created.Name);
        Assert.Equal([Acled], created.Sources);
        Assert.Equal(ActorKind.Body, created.Kind);
        Assert.Contains("ACLED", created.Note, StringComparison.Ordinal);

        Assert.Equal((id, (Actor?)null), matcher.Resolve("Syrian mercenaries", EventDataset.Acled, Acled));
        Assert.Equal((id, (Actor?)null), matcher.Resolve("SYRIAN MERCENARIES", EventDataset.Acled, Acled));
    }

    [Theory]
    [InlineData("Police Forces of Georgia (2004-)", ActorKind.ArmedForce)]
    [InlineData("Military of Russia", ActorKind.ArmedForce)]
    [InlineData("Unidentified Armed Group (Armenia)", ActorKind.Body)]
    [InlineData("Protesters (Georgia)", ActorKind.Body)]
    public void A_made_actor_s_kind_is_guessed_from_its_name(string name, ActorKind kind)
    {
        Assert.Equal(kind, Matcher().Resolve(name, EventDataset.Ucdp, new("ucdp-ged")).Created!.Kind);
    }

    [Fact]
    public void Names_without_letters_or_digits_get_an_id_all_the_same_and_different_names_different_ids()
    {
        var matcher = Matcher();
        var (a, madeA) = matcher.Resolve("???", EventDataset.Plover, new("plover"));
        var (b, madeB) = matcher.Resolve("!!!", EventDataset.Plover, new("plover"));
        Assert.StartsWith("plover-actor-", a.Value, StringComparison.Ordinal);
        Assert.NotNull(madeA);
        Assert.NotNull(madeB);
        Assert.NotEqual(a, b);
        // Two names with the same slug get two actors.
        var (c, _) = matcher.Resolve("Syrian / mercenaries", EventDataset.Acled, Acled);
        var (d, _) = matcher.Resolve("Syrian mercenaries!", EventDataset.Acled, Acled);
        Assert.NotEqual(c, d);
    }

    [Theory]
    [InlineData("Government of the Republic of Türkiye", "turkiye")]
    [InlineData("the Republic of Azerbaijan", "azerbaijan")]
    [InlineData("Kingdom of Azerbaijan", "azerbaijan")]
    [InlineData("Military Forces of Azerbaijan, 2003-", "armed-forces-azerbaijan")]
    public void With_PAXs_rules_state_prefixes_and_punctuation_are_ignored_and_other_names_count_too(string name, string expected) =>
        Assert.Equal(expected, new ActorMatcher(Actors, ActorNameRules.Pax).Find(name)?.Id.Value);

    [Theory]
    [InlineData("Kingdom of Azerbaijan")]
    [InlineData("Military Forces of Azerbaijan, 2003-")]
    public void Without_PAXs_rules_an_event_dataset_name_must_match_a_name_whole(string name) =>
        Assert.Null(new ActorMatcher(Actors, ActorNameRules.EventDatasets).Find(name));

    [Theory]
    [InlineData(ActorNameRules.EventDatasets)]
    [InlineData(ActorNameRules.Pax)]
    public void When_two_actors_share_a_name_the_smallest_id_is_taken_whatever_the_order(ActorNameRules rules)
    {
        var later = new Actor(new("zz-azerbaijan-copy"), ActorKind.State, "Azerbaijan", null, [], [Acled]);
        var first = new Actor(new("aa-azerbaijan-copy"), ActorKind.State, "Azerbaijan", null, [], [Acled]);

        Assert.Equal("aa-azerbaijan-copy", new ActorMatcher([later, .. Actors, first], rules).Find("Azerbaijan")?.Id.Value);
        Assert.Equal("aa-azerbaijan-copy", new ActorMatcher([first, .. Actors, later], rules).Find("AZERBAIJAN")?.Id.Value);
    }

    [Fact]
    public void An_actor_added_after_a_miss_is_found_by_the_same_name()
    {
        var matcher = new ActorMatcher(Actors, ActorNameRules.Pax);
        Assert.Null(matcher.Find("Government of Ruritania"));

        matcher.Add(new Actor(new("pax-ruritania"), ActorKind.State, "Ruritania", null, [], [Acled]));

        Assert.Equal("pax-ruritania", matcher.Find("Government of Ruritania")?.Id.Value);
    }

    [Fact]
    public void An_import_matches_the_bundled_actors_and_makes_the_rest_citing_the_dataset_source()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var row = AcledRow().With(("assoc_actor_1", "Syrian mercenaries"), ("actor2", "Military Forces of Armenia (2018-)"));

        var result = Import(db, "acled", Write(folder, "a.csv", Acled(row)));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("1 actors made", result.Out, StringComparison.Ordinal);
        var e = Load<Event>(db, "acled-aze100");
        Assert.Equal(["armed-forces-azerbaijan", "acled-syrian-mercenaries", "armed-forces-armenia"], e.Actors.Select(a => a.Actor.Value));
        var made = Load<Actor>(db, "acled-syrian-mercenaries");
        Assert.Equal(["acled"], made.Sources.Select(s => s.Value));
        Assert.Equal(Reliability.B, Load<Source>(db, "acled").Reliability);

        var plover = Import(db, "plover", Write(folder, "p.jsonl", PloverMappingTests.Line().ToJsonString() + "\n"), "--no-match");
        Assert.True(plover.ExitCode == 0, plover.Error);
        Assert.Equal(Reliability.C, Load<Source>(db, "plover").Reliability);
        Assert.Equal(["azerbaijan", "armenia"], Load<Event>(db, "plover-pl-1").Actors.Select(a => a.Actor.Value));
    }

    [Fact]
    public void Source_names_the_source_the_events_cite_and_must_exist()
    {
        using var folder = new TempFolder();
        var db = SampleStore(folder);
        var file = Write(folder, "a.csv", Acled(AcledRow()));

        var missing = Import(db, "acled", file, "--source", "no-such-source");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("no-such-source", missing.Error, StringComparison.Ordinal);
        Assert.Empty(ImportedEvents(db));
    }
}
