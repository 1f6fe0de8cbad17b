using Pacta.Datasets;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;
using static Pacta.Tests.Imports.PaxFileTests;

namespace Pacta.Tests.Imports;

/// <summary>PA-X rows as documents, actors and links, written to a real store.</summary>
public sealed class PaxImportTests
{
    private static readonly ChangeContext Context = new("test", "pacta import pax");

    private static (PaxPlan Plan, WriteSummary Summary) Import(SqliteStore store, IReadOnlyList<PaxRow> rows)
    {
        var plan = PaxImport.Plan(rows, new PaxStoreView(store.All<Actor>(), store.All<Document>(), store.KindOf));
        return (plan, store.Write(plan.Records, Context));
    }

    private static IReadOnlyList<PaxRow> FixtureRows(string? process = "armenia")
    {
        using var stream = File.OpenRead(Fixture);
        return PaxFile.Read(stream, "fixture.csv", process).Rows;
    }

    private static Document ByPaxId(SqliteStore store, int agtId) => store.All<Document>().Single(d => d.PaxId == agtId);

    [Fact]
    public void TheFixture_IntoAnEmptyStore_GivesDocumentsActorsLinksAndTheProcess()
    {
        using var temp = new TempStore();
        using var store = temp.Open();

        var (plan, summary) = Import(store, FixtureRows());

        var documents = store.All<Document>();
        Assert.Equal(9, documents.Count);
        Assert.All(documents, d => Assert.Equal(new PeaceProcess("Armenia-Azerbaijan-Nagorno-Karabakh process", 901), d.Process));
        Assert.All(documents, d => Assert.Equal([PaxImport.SourceId], d.Sources));
        var source = Assert.IsType<Source>(store.Find(PaxImport.SourceId));
        Assert.Equal((SourceKind.Dataset, "https://www.peaceagreements.org/"), (source.Kind, source.Url!.ToString()));
        Assert.Equal(summary.Created, 1 + plan.NewActors.Count + 9);

        // "Republic of Armenia", "Government of Armenia" and "Prime Minister of the Republic of Armenia" are one actor.
        var armenia = store.All<Actor>().Single(a => a.Name == "Republic of Armenia");
        Assert.Equal((ActorKind.State, "Armenia", "pax-republic-of-armenia"), (armenia.Kind, armenia.ShortName, armenia.Id.Value));
        Assert.Contains(ByPaxId(store, 990).Signatories, s => s.Actor == armenia.Id && s.Role == SignatoryRole.Party);
        var statement = ByPaxId(store, 2324);
        Assert.Equal(new RecordId("pax-agreement-2324"), statement.Id);
        Assert.Equal((DocumentKind.Statement, DocumentStatus.Signed, PaxStage.Ceasefire), (statement.Kind, statement.Status, statement.Stage));
        Assert.Equal(PartialDate.Day(2020, 11, 9), statement.Dates.Signed);
        var pashinyan = store.All<Actor>().Single(a => a.Name == "Nikol Pashinyan");
        Assert.Equal(ActorKind.Person, pashinyan.Kind);
        Assert.Contains(new Signatory(armenia.Id, SignatoryRole.Party, pashinyan.Id), statement.Signatories);
        Assert.All(plan.NewActors, a => Assert.Equal([PaxImport.SourceId], a.Sources));

        // Third parties: a role in the text, else witness.
        var bishkek = ByPaxId(store, 310);
        Assert.Equal(
            [SignatoryRole.Party, SignatoryRole.Party, SignatoryRole.Party, SignatoryRole.Mediator, SignatoryRole.Witness],
            bishkek.Signatories.Select(s => s.Role));
        Assert.Equal(SignatoryRole.Witness, ByPaxId(store, 2804).Signatories[^1].Role);

        // OthAgr: by title, by a title inside the text, by title and date; the word "implements" gives the type.
        Assert.Equal([new DocumentLink(DocumentLinkType.Implements, bishkek.Id)], ByPaxId(store, 990).Links);
        Assert.Equal([new DocumentLink(DocumentLinkType.Implements, statement.Id)], ByPaxId(store, 2455).Links);
        Assert.Equal([statement.Id, ByPaxId(store, 2455).Id], ByPaxId(store, 2396).Links.Select(l => l.Target));
        Assert.All(ByPaxId(store, 2396).Links, l => Assert.Equal(DocumentLinkType.RefersTo, l.Type));
        Assert.Equal([statement.Id], ByPaxId(store, 2454).Links.Select(l => l.Target));
        var unresolved = Assert.Single(plan.UnresolvedReferences);
        Assert.Contains("agreement 2454", unresolved, StringComparison.Ordinal);
        Assert.Contains("a working-group record not published", ByPaxId(store, 2454).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportingTheSameFileAgain_ChangesNothing()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        Import(store, FixtureRows(process: null));
        var changes = store.Changes().Count;

        var (plan, again) = Import(store, FixtureRows(process: null));

        Assert.Equal((0, 0, 11), (again.Created, again.Updated, again.Unchanged));
        Assert.Empty(plan.NewActors);
        Assert.Equal(changes, store.Changes().Count);
    }

    [Fact]
    public void AnEditedRow_UpdatesItsDocument_AndOnlyThat()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var rows = FixtureRows();
        Import(store, rows);

        var edited = rows.Select(r => r.AgtId == 2455
            ? r with { Stage = PaxStage.Renewal, Date = PartialDate.Day(2021, 1, 12), ThirdParties = "OSCE Minsk Group (mediator)" }
            : r).ToList();
        var (plan, summary) = Import(store, edited);

        Assert.Equal((1, 1), (summary.Created, summary.Updated)); // the new actor, the document
        var document = ByPaxId(store, 2455);
        Assert.Equal((PaxStage.Renewal, PartialDate.Day(2021, 1, 12)), (document.Stage, document.Dates.Signed));
        Assert.Equal((SignatoryRole.Mediator, "OSCE Minsk Group"), (document.Signatories[^1].Role, Assert.Single(plan.NewActors).Name));
        var change = store.History(document.Id)[^1];
        Assert.Equal(ChangeOperation.Updated, change.Operation);
    }

