namespace Pacta.Store.Accounts;

/// <summary>
/// What a user of a shared store may do, each role with the rights of those before it: a viewer reads, a contributor
/// also drafts, a reviewer also publishes others' drafts, an admin also manages users (docs/accounts.md).
/// </summary>
public enum Role
{
    Viewer = 1,
    Contributor = 2,
    Reviewer = 3,
    Admin = 4,
}

public static class Roles
{
    /// <summary>Every role, lowest first.</summary>
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The role's name as written on the command line, in the store and in the API: "viewer" … "admin".</summary>
    public static string Text(this Role role) => role switch
    {
        Role.Viewer => "viewer",
        Role.Contributor => "contributor",
        Role.Reviewer => "reviewer",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    /// <summary>Whether a user of this role has the rights of <paramref name="needed"/>.</summary>
    public static bool Includes(this Role role, Role needed) => role >= needed;

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Text(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <exception cref="AccountException">The text names no role.</exception>
    public static Role Parse(string? text) =>
        TryParse(text, out var role)
            ? role
            : throw new AccountException($"'{text}' is not a role: use one of {string.Join(", ", All.Select(r => r.Text()))}");
}
