namespace QualCoder.Server.Features.Sources.Import;

/// <summary>One line ending for every source: positions of codings are offsets into the text, so they must not depend on the platform it came from.</summary>
public static class LineEndings
{
    /// <summary>Turns \r\n and a lone \r into \n; nothing else (a form feed stays: it marks a PDF page break).</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('\r'))
        {
            return text;
        }

        // Not string.ReplaceLineEndings: it also rewrites \f, NEL and U+2028, which are the author's text.
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }
}
