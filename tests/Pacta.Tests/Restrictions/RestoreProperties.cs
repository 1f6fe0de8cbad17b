using FsCheck.Xunit;
using Pacta.Model;
using Pacta.Restrictions;

namespace Pacta.Tests.Restrictions;

/// <summary>
/// <see cref="Redaction.Restore"/> against <see cref="Redaction.Apply{T}"/>, on a claim's list of sources with some of
/// them hidden: whatever a writer does to the list they read (keeps it, removes, adds and moves ids, moves the
/// placeholder), what is written reads back to them as they wrote it, and holds every hidden source, in the stored order.
/// </summary>
public sealed class RestoreProperties
{
    private static readonly Redaction Contributor = new(new Audience("contributor", false),
        Enumerable.Range(0, 8).Select(i => new RecordId($"hidden-{i}")).ToHashSet());

    private static Claim Claim(IEnumerable<string> sources) => new(
        new RecordId("claim-under-edit"), new RecordId("armenia"), new RecordId("azerbaijan"), Stance.Asserts, null, "A statement.", null,
        new Credibility(3), [.. sources.Select(s => new RecordId(s))]);

    /// <summary>A stored list from the flags (true: a hidden source), and an edit of it as a writer reads it.</summary>
    [Property]
    public bool An_edit_reads_back_as_written_and_keeps_every_hidden_source_in_order(bool[] hiddenFlags, byte[] removals, byte[] additions, byte placeholderAt)
    {
        var flags = (hiddenFlags ?? []).Take(12).ToList();
        if (flags.Count == 0) flags.Add(true);
        if (!flags.Contains(true)) flags[0] = true;
        int hiddenCount = 0, visibleCount = 0;
        var stored = Claim(flags.Select(h => h ? $"hidden-{hiddenCount++ % 8}" : $"visible-{visibleCount++}").Distinct());
        var read = Contributor.Apply(stored)!.Sources.Select(s => s.Value).ToList();

        // The writer's edit: some visible ids removed, new ones added anywhere, the placeholder moved.
        var written = read.Where(s => s != Restriction.Placeholder.Value).ToList();
        foreach (var r in removals ?? []) if (written.Count > 0) written.RemoveAt(r % written.Count);
        var added = 0;
        foreach (var a in additions ?? []) written.Insert(a % (written.Count + 1), $"added-{added++}");
        written.Insert(placeholderAt % (written.Count + 1), Restriction.Placeholder.Value);

        var restored = (Claim)Contributor.Restore(Claim(written), stored, out var problems);

        return problems.Count == 0
            && Contributor.Apply(restored)!.Sources.Select(s => s.Value).SequenceEqual(written)
            && restored.Sources.Where(Contributor.IsHidden).SequenceEqual(stored.Sources.Where(Contributor.IsHidden));
    }

    [Property]
    public bool A_list_sent_back_as_read_is_the_stored_list(bool[] hiddenFlags)
    {
        var flags = (hiddenFlags ?? []).Take(12).Append(true).ToList();
        int hiddenCount = 0, visibleCount = 0;
        var stored = Claim(flags.Select(h => h ? $"hidden-{hiddenCount++ % 8}" : $"visible-{visibleCount++}").Distinct());

        var restored = (Claim)Contributor.Restore(Contributor.Apply(stored)!, stored, out var problems);

        return problems.Count == 0 && restored.Sources.SequenceEqual(stored.Sources);
    }

    [Fact]
    public void Removing_the_placeholder_drops_the_hidden_sources_and_one_where_none_was_hidden_is_a_problem_at_its_path()
    {
        var stored = Claim(["visible-0", "hidden-0", "visible-1", "hidden-1"]);

        var removed = (Claim)Contributor.Restore(Claim(["visible-1", "visible-0"]), stored, out var none);
        Contributor.Restore(Claim(["visible-0", "restricted"]), Claim(["visible-0", "visible-1"]), out var problems);

        Assert.Empty(none);
        Assert.Equal(["visible-1", "visible-0"], removed.Sources.Select(s => s.Value));
        Assert.Equal(["$.sources[1]"], problems.Select(p => p.Path));
        Assert.DoesNotContain(problems, p => p.Message.Contains("hidden-", StringComparison.Ordinal));
    }
}
