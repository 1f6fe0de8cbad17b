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

/// <summary>A right that is not simply "this role or above": held as <see cref="Permissions"/> lists it.</summary>
public enum Permission
{
    /// <summary>Read records and fields marked restricted ("read-restricted").</summary>
    ReadRestricted,

    /// <summary>Set or lift a restriction marking on a record ("mark-restricted").</summary>
    MarkRestricted,
}

/// <summary>Which role holds which permission: the one table of them (docs/accounts.md).</summary>
public static class Permissions
{
    private static readonly IReadOnlyDictionary<Role, IReadOnlySet<Permission>> Table = new Dictionary<Role, IReadOnlySet<Permission>>
    {
        [Role.Viewer] = new HashSet<Permission>(),
        [Role.Contributor] = new HashSet<Permission>(),
        [Role.Reviewer] = new HashSet<Permission> { Permission.ReadRestricted, Permission.MarkRestricted },
        [Role.Admin] = new HashSet<Permission> { Permission.ReadRestricted, Permission.MarkRestricted },
    };

    /// <summary>Whether a user of this role (null: no one signed in) holds the permission.</summary>
    public static bool Holds(this Role? role, Permission permission) => role is { } r && Table[r].Contains(permission);

    public static string Text(this Permission permission) => permission switch
    {
        Permission.ReadRestricted => "read-restricted",
        Permission.MarkRestricted => "mark-restricted",
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "not a permission"),
    };

    /// <summary>Who reads, for a user of this role (null: anonymous).</summary>
    public static Pacta.Restrictions.Audience AudienceOf(Role? role) =>
        role is { } r ? new(r.Text(), role.Holds(Permission.ReadRestricted)) : Pacta.Restrictions.Audience.Public;
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
