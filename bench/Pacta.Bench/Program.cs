using System.Diagnostics;
using System.Globalization;
using Pacta.Datasets;
using Pacta.Model;
using Pacta.Store;

// dotnet run --project bench/Pacta.Bench -c Release -- --db FILE --events N [--seed S] [--data DIR]
// Writes the bundled case, then N synthetic events in batches of 10,000 (one transaction each).
string Arg(string name, string fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

var db = Arg("--db", "bench.db");
var count = int.Parse(Arg("--events", "1000000"), CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--seed", "1"), CultureInfo.InvariantCulture);
var data = Arg("--data", Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "south-caucasus"));

if (File.Exists(db)) File.Delete(db);
using var store = SqliteStore.Open(db);
var context = new ChangeContext("bench", "bench fill");
var dataset = DatasetReader.Read(Path.GetFullPath(data));
var source = new Source(new RecordId("bench-synthetic-events"), SourceKind.Dataset, "Synthetic events for benchmarks", "Pacta bench",
    null, null, null, "en", null, Reliability.F, "Generated: not real events.");
store.Write([.. dataset.Records, source], context);

var actors = dataset.Records.OfType<Actor>().Where(a => a.Kind is ActorKind.ArmedForce or ActorKind.State).Select(a => a.Id).ToArray();
var types = EventType.AcledTypes.SelectMany(t => t.Value.Select(s => EventType.Parse($"acled:{t.Key}/{s}"))).ToArray();
var random = new Random(seed);
var first = new DateOnly(2015, 1, 1).DayNumber;
var days = new DateOnly(2025, 12, 31).DayNumber - first;
var watch = Stopwatch.StartNew();
const int Batch = 10_000;
for (var start = 0; start < count; start += Batch)
{
    var batch = new List<IRecord>(Batch);
    for (var i = start; i < Math.Min(count, start + Batch); i++)
    {
        var day = DateOnly.FromDayNumber(first + random.Next(days));
        var precision = random.Next(10) == 0 ? PartialDate.Month(day.Year, day.Month) : PartialDate.Day(day);
        var point = new GeoPoint(Math.Round(44.8 + random.NextDouble() * 5.5, 4), Math.Round(38.4 + random.NextDouble() * 3.4, 4));
        var a = actors[random.Next(actors.Length)];
        var b = actors[random.Next(actors.Length)];
        var best = random.Next(20) == 0 ? random.Next(1, 40) : 0;
        batch.Add(new Event(
            new RecordId($"bench-event-{i:D7}"), $"Synthetic event {i}", types[random.Next(types.Length)], precision, null,
            new EventPlace(null, point, (LocationPrecision)random.Next(3)),
            a == b ? [new EventActor(a, EventActorRole.SideA)] : [new EventActor(a, EventActorRole.SideA), new EventActor(b, EventActorRole.SideB)],
            best == 0 ? null : new Fatalities(best / 2, best, best * 2), null, null, [source.Id]));
    }
    store.Write(batch, context);
    Console.Error.Write($"\r{Math.Min(count, start + Batch):N0} / {count:N0} events, {watch.Elapsed.TotalSeconds:F0} s");
}
Console.Error.WriteLine();
Console.WriteLine($"{db}: {count:N0} events written in {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, count):F0} µs per event)");
