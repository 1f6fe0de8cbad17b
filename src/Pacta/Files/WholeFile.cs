using System.Text;

namespace Pacta.Files;

/// <summary>
/// A file written whole or not at all: the bytes go to a hidden temporary file in the same folder (so the move
/// stays on one file system), and <see cref="Commit"/> moves it into place. Disposed without a commit (a failure,
/// an interruption), the temporary file is deleted and an earlier file at the path is left untouched. Used for
/// every file Pacta writes that a reader could otherwise find half-written: exports, generated rows, rejects
/// files, reports.
/// </summary>
public sealed class WholeFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string temporary;
    private readonly FileStream stream;
    private StreamWriter? writer;
    private bool committed;
    private bool closed;

    /// <summary>Starts writing <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder cannot be written (missing, read-only, full).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public WholeFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!,
            $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <summary>The full path the file is moved to.</summary>
    public string Path { get; }

    /// <summary>The bytes of the file. Use either this or <see cref="Text"/>.</summary>
    public Stream Stream => stream;

    /// <summary>The file as UTF-8 text without a byte-order mark.</summary>
    public TextWriter Text => writer ??= new StreamWriter(stream, Utf8, 1 << 16);

    /// <summary>Flushes the file and moves it into place, replacing a file there.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        Close();
        File.Move(temporary, Path, overwrite: true);
        committed = true;
    }

    /// <summary>Without <see cref="Commit"/>, drops what was written.</summary>
    public void Dispose()
    {
        if (committed) return;
        try
        {
            Close();
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="path"/> as UTF-8 text through <paramref name="write"/>, whole or not at all.</summary>
    public static T Write<T>(string path, Func<TextWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = new WholeFile(path);
        var result = write(file.Text);
        file.Commit();
        return result;
    }

    private void Close()
    {
        if (closed) return;
        closed = true;
        if (writer is not null) writer.Dispose();
        else stream.Dispose();
    }
}
