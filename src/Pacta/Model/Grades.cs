using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>Reliability of a source on the Admiralty (NATO) scale, graded apart from what it says.</summary>
public enum Reliability
{
    /// <summary>Completely reliable.</summary>
    [JsonStringEnumMemberName("A")]
    A,
    /// <summary>Usually reliable.</summary>
    [JsonStringEnumMemberName("B")]
    B,
    /// <summary>Fairly reliable.</summary>
    [JsonStringEnumMemberName("C")]
    C,
    /// <summary>Not usually reliable.</summary>
    [JsonStringEnumMemberName("D")]
    D,
    /// <summary>Unreliable.</summary>
    [JsonStringEnumMemberName("E")]
    E,
    /// <summary>Reliability cannot be judged.</summary>
    [JsonStringEnumMemberName("F")]
    F,
}

/// <summary>Credibility of a piece of information on the Admiralty scale: 1 confirmed … 6 cannot be judged.</summary>
public sealed record Credibility
{
    public Credibility(int value)
    {
        if (value is < 1 or > 6)
            throw new ArgumentOutOfRangeException(nameof(value), value, "credibility is graded 1 (confirmed) to 6 (cannot be judged)");
        Value = value;
    }

    public int Value { get; }

    [JsonIgnore]
    public string Meaning => Value switch
    {
        1 => "confirmed by other sources",
        2 => "probably true",
        3 => "possibly true",
        4 => "doubtful",
        5 => "improbable",
        _ => "truth cannot be judged",
    };

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Peace Accords Matrix implementation score: 0 not started, 1 minimal, 2 intermediate, 3 full.</summary>
public sealed record PamScore
{
    public const int Full = 3;

    public PamScore(int value)
    {
        if (value is < 0 or > Full)
            throw new ArgumentOutOfRangeException(nameof(value), value, "a PAM score is 0 (not started), 1 (minimal), 2 (intermediate) or 3 (full)");
        Value = value;
    }

    public int Value { get; }

    [JsonIgnore]
    public string Meaning => Value switch
    {
        0 => "not started",
        1 => "minimal",
        2 => "intermediate",
        _ => "full",
    };

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
