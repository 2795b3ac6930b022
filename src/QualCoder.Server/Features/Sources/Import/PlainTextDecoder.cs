using System.Text;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Decodes .txt and .md files. A byte order mark names the encoding (UTF-8, UTF-16 LE or BE); without one the
/// bytes must be valid UTF-8. We do not guess legacy code pages: a wrong guess silently garbles an interview,
/// while a refusal tells the researcher exactly what to do.
/// </summary>
internal static class PlainTextDecoder
{
    // Above this share of control characters a "text" file is data; ANSI-coloured logs stay well below it.
    private const double MaxControlCharacterShare = 0.10;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private const string Binary = "looks like a binary file, not text; upload a .txt or .md file that holds text.";

    public static string Decode(byte[] content)
    {
        var text = content switch
        {
            [0xEF, 0xBB, 0xBF, ..] => DecodeOrRefuse(StrictUtf8, content.AsSpan(3), "is not valid UTF-8 text although it says so; save it as UTF-8 again."),
            [0xFF, 0xFE, ..] => DecodeOrRefuse(StrictUtf16Le, content.AsSpan(2), "is not valid UTF-16 text although it says so; save it as UTF-8."),
            [0xFE, 0xFF, ..] => DecodeOrRefuse(StrictUtf16Be, content.AsSpan(2), "is not valid UTF-16 text although it says so; save it as UTF-8."),
            // Binary data is rarely valid UTF-8, so look for its NUL bytes first: "binary" is the better answer.
            _ when content.AsSpan().Contains((byte)0) => throw new UnreadableFileException(Binary),
            _ => DecodeOrRefuse(StrictUtf8, content, "is not UTF-8 text; save it as UTF-8 and upload it again."),
        };

        return LooksBinary(text) ? throw new UnreadableFileException(Binary) : text;
    }

    private static string DecodeOrRefuse(Encoding encoding, ReadOnlySpan<byte> bytes, string reason)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableFileException(reason);
        }
    }

    private static bool LooksBinary(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                controls++;
            }
        }

        return controls > text.Length * MaxControlCharacterShare;
    }
}
