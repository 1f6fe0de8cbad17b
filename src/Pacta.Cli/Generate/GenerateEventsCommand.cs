using System.ComponentModel;
using System.Globalization;
using System.Text;
using Pacta.Generation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Generate;

/// <summary>Options of <c>pacta generate events</c>.</summary>
public sealed class GenerateEventsSettings : CommandSettings
{
    [CommandOption("--rows <N>")]
    [Description("How many rows to write (a whole number above 0).")]
    public string Rows { get; init; } = "";

    [CommandOption("--seed <S>")]
    [Description("The seed (a whole number, default 1): the same seed gives the same bytes.")]
    public string Seed { get; init; } = "1";

    [CommandOption("--format <FORMAT>")]
    [Description("acled or ucdp (UCDP GED).")]
    public string Format { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("The file to write (written whole, then moved into place); standard output without it.")]
    public string? Out { get; init; }

    [CommandOption("--no-header")]
    [Description("Leave out the header row, as some UCDP GED releases do.")]
    public bool NoHeader { get; init; }

    internal long RowCount => long.Parse(Rows, NumberStyles.None, CultureInfo.InvariantCulture);

    internal long SeedValue => long.Parse(Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    internal EventFileFormat FileFormat => Format.ToLowerInvariant() == "acled" ? EventFileFormat.Acled : EventFileFormat.Ucdp;

    public override ValidationResult Validate()
    {
        if (!long.TryParse(Rows, NumberStyles.None, CultureInfo.InvariantCulture, out var rows) || rows <= 0)
            return ValidationResult.Error($"--rows: '{Rows}' is not a whole number above 0");
        if (!long.TryParse(Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            return ValidationResult.Error($"--seed: '{Seed}' is not a whole number");
        if (Format.ToLowerInvariant() is not ("acled" or "ucdp"))
            return ValidationResult.Error($"--format: '{Format}' is not a format; the formats are acled, ucdp");
        if (Out is not null && (Out.Length == 0 || Directory.Exists(Out)))
            return ValidationResult.Error($"--out: '{Out}' is not a file name");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>pacta generate events --rows N --seed S --format acled|ucdp [--out FILE] [--no-header]</c>: realistic, messy
/// event rows for tests and benchmarks, written row by row; to a file through a temporary file moved into place.
/// </summary>
public sealed class GenerateEventsCommand : Command<GenerateEventsSettings>
{
    private const long ProgressFrom = 100_000;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override int Execute(CommandContext context, GenerateEventsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is null)
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8, 1 << 16);
            Generate(stdout, settings);
            return ExitCodes.Ok;
        }

        OutFile.Write(settings.Out, "--out", writer => Generate(writer, settings));
        Console.Error.WriteLine($"Wrote {settings.RowCount.ToString("N0", CultureInfo.InvariantCulture)} {settings.Format.ToLowerInvariant()} rows to {settings.Out}.");
        return ExitCodes.Ok;
    }

    private static void Generate(TextWriter writer, GenerateEventsSettings settings)
    {
        var rows = settings.RowCount;
        // The bar goes to stderr, and only when that is a terminal the rows themselves are not written to.
        if (rows < ProgressFrom || Console.IsErrorRedirected || settings.Out is null && !Console.IsOutputRedirected)
        {
            EventGenerator.Write(writer, settings.FileFormat, rows, settings.SeedValue, !settings.NoHeader);
            return;
        }
        ProgressBars.Run("rows", rows, task =>
            EventGenerator.Write(writer, settings.FileFormat, rows, settings.SeedValue, !settings.NoHeader, done => task.Value = done));
    }
}
