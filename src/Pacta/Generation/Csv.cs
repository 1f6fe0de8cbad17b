namespace Pacta.Generation;

/// <summary>
/// Writes CSV as RFC 4180 has it: records end with CRLF; a field holding a comma, a double quote, CR or LF is
/// enclosed in double quotes, and each double quote inside it is doubled. Other fields are written as they are.
/// </summary>
public static class Csv
{
    public static void WriteRecord(TextWriter output, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) output.Write(',');
            WriteField(output, fields[i]);
        }
        output.Write("\r\n");
    }

    public static void WriteField(TextWriter output, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            output.Write(field);
            return;
        }
        output.Write('"');
        var rest = field.AsSpan();
        int quote;
        while ((quote = rest.IndexOf('"')) >= 0)
        {
            output.Write(rest[..(quote + 1)]);
            output.Write('"');
            rest = rest[(quote + 1)..];
        }
        output.Write(rest);
        output.Write('"');
    }
}
