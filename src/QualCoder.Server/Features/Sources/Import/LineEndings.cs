namespace QualCoder.Server.Features.Sources.Import;

/// <summary>Every stored text uses \n alone: offsets then mean the same on every client, whatever the file came from.</summary>
public static class LineEndings
{
    /// <summary>\r\n and a lone \r become \n; nothing else changes.</summary>
    public static string Normalise(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
