namespace Pacta.Generation;

/// <summary>
/// SplitMix64: a small generator whose sequence depends on the seed alone, so the same seed gives the same
/// bytes on every machine and every .NET version (System.Random promises neither).
/// </summary>
public sealed class SeededRandom(long seed)
{
    private ulong state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A whole number in [0, max).</summary>
    public int Next(int max) => (int)(((NextUInt64() >> 32) * (ulong)max) >> 32);

    /// <summary>A whole number in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
