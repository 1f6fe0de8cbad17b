using System.Text.Json;
using Pacta.Datasets;
using Pacta.Json;
using Pacta.Store;

namespace Pacta.Cli.Datasets;

/// <summary>Writes a checked dataset into a store: its records and its description, in one transaction.</summary>
internal static class DatasetImport
{
    public const string InfoSetting = "dataset";

    public static WriteSummary Write(IStore store, Dataset dataset, ChangeContext context) =>
        store.Write(dataset.Records.ToList(), context, new Dictionary<string, string> { [InfoSetting] = JsonSerializer.Serialize(dataset.Info, PactaJson.Options) });

    public static DatasetInfo? StoredInfo(IStore store) =>
        store.GetSetting(InfoSetting) is { } json ? JsonSerializer.Deserialize<DatasetInfo>(json, PactaJson.Options) : null;
}
