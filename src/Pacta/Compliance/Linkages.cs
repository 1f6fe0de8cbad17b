using Pacta.Model;

namespace Pacta.Compliance;

/// <summary>Checks on how obligations depend on one another.</summary>
public static class Linkages
{
    /// <summary>
    /// Every cycle of conditions (A conditional on B conditional on A), each as the ids along it, starting from
    /// its smallest id. Such obligations can never all be met; derivation does not loop on them, but they want a warning.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<RecordId>> Cycles(IEnumerable<Obligation> obligations)
    {
        var conditions = obligations.ToDictionary(
            o => o.Id,
            o => o.Linkage.Where(l => l.Type == LinkageType.ConditionalOn).Select(l => l.Obligation).ToList());
        var done = new HashSet<RecordId>();
        var path = new List<RecordId>();
        var onPath = new HashSet<RecordId>();
        var cycles = new List<IReadOnlyList<RecordId>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Visit(RecordId id)
        {
            if (done.Contains(id)) return;
            if (onPath.Contains(id))
            {
                var cycle = path.Skip(path.IndexOf(id)).ToList();
                var start = cycle.IndexOf(cycle.MinBy(c => c.Value, StringComparer.Ordinal)!);
                List<RecordId> rotated = [.. cycle.Skip(start), .. cycle.Take(start)];
                if (seen.Add(string.Join(' ', rotated.Select(r => r.Value)))) cycles.Add(rotated);
                return;
            }
            path.Add(id);
            onPath.Add(id);
            foreach (var condition in conditions.GetValueOrDefault(id) ?? []) Visit(condition);
            onPath.Remove(id);
            path.RemoveAt(path.Count - 1);
            done.Add(id);
        }

        foreach (var id in conditions.Keys.OrderBy(k => k.Value, StringComparer.Ordinal)) Visit(id);
        return cycles;
    }
}
