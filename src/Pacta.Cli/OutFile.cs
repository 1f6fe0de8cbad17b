using Pacta.Files;

namespace Pacta.Cli;

/// <summary>A file a command writes to an option's path (<c>--out</c>), whole or not at all (<see cref="WholeFile"/>).</summary>
internal static class OutFile
{
    public static void Write(string path, string option, Action<TextWriter> write) =>
        Write(path, option, writer =>
        {
            write(writer);
            return 0;
        });

    /// <summary>Runs <paramref name="write"/> on a UTF-8 writer for <paramref name="path"/>; a path that cannot be written is a usage error naming <paramref name="option"/>.</summary>
    public static T Write<T>(string path, string option, Func<TextWriter, T> write)
    {
        WholeFile file;
        try
        {
            file = new WholeFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot write {path}: {e.Message}");
        }
        using (file)
        {
            var result = write(file.Text);
            file.Commit();
            return result;
        }
    }
}
