using System.Text;
using Pacta.Files;
using Pacta.Tests.Cli;

namespace Pacta.Tests.Files;

/// <summary>The one way Pacta writes a file whole: nothing half-written is ever at the path, and no temporary file stays behind.</summary>
public sealed class WholeFileTests
{
    [Fact]
    public void A_committed_file_replaces_the_earlier_one_and_leaves_nothing_else()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["out.csv"], "earlier");

        var rows = WholeFile.Write(folder["out.csv"], writer =>
        {
            writer.Write("a,b\r\nÿ,2\r\n");
            return 2;
        });

        Assert.Equal(2, rows);
        Assert.Equal("a,b\r\nÿ,2\r\n"u8.ToArray(), File.ReadAllBytes(folder["out.csv"])); // UTF-8, no byte-order mark
        Assert.Equal([folder["out.csv"]], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_earlier_file_untouched_and_no_temporary_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["out.csv"], "earlier");

        Assert.Throws<InvalidOperationException>(() => WholeFile.Write<int>(folder["out.csv"], writer =>
        {
            writer.Write(new string('x', 1 << 20)); // more than the buffers: bytes reached the temporary file
            throw new InvalidOperationException("the store went away");
        }));

        Assert.Equal("earlier", File.ReadAllText(folder["out.csv"]));
        Assert.Equal([folder["out.csv"]], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Until_committed_nothing_is_at_the_path_and_two_writers_of_one_path_do_not_meet()
    {
        using var folder = new TempFolder();
        using var first = new WholeFile(folder["report.docx"]);
        using var second = new WholeFile(folder["report.docx"]);
        first.Stream.Write(Encoding.UTF8.GetBytes("first"));
        second.Stream.Write(Encoding.UTF8.GetBytes("second"));

        Assert.False(File.Exists(folder["report.docx"]));
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
        first.Commit();
        second.Dispose();

        Assert.Equal("first", File.ReadAllText(folder["report.docx"]));
        Assert.Equal([folder["report.docx"]], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_an_IO_error_before_anything_is_written()
    {
        using var folder = new TempFolder();
        Assert.ThrowsAny<IOException>(() => new WholeFile(Path.Combine(folder["missing"], "out.csv")));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
