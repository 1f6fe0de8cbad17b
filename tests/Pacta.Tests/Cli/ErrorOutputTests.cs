namespace Pacta.Tests.Cli;

/// <summary>What the command writes to stderr about bad input quotes that input without letting its control characters act on a terminal.</summary>
public sealed class ErrorOutputTests
{
    [Fact]
    public void A_header_with_an_escape_sequence_is_quoted_with_the_sequence_written_out()
    {
        using var folder = new TempFolder();
        var db = folder["pacta.db"];
        Assert.Equal(0, Pacta.Run("init", "--db", db).ExitCode);
        var file = folder["acled.csv"];
        File.WriteAllText(file, "event_id_cnty,ev\u001B[2Jent_date\u0007\n1,2\n");

        var result = Pacta.Run("import", "acled", file, "--db", db);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("(found: event_id_cnty, ev\\u001B[2Jent_date\\u0007)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Error, Acting);
    }

    [Fact]
    public void A_file_name_with_control_characters_is_written_out_in_the_message()
    {
        using var folder = new TempFolder();
        var db = folder["pacta.db"];
        Assert.Equal(0, Pacta.Run("init", "--db", db).ExitCode);

        var result = Pacta.Run("import", "ucdp", folder["ged\u001B]0;owned\u0007.csv"], "--db", db);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ged\\u001B]0;owned\\u0007.csv: no such file", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Error, Acting);
    }

    /// <summary>A control character a terminal would act on: anything but the line breaks and tabs between messages.</summary>
    private static bool Acting(char c) => char.IsControl(c) && c is not '\n' and not '\r' and not '\t';
}
