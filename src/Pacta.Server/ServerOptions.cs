namespace Pacta.Server;

/// <summary>What the server serves and where. With no database path, the app reads configuration's <c>db</c>.</summary>
public sealed record ServerOptions(string? DatabasePath, string Urls)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The store a server falls back on when neither options, configuration nor $PACTA_DB name one.</summary>
    public const string DefaultDatabase = "pacta.db";

    /// <summary>Reads <c>--db FILE</c> (else $PACTA_DB, else none: configuration decides) and <c>--urls URL</c>.</summary>
    public static ServerOptions FromArguments(IReadOnlyList<string> args)
    {
        string? Value(string name)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
        }
        var db = Value("--db") ?? (Environment.GetEnvironmentVariable("PACTA_DB") is { Length: > 0 } env ? env : null);
        return new ServerOptions(db, Value("--urls") ?? DefaultUrls);
    }
}
