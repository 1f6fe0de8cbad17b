using System.Globalization;
using System.Text;

namespace Pacta.Places;

/// <summary>
/// The form in which place names are compared when searching: "Şuşa", "SUSA" and "susa" fold alike, as do
/// "Xankəndi" and "Xankendi". Letters of other scripts (Armenian, Cyrillic …) keep their script, in lower case.
/// </summary>
public static class NameFolding
{
    private static readonly bool NormalisationWorks = "\u00E9".Normalize(NormalizationForm.FormKD) == "e\u0301";

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireNormalisation();
        // NFKD splits an accented letter into its base letter and combining marks, and a compatibility
        // form (ﬁ, ², full-width Ａ) into its plain letters; dropping the marks leaves the base letters.
        var decomposed = WellFormed(text).Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                continue;
            var lower = Rune.ToLowerInvariant(rune);
            folded.Append(lower.Value switch
            {
                // Letters that carry their difference in the letter itself, not in a mark, so NFKD keeps them.
                'ə' => "e",
                'ı' => "i",
                'ł' => "l",
                'ø' => "o",
                'đ' => "d",
                'ß' => "ss",
                _ => lower.ToString(),
            });
        }
        return folded.ToString();
    }

    /// <summary>Replaces what normalisation refuses (lone surrogates, the noncharacter U+FFFE) with U+FFFD.</summary>
    private static string WellFormed(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && !text.Contains('\uFFFE', StringComparison.Ordinal)) return text;
        var repaired = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
            repaired.Append((rune.Value == 0xFFFE ? Rune.ReplacementChar : rune).ToString());
        return repaired.ToString();
    }

    /// <summary>
    /// With globalization-invariant mode on, .NET leaves non-ASCII text unnormalised without saying so, and
    /// every search for "Susa" would silently miss "Şuşa". Better to fail loudly.
    /// </summary>
    private static void RequireNormalisation()
    {
        if (!NormalisationWorks)
        {
            throw new InvalidOperationException(
                "Unicode normalisation is unavailable: the application runs in globalization-invariant mode or without ICU (libicu); place names cannot be folded for search.");
        }
    }
}
