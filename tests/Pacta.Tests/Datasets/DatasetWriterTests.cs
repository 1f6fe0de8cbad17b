using Pacta.Datasets;
using Pacta.Json;
using Pacta.Model;

namespace Pacta.Tests.Datasets;

public sealed class DatasetWriterTests
{
    [Fact]
    public void Writing_then_reading_gives_back_the_same_records()
    {
        using var data = new TempDataset();
        var original = DatasetReader.Read(data.Directory);
        var copy = Directory.CreateTempSubdirectory("pacta-copy-").FullName;
        try
        {
            DatasetWriter.Write(copy, original.Info, original.Records);
            var reread = DatasetReader.Read(copy);

            Assert.Equal(original.Info, reread.Info);
            Assert.Equal(Canonical(original.Records), Canonical(reread.Records));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Writing_the_same_records_twice_gives_the_same_bytes()
    {
        using var data = new TempDataset();
        var dataset = DatasetReader.Read(data.Directory);
        var first = Directory.CreateTempSubdirectory("pacta-a-").FullName;
        var second = Directory.CreateTempSubdirectory("pacta-b-").FullName;
        try
        {
            DatasetWriter.Write(first, dataset.Info, dataset.Records);
            DatasetWriter.Write(second, dataset.Info, dataset.Records.Reverse());

            var files = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
            Assert.Equal(files, Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order());
            foreach (var file in files)
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    [Fact]
    public void Meetings_and_documents_go_to_their_own_files()
    {
        using var data = new TempDataset();
        data.Write("meetings.yaml", """
            - id: meeting-1
              title: A meeting
              type: plover:CONSULT
              start: 2021-01-11
              meeting: {format: trilateral, host: state-a, participants: [state-a, state-b], outcomes: [statement-2020-11-10]}
              sources: [src-a]
            """);
        var dataset = DatasetReader.Read(data.Directory);
        var copy = Directory.CreateTempSubdirectory("pacta-copy-").FullName;
        try
        {
            var files = DatasetWriter.Write(copy, dataset.Info, dataset.Records);
            Assert.Contains("meetings.yaml", files);
            Assert.Contains(Path.Combine("documents", "statement-2020-11-10.yaml"), files);
            Assert.DoesNotContain("meeting-1", File.ReadAllText(Path.Combine(copy, "events.yaml")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void A_folder_that_is_not_a_dataset_is_never_overwritten()
    {
        using var data = new TempDataset();
        var dataset = DatasetReader.Read(data.Directory);
        var folder = Directory.CreateTempSubdirectory("pacta-other-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "thesis.txt"), "mine");
            Assert.Throws<IOException>(() => DatasetWriter.Write(folder, dataset.Info, dataset.Records));
            Assert.Equal(["thesis.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("plain text", true)]
    [InlineData("Xankəndi", true)]
    [InlineData("2020-11-10", true)]
    [InlineData("1", false)]
    [InlineData("true", false)]
    [InlineData("null", false)]
    [InlineData("no", false)]
    [InlineData("a: b", false)]
    [InlineData("- a", false)]
    [InlineData("<script>alert(1)</script>", true)]
    [InlineData("' quoted", false)]
    [InlineData("trailing ", false)]
    [InlineData("#comment", false)]
    public void Text_is_left_plain_only_when_yaml_reads_it_back_unchanged(string text, bool plain) =>
        Assert.Equal(plain, YamlWriter.IsPlainSafe(text, flow: false));

    private static List<string> Canonical(IEnumerable<IRecord> records) =>
        records.OrderBy(r => r.Id).Select(r => PactaJson.Serialize((object)r)).ToList();
}
