using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pacta.Model;

namespace Pacta.Store.Sqlite;

/// <summary>
/// What a long import can know without asking the store: which dataset keys and record ids are surely not in it. A
/// Bloom filter of fixed size (8 MB): every key and id the store holds is added once, and every one the import writes
/// as it goes. "Not added" is certain; "maybe added" is only a hint (about three in a thousand at 5,000,000 entries, one
/// in twenty at 10,000,000), for which the store is asked as before. A first import of a file then looks up almost nothing.
/// The filter is blocked: all the bits of one key lie in one block of 64 bytes, a line of the processor's cache, so that
/// adding or asking costs one read from memory rather than one per bit (the import does both for every row it writes).
/// </summary>
internal sealed class AbsentKeys
{
    private const int Bits = 1 << 26;
    private const int BlockWords = 8;
    private const int BlockBits = BlockWords * 64;
    private const int Probes = 6;

    /// <summary>Pinned, so that <see cref="first"/> stays the first word of a cache line.</summary>
    private readonly ulong[] words = GC.AllocateArray<ulong>(Bits / 64 + BlockWords, pinned: true);
    private readonly int first;

    public unsafe AbsentKeys()
    {
        var address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(words));
        first = (int)((BlockBits / 8 - address % (BlockBits / 8)) % (BlockBits / 8) / sizeof(ulong));
    }

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
        var (block, probes) = Locate(hash);
        for (var i = 0; i < Probes; i++, probes >>= 9)
        {
            var bit = (int)(probes & (BlockBits - 1));
            words[block + (bit >> 6)] |= 1UL << (bit & 63);
        }
    }

    /// <summary>False when the key or id of this hash was surely never added.</summary>
    public bool MayHave(ulong hash)
    {
        var (block, probes) = Locate(hash);
        for (var i = 0; i < Probes; i++, probes >>= 9)
        {
            var bit = (int)(probes & (BlockBits - 1));
            if ((words[block + (bit >> 6)] & (1UL << (bit & 63))) == 0) return false;
        }
        return true;
    }

    /// <summary>
    /// The block of a hash (its top 17 bits: 2^17 blocks of 512 bits) and the bits within it, nine bits each from the
    /// top of the hash times an odd constant, which mixes in every bit of the hash: so the bits do not repeat the block's.
    /// </summary>
    private (int Block, ulong Probes) Locate(ulong hash) =>
        (first + (int)(hash >> 47) * BlockWords, hash * 0x9E3779B97F4A7C15UL >> (64 - 9 * Probes));

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
