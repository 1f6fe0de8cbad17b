namespace Pacta.Store.Accounts;

/// <summary>User names: 1–64 ASCII letters, digits, dots, hyphens and underscores, starting with a letter or digit; unique regardless of case.</summary>
public static class UserNames
{
    public const int MaximumLength = 64;

    /// <summary>Why the text cannot be a user name, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "a user name is empty";
        if (name.Length > MaximumLength) return $"the user name is too long: at most {MaximumLength} characters";
        if (!char.IsAsciiLetterOrDigit(name[0])) return $"'{name}' is not a user name: it must start with a letter or a digit";
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                return $"'{name}' is not a user name: only letters, digits, '.', '-' and '_' are allowed (U+{(int)c:X4} is not)";
        }
        return null;
    }
}
