using System.Text;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Sources.Import;

namespace QualCoder.Server.Tests.Features.Sources.Import;

internal static class ImportAssert
{
    public const string UnsupportedType = "SOURCE_NOT_ADDED/UNSUPPORTED_TYPE";
    public const string EmptyContent = "SOURCE_NOT_ADDED/EMPTY_CONTENT";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Reads the file and answers its text, failing the test when it was refused.</summary>
    public static string ReadText(string fileName, byte[] content, string format)
    {
        var read = SourceFileReader.Read(fileName, content);

        Assert.Null(read.Error);
        Assert.Equal(format, read.Format);
        return read.Text;
    }

    /// <summary>Reads the file and answers the refusal's message, failing the test when it was read.</summary>
    public static string Refused(string fileName, byte[] content, string code)
    {
        var read = SourceFileReader.Read(fileName, content);

        Assert.NotNull(read.Error);
        Assert.Equal(code, read.Error.Code);
        Assert.Equal(ErrorKind.Invalid, read.Error.Kind);
        Assert.Equal("", read.Text);
        return read.Error.Message;
    }
}
