namespace Pacta.Tests.Datasets;

/// <summary>A small valid dataset in a temporary folder, for tests to read, break and write.</summary>
internal sealed class TempDataset : IDisposable
{
    public const string Info = """
        format: pacta/1
        id: test-case
        title: A small test case
        """;

    public const string Actors = """
        - id: state-a
          kind: state
          name: State A
          sources: [src-a]
        - id: state-b
          kind: state
          name: State B
          sources: [src-a]
        """;

    public const string Sources = """
        - id: src-a
          kind: official-statement
          title: A statement
          reliability: B
          date: 2020-11-10
        """;

    public const string Places = """
        - id: khankendi-stepanakert
          kind: settlement
          names:
            - {text: Xankəndi, lang: az, usedBy: [state-a]}
            - {text: Ստեփանակերտ, lang: hy, usedBy: [state-b]}
          geometry: {type: Point, coordinates: [46.7518, 39.8153]}
          sources: [src-a]
        """;

    public const string Events = """
        - id: clash-1
          title: A clash
          type: acled:Battles/Armed clash
          start: 2020-07-12
          end: 2020-07-16
          place: {ref: khankendi-stepanakert, precision: near}
          actors: [{actor: state-a, role: side-a}, {actor: state-b, role: side-b}]
          fatalities: {low: 1, best: 2, high: 5}
          sources: [src-a]
        """;

    public const string Claims = """
        - id: claim-a
          subject: clash-1
          asserter: state-a
          stance: asserts
          date: 2020-07-13
          statement: The other side started it.
          credibility: 6
          sources: [src-a]
        - id: claim-b
          subject: clash-1
          asserter: state-b
          stance: denies
          statement: "It did not: <script>alert(1)</script>"
          figure: {value: 200, qualifier: more-than, unit: people}
          credibility: 6
          sources: [src-a]
        """;

    public const string Document = """
        id: statement-2020-11-10
        kind: statement
        title: A statement by A and B
        stage: ceasefire
        status: signed
        dates: {signed: 2020-11-09, effective: 2020-11-10}
        signatories:
          - {actor: state-a, role: party}
          - {actor: state-b, role: party}
        sources: [src-a]
        provisions:
          - eId: art_1
            number: "1"
            summary: A ceasefire.
            themes: [ceasefire]
            obligations:
              - id: o-ceasefire
                bearers: [state-a, state-b]
                action: cease fire
                deadline: 2020-11-10
          - eId: art_2
            number: "2"
            summary: |
              Two things,
              on two lines.
            themes: [withdrawal, transport-links]
            obligations:
              - id: o-withdraw
                bearers: [state-a]
                action: withdraw
                deadline: 2020-11-20
                linkage: [{type: reciprocal-to, obligation: o-open}]
              - id: o-open
                bearers: [state-b]
                action: open the road
                period: {from: 2020-11, to: 2021}
                linkage: [{type: conditional-on, obligation: o-ceasefire}]
        """;

    public TempDataset()
    {
        Directory = Path.Combine(Path.GetTempPath(), "pacta-test-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "documents"));
        Write("dataset.yaml", Info);
        Write("actors.yaml", Actors);
        Write("sources.yaml", Sources);
        Write("places.yaml", Places);
        Write("events.yaml", Events);
        Write("claims.yaml", Claims);
        Write("documents/statement-2020-11-10.yaml", Document);
    }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public TempDataset Write(string relative, string text)
    {
        File.WriteAllText(PathOf(relative), text.ReplaceLineEndings("\n") + "\n");
        return this;
    }

    public TempDataset Replace(string relative, string find, string replacement)
    {
        var text = File.ReadAllText(PathOf(relative));
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(relative), text.Replace(find, replacement, StringComparison.Ordinal));
        return this;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }
}
