namespace Pacta.Store.Accounts;

/// <summary>
/// An account operation was refused for a reason its message gives (a name taken, a password too short, a token
/// already revoked), and nothing was written.
/// </summary>
public sealed class AccountException : Exception
{
    public AccountException()
    {
    }

    public AccountException(string message)
        : base(message)
    {
    }

    public AccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