    [Fact]
    public void DocumentsTheStoreAlreadyHas_AreFoundByAgtId_AndCuratedOnesOnlyCompleted()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([.. DatasetReader.Read(Cli.Pacta.BundledCase).Records], Context);
        var before = store.All<Document>().ToDictionary(d => d.Id);
        var actors = store.All<Actor>().Count;

        var (plan, summary) = Import(store, FixtureRows());

        Assert.Empty(plan.NewActors);
        Assert.Equal(actors, store.All<Actor>().Count);
        Assert.Equal(1, summary.Created); // the PA-X source: every agreement of the fixture is in the bundled case
        var statement = store.All<Document>().Single(d => d.PaxId == 2324);
        var curated = before[statement.Id];
        Assert.Equal("trilateral-statement-2020-11-10", statement.Id.Value);
        // What the editors wrote stands: title, status, dates, signatories with who signed, provisions.
        Assert.Equal((curated.Title, curated.Status, curated.Dates, curated.Provisions.Count), (statement.Title, statement.Status, statement.Dates, statement.Provisions.Count));
        Assert.Equal(curated.Signatories, statement.Signatories);
        // What it lacked is added: the PA-X source and the process.
        Assert.Equal([.. curated.Sources, PaxImport.SourceId], statement.Sources);
        Assert.Equal(901, statement.Process!.PaxId);
        // The Sochi statement of 2021 gains links to the statements it names, found in the store under the editors' ids.
        var sochi = store.All<Document>().Single(d => d.PaxId == 2396);
        Assert.Contains(sochi.Links, l => l.Target == statement.Id);
        Assert.Equal(before[sochi.Id].Links.Count, sochi.Links.Count(l => before[sochi.Id].Links.Contains(l)));

