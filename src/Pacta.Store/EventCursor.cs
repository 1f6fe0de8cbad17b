using System.Globalization;
using System.Text;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// The cursor of a page of events, the same in every backend: the first day and id of the last event of the page,
/// opaque to callers (base64url). Pages continue after that position in (first day, id) order.
/// </summary>
internal static class EventCursor
{
    public static string Make(int day, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{day.ToString(CultureInfo.InvariantCulture)}:{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (int Day, string Id) Parse(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day)
                && RecordId.IsValid(text[(colon + 1)..]))
                return (day, text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            // Reported below with the same message as any other unreadable cursor.
        }
        throw new InvalidCursorException($"'{cursor}' is not a cursor this server gave out; start again without one");
    }
}
