using System.Text;

namespace Pacta.Cli;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, moved into place only when the writing
/// succeeded, so a failure or an interruption leaves no partial file and an earlier one untouched.
/// </summary>
internal static class WholeFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string option, Action<TextWriter> write) =>
        Write(path, option, writer =>
        {
            write(writer);
            return 0;
        });

    /// <summary>Runs <paramref name="write"/> on a UTF-8 writer for <paramref name="path"/>; a path that cannot be written is a usage error naming <paramref name="option"/>.</summary>
    public static T Write<T>(string path, string option, Func<TextWriter, T> write)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.partial");
        FileStream file;
        try
        {
            file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot write {path}: {e.Message}");
        }
        try
        {
            T result;
            using (var writer = new StreamWriter(file, Utf8, 1 << 16))
            {
                result = write(writer);
            }
            File.Move(temporary, target, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
