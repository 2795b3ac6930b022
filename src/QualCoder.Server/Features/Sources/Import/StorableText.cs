using System.Text;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// PostgreSQL text and jsonb refuse U+0000 and unpaired surrogates; a PDF's broken font or a stray byte in a
/// document can produce both. NULs go, unpaired surrogates become U+FFFD; everything else stays as it was.
/// </summary>
internal static class StorableText
{
    public static string Of(string text)
    {
        var first = FirstUnstorable(text);
        if (first < 0)
        {
            return text;
        }

        var storable = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsPairAt(text, i))
            {
                storable.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                storable.Append('\uFFFD');
            }
            else if (c != '\0')
            {
                storable.Append(c);
            }
        }

        return storable.ToString();
    }

    private static int FirstUnstorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                i++;
            }
            else if (text[i] == '\0' || char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
