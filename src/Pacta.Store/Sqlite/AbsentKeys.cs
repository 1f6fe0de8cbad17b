using Pacta.Model;

namespace Pacta.Store.Sqlite;

/// <summary>
/// What a long import can know without asking the store: which dataset keys and record ids are surely not in it. A
/// Bloom filter of fixed size (8 MB): every key and id the store holds is added once, and every one the import writes
/// as it goes. "Not added" is certain; "maybe added" is only a hint (one in a thousand or so at 5,000,000 entries), for
/// which the store is asked as before. A first import of a file then looks up almost nothing.
/// </summary>
internal sealed class AbsentKeys
{
    private const int Bits = 1 << 26;
    private const int Probes = 4;
    private readonly ulong[] words = new ulong[Bits / 64];

    /// <summary>A filter holding every origin key and every record and obligation id of the store.</summary>
    public static AbsentKeys Of(StoreConnection db)
    {
        var filter = new AbsentKeys();
        foreach (var (dataset, key) in db.Query("SELECT dataset, key FROM event_origin", r => (r.GetString(0), r.GetString(1))))
            filter.AddKey(Enum.Parse<EventDataset>(dataset, ignoreCase: true), key);
        foreach (var id in db.Query("SELECT id FROM record UNION ALL SELECT id FROM obligation", r => r.GetString(0)))
            filter.AddId(id);
        return filter;
    }

    public void AddKey(EventDataset dataset, string key) => Add(KeyHash(dataset, key));

    public void AddId(string id) => Add(IdHash(id));

    /// <summary>False when the key was surely never added.</summary>
    public bool MayHaveKey(EventDataset dataset, string key) => MayHave(KeyHash(dataset, key));

    /// <summary>False when the id was surely never added.</summary>
    public bool MayHaveId(string id) => MayHave(IdHash(id));

    /// <summary>A dataset key's hash, which a thread other than the import's may work out beforehand (<see cref="EventRowValues"/>).</summary>
    public static ulong KeyHash(EventDataset dataset, string key) => Hash(key, (ulong)dataset + 1);

    /// <summary>A record id's hash, which a thread other than the import's may work out beforehand.</summary>
    public static ulong IdHash(string id) => Hash(id, 0);

    /// <summary>Adds a key or id by its hash (<see cref="KeyHash"/>, <see cref="IdHash"/>).</summary>
    public void Add(ulong hash)
    {
        var (first, step) = Split(hash);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (first + (uint)i * step) & (Bits - 1);
            words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>False when the key or id of this hash was surely never added.</summary>
    public bool MayHave(ulong hash)
    {
        var (first, step) = Split(hash);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (first + (uint)i * step) & (Bits - 1);
            if ((words[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    /// <summary>Two probe positions from one 64-bit hash (double hashing); the step is odd, so the probes differ.</summary>
    private static (uint First, uint Step) Split(ulong hash) => ((uint)hash, (uint)(hash >> 32) | 1);

    /// <summary>FNV-1a over the text's UTF-16 code units, seeded by what kind of text it is, then mixed (SplitMix64's finaliser).</summary>
    private static ulong Hash(string text, ulong seed)
    {
        var hash = 14695981039346656037UL ^ (seed * 0x9E3779B97F4A7C15UL);
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
