using System.Text;

namespace Pacta.Tests.Generation;

/// <summary>
/// A small RFC 4180 reader written for the tests, independent of the writer: records end with CRLF (or LF);
/// a quoted field may hold commas, doubled quotes and line breaks; a quote inside an unquoted field is an error.
/// </summary>
internal static class CsvReader
{
    public static IEnumerable<List<string>> Records(TextReader reader)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append((char)c);
                continue;
            }
            switch (c)
            {
                case '"':
                    if (field.Length > 0 || wasQuoted) throw new FormatException($"a quote inside an unquoted field after '{field}'");
                    quoted = wasQuoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    if (reader.Peek() != '\n') throw new FormatException("a lone CR outside quotes");
                    break;
                case '\n':
                    record.Add(field.ToString());
                    yield return record;
                    record = [];
                    field.Clear();
                    wasQuoted = any = false;
                    break;
                default:
                    if (wasQuoted) throw new FormatException("text after a closing quote");
                    field.Append((char)c);
                    break;
            }
        }
        if (quoted) throw new FormatException("the file ends inside a quoted field");
        if (any)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }

    public static List<List<string>> Parse(string text) => Records(new StringReader(text)).ToList();
}
