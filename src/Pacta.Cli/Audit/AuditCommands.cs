using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Json;
using Pacta.Store;
using Spectre.Console.Cli;

namespace Pacta.Cli.Audit;

/// <summary>
/// <c>pacta audit verify [--head HASH]</c>: recomputes the change log's hash chain from the first change, checks every
/// record against its last change and the log's end against the numbers the store handed out; names the first break
/// and exits <see cref="ExitCodes.Tampered"/> when anything does not match (docs/audit.md).
/// </summary>
public sealed class AuditVerifyCommand : Command<AuditVerifyCommand.Settings>
{
    /// <summary>From this many changes on, a terminal gets a progress bar.</summary>
    private const long ProgressFrom = 100_000;

    /// <summary>How many breaks are listed after the first.</summary>
    private const int Listed = 20;

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--head <HASH>")]
        [Description("A head hash exported earlier ('pacta audit head'): it must still be in the log, or the log was rewritten since.")]
        public string? Head { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        byte[]? expected = null;
        if (settings.Head is not null)
        {
            expected = AuditChain.FromHex(settings.Head.Trim())
                ?? throw new InvalidArgumentsException([$"--head: '{settings.Head}' is not a hash: it has 64 hex digits"]);
        }
        using var store = settings.OpenExisting();
        var total = store.AuditHead().Changes;
        AuditReport report;
        if (total < ProgressFrom || Console.IsErrorRedirected)
        {
            report = store.VerifyAudit(expected);
        }
        else
        {
            AuditReport? done = null;
            ProgressBars.Run("changes", total, task => done = store.VerifyAudit(expected, checkedSoFar => task.Value = checkedSoFar));
            report = done!;
        }
        var changes = Count(report.Changes, "change");
        if (report.Intact)
        {
            Console.Out.WriteLine($"{changes}, chain intact, head {report.Head}");
            return ExitCodes.Ok;
        }
        Console.Out.WriteLine($"chain broken at {report.First}");
        if (report.BreakCount > 1)
        {
            Console.Out.WriteLine($"{Count(report.BreakCount, "problem")} in all{(report.BreakCount > Listed + 1 ? $", the first {Listed + 1}" : "")}:");
            foreach (var found in report.Breaks.Take(Listed + 1)) Console.Out.WriteLine($"  {found}");
        }
        Console.Out.WriteLine($"{changes} checked, head {report.Head}");
        return ExitCodes.Tampered;
    }

    private static string Count(long n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}

/// <summary><c>pacta audit head [--json]</c>: the log's last hash, to keep somewhere the store's owner cannot rewrite.</summary>
public sealed class AuditHeadCommand : Command<AuditHeadCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--json")]
        [Description("Print JSON: sequence, hash, changes.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var head = store.AuditHead();
        if (settings.Json)
        {
            Console.Out.WriteLine(Shapes.Write(new JsonObject { ["sequence"] = head.Sequence, ["hash"] = head.Hash, ["changes"] = head.Changes }));
        }
        else
        {
            Console.Out.WriteLine($"{head.Hash} at change {head.Sequence.ToString(CultureInfo.InvariantCulture)}");
        }
        return ExitCodes.Ok;
    }
}
