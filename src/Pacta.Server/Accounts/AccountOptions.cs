namespace Pacta.Server.Accounts;

/// <summary>Limits of sign-in and of requests, from configuration's <c>Accounts</c> section (<c>Accounts:LoginAttemptsPerName</c> …).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Sign-in attempts one user name may get in a <see cref="LoginWindow"/>, from anywhere.</summary>
    public int LoginAttemptsPerName { get; set; } = 5;

    /// <summary>Sign-in attempts one client address may make in a <see cref="LoginWindow"/>, whatever the names: more than per name, for an office behind one address.</summary>
    public int LoginAttemptsPerClient { get; set; } = 20;

    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body accepted: a sign-in form is a few hundred bytes and the API reads no bodies yet.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a sign-in lasts without a request; each request renews it.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
