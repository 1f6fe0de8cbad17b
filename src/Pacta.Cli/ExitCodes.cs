using Pacta.Datasets;
using Pacta.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli;

/// <summary>
/// The command's exit codes, and the one place that turns failures into them: 0 ok, 1 failure,
/// 2 usage error, 3 invalid input (nothing was written), 4 the audit found the history altered. Errors go to
/// stderr, without a stack trace unless --verbose is given.
/// </summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int InvalidInput = 3;

    /// <summary><c>pacta audit verify</c> found the change log or a record altered behind the store's back.</summary>
    public const int Tampered = 4;

    public static int Run(CommandApp app, string[] args)
    {
        var verbose = args.Contains("--verbose");
        try
        {
            return app.Run(args);
        }
        catch (InvalidInputException e)
        {
            Problems.Print(e.Problems);
            Console.Error.WriteLine("Nothing was written.");
            return InvalidInput;
        }
        catch (InvalidArgumentsException e)
        {
            foreach (var problem in e.Problems) Console.Error.WriteLine($"pacta: {Printable.Of(problem)}");
            Console.Error.WriteLine("Nothing was written.");
            return InvalidInput;
        }
        catch (CommandParseException e)
        {
            return UsageError(e.Message, verbose ? e : null);
        }
        catch (CommandRuntimeException e)
        {
            return UsageError(e.Message, verbose ? e : null);
        }
        catch (CommandConfigurationException e)
        {
            return UsageError(e.Message, verbose ? e : null);
        }
        catch (UsageException e)
        {
            return UsageError(e.Message, verbose ? e : null);
        }
        catch (Exception e) when (e is StoreException or StoreBusyException or IOException or UnauthorizedAccessException or CommandFailedException)
        {
            Error(e.Message, verbose ? e : null);
            return Failure;
        }
#pragma warning disable CA1031 // The last line of defence: an unexpected failure still exits 1 with a message, not a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error($"unexpected failure: {e.Message}" + (verbose ? "" : " (run again with --verbose for details)"), verbose ? e : null);
            return Failure;
        }
    }

    private static int UsageError(string message, Exception? detail)
    {
        Error(message + " (see pacta --help)", detail);
        return Usage;
    }

    private static void Error(string message, Exception? detail)
    {
        Console.Error.WriteLine($"pacta: {Printable.Of(message)}");
        if (detail is not null) Console.Error.WriteLine(detail);
    }
}

/// <summary>The user asked for something that makes no sense (an unknown kind, conflicting options): exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Values given on the command line that cannot be used (not a file's content): exit code 3, each problem on its own line.</summary>
public sealed class InvalidArgumentsException(IReadOnlyList<string> problems)
    : Exception(problems.Count == 1 ? problems[0] : $"{problems.Count} problems, the first: {problems[0]}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>The command could not do what was asked, for a reason the message gives: exit code 1.</summary>
public sealed class CommandFailedException(string message) : Exception(message);

internal static class Problems
{
    public static void Print(IReadOnlyList<Problem> problems)
    {
        foreach (var problem in problems) Console.Error.WriteLine(Printable.Of(problem.ToString()));
        var errors = problems.Count(p => p.Severity == Severity.Error);
        var warnings = problems.Count - errors;
        Console.Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}.");
    }
}

/// <summary>
/// Messages as they may go to a terminal: a message can quote its input (a file's name, a header's columns), and a
/// control character there, such as an escape sequence, would act on the terminal rather than show. Each is written as
/// <c>\uXXXX</c> instead, but for line breaks and tabs, which messages listing several problems use.
/// </summary>
internal static class Printable
{
    public static string Of(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F')) return text;
        var printable = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t') printable.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else printable.Append(c);
        }
        return printable.ToString();
    }
}

/// <summary>Console output that stays plain when piped (no colours, no boxes in a file).</summary>
internal static class Output
{
    public static IAnsiConsole Console { get; } = Create();

    private static IAnsiConsole Create()
    {
        var redirected = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        // Piped into a file or another program, lines need not fit a terminal: keep table rows whole.
        if (redirected) console.Profile.Width = 240;
        return console;
    }
}
