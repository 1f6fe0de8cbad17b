namespace Pacta.Store;

/// <summary>
/// The store refused an operation or a file: a reference that does not resolve, a record still cited,
/// a file that is not a Pacta store. The message says what and where; <see cref="Problems"/> lists each one.
/// </summary>
public sealed class StoreException : Exception
{
    /// <summary>How many problems the message lists before it only counts the rest.</summary>
    private const int ListedInMessage = 20;

    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreException(string summary, IReadOnlyList<string> problems)
        : base(Describe(summary, problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];

    private static string Describe(string summary, IReadOnlyList<string> problems)
    {
        var listed = problems.Take(ListedInMessage).Select(p => $"{Environment.NewLine}  - {p}");
        var rest = problems.Count > ListedInMessage ? $"{Environment.NewLine}  … and {problems.Count - ListedInMessage} more" : "";
        return summary + ":" + string.Concat(listed) + rest;
    }
}