        var (_, again) = Import(store, FixtureRows());
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }

    [Fact]
    public void PartiesAreMatchedWithTheStoresActors_ByNameOrShortName_WithoutCaseOrDiacritics()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([
            new Source(new RecordId("src"), SourceKind.Other, "S", null, null, null, null, null, null, Reliability.C),
            new Actor(new RecordId("turkiye"), ActorKind.State, "Republic of Türkiye", "Türkiye", [], [new RecordId("src")]),
            new Actor(new RecordId("eu"), ActorKind.Organisation, "European Union", "EU", [], [new RecordId("src")]),
            new Actor(new RecordId("armenia"), ActorKind.State, "Republic of Armenia", "Armenia", [], [new RecordId("src")]),
        ], Context);
        var rows = Read($"{Header}\n{Row(1, parties: "GOVERNMENT OF TURKIYE; Government of the Republic of Armenia; Eu", thirdParties: "republic of armenia (guarantor)")}\n").Rows;

        var (plan, _) = Import(store, rows);

        Assert.Empty(plan.NewActors);
        Assert.Equal(["turkiye", "armenia", "eu"], ByPaxId(store, 1).Signatories.Select(s => s.Actor.Value));
    }

    [Fact]
    public void APartyNamedAsAnActorIsAlsoKnown_IsThatActor_AsForTheEventImports()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([
            new Source(new RecordId("src"), SourceKind.Other, "S", null, null, null, null, null, null, Reliability.C),
            new Actor(new RecordId("osce-minsk-group"), ActorKind.Organisation, "OSCE Minsk Group", null, [], [new RecordId("src")], null, ["Minsk Group of the OSCE"]),
        ], Context);
        var rows = Read($"{Header}\n{Row(1, thirdParties: "The Minsk Group of the OSCE (mediator)")}\n").Rows;

        var (plan, _) = Import(store, rows);

        Assert.DoesNotContain(plan.NewActors, a => a.Name.Contains("Minsk", StringComparison.Ordinal));
        Assert.Contains(ByPaxId(store, 1).Signatories, s => s.Actor.Value == "osce-minsk-group" && s.Role == SignatoryRole.Mediator);
    }

    [Fact]
    public void AThirdPartyWithoutARoleInTheText_IsAWitness_AndAPartyNamedAgainKeepsItsRole()
    {
        using var temp = new TempStore();
        using var store = temp.Open();

        Import(store, Read($"{Header}\n{Row(1, thirdParties: "Grand Duchy of Fenwick; Government of Ruritania (mediator); United Nations (guarantor)")}\n").Rows);

        Assert.Equal(
            [("pax-government-of-ruritania", SignatoryRole.Party), ("pax-government-of-graustark", SignatoryRole.Party),
             ("pax-grand-duchy-of-fenwick", SignatoryRole.Witness), ("pax-united-nations", SignatoryRole.Guarantor)],
            ByPaxId(store, 1).Signatories.Select(s => (s.Actor.Value, s.Role)));
    }

    [Fact]
    public void NoRows_WriteNothing_NotEvenTheSource()
    {
        using var temp = new TempStore();
        using var store = temp.Open();

        var (plan, summary) = Import(store, Read($"{Header}\n").Rows);

        Assert.Empty(plan.Records);
        Assert.Equal(0, summary.Created);
        Assert.Null(store.Find(PaxImport.SourceId));
    }

    [Fact]
    public void NewIdsStepAsideForIdsOtherRecordsHold()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        store.Write([
            new Source(new RecordId("pax-agreement-1"), SourceKind.Other, "A source that took the id", null, null, null, null, null, null, Reliability.C),
            new Source(new RecordId("pax-government-of-ruritania"), SourceKind.Other, "Another", null, null, null, null, null, null, Reliability.C),
        ], Context);

        Import(store, Read($"{Header}\n{Row(1)}\n").Rows);

        var document = ByPaxId(store, 1);
        Assert.Equal("pax-agreement-1-2", document.Id.Value);
        Assert.Equal("pax-government-of-ruritania-2", document.Signatories[0].Actor.Value);
    }

    [Fact]
    public void AUnilateralDocument_IsAnAdoptedStatementWithAnAnnouncedDate()
    {
        using var temp = new TempStore();
        using var store = temp.Open();

        Import(store, Read($"{Header}\n{Row(3, status: "Unilateral document", title: "Communication", stage: "Oth")}\n{Row(4, status: "Status unclear", title: "Draft framework", stage: "SubComp")}\n").Rows);

        var unilateral = ByPaxId(store, 3);
        Assert.Equal((DocumentKind.Statement, DocumentStatus.Adopted, null, PartialDate.Day(2003, 2, 1)),
            (unilateral.Kind, unilateral.Status, unilateral.Dates.Signed, unilateral.Dates.Announced));
        var unclear = ByPaxId(store, 4);
        Assert.Equal((DocumentKind.Agreement, DocumentStatus.Proposed), (unclear.Kind, unclear.Status));
        Assert.Contains("status \"Status unclear\"", unclear.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePaxSourceTheStoreHas_IsLeftAsItIs()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var own = new Source(PaxImport.SourceId, SourceKind.Dataset, "PA-X, as our editors grade it", null, null, null, null, null, null, Reliability.A);
        store.Write([own], Context);

        var (plan, _) = Import(store, Read($"{Header}\n{Row(1)}\n").Rows);

        Assert.DoesNotContain(plan.Records, r => r.Id == PaxImport.SourceId);
        Assert.Equal(own, store.Find(PaxImport.SourceId));
    }

    [Fact]
    public void NamesInOtherScripts_AreKept()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var text = $"{Header}\n{Row(8, parties: "Правительство Республики Армения; Հայաստանի Հանրապետություն")}\n";

        var (plan, _) = Import(store, Read(text).Rows);

        Assert.Equal(["Правительство Республики Армения", "Հայաստանի Հանրապետություն"], plan.NewActors.Select(a => a.Name));
        Assert.All(plan.NewActors, a => Assert.StartsWith("pax-actor-", a.Id.Value, StringComparison.Ordinal));
    }
}
