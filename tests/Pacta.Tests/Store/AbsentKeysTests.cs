using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Tests.Store;

/// <summary>The import's filter of keys and ids: never wrong about what was added, rarely unsure about what was not.</summary>
public sealed class AbsentKeysTests
{
    [Fact]
    public void Everything_added_may_be_there_and_little_that_was_not_seems_to_be()
    {
        var filter = new AbsentKeys();
        const int added = 1_000_000;
        for (var i = 0; i < added; i++)
        {
            filter.AddKey(EventDataset.Acled, $"AZE{i}");
            filter.AddId($"acled-aze{i}");
        }

        for (var i = 0; i < added; i++)
        {
            Assert.True(filter.MayHaveKey(EventDataset.Acled, $"AZE{i}"), $"AZE{i}");
            Assert.True(filter.MayHaveId($"acled-aze{i}"), $"acled-aze{i}");
        }
        // Keys of another dataset, and ids nothing added: at two million entries in 2^26 bits, fewer than one in ten thousand seem present.
        var unsure = Enumerable.Range(0, 100_000).Count(i => filter.MayHaveKey(EventDataset.Ucdp, $"AZE{i}") || filter.MayHaveId($"ucdp-{i}"));
        Assert.InRange(unsure, 0, 100);
    }
}
