using System.IO.Compression;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Refuses a zip (docx, odt) that would unpack to far more than it weighs before anything decompresses it: a
/// few hundred kilobytes can claim gigabytes. The sizes checked are the ones the zip declares; what is then read
/// is held to them by <see cref="BoundedReadStream"/> (odt) and by the Open XML SDK's part size limit (docx).
/// </summary>
internal static class ZipBombGuard
{
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;
    public const int MaxEntries = 10_000;

    // Text and XML rarely compress better than 100:1 (Apache POI refuses the same ratio); below a megabyte the
    // ratio is harmless and small repetitive parts (styles, settings) may exceed it.
    public const long MaxCompressionRatio = 100;
    private const long RatioCheckedFromBytes = 1024 * 1024;

    private const string TooLarge =
        "is too large when unpacked (more than 200 MB, more than 10,000 parts, or compressed far more than a document can be); it is refused as a possible zip bomb.";

    /// <summary>Throws <see cref="UnreadableFileException"/> when the zip would unpack to too much.</summary>
    public static void Check(byte[] content)
    {
        using var archive = Open(content);
    }

    /// <summary>Opens the zip for reading once <see cref="Check(byte[])"/> would pass.</summary>
    public static ZipArchive Open(byte[] content)
    {
        var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        try
        {
            CheckEntries(archive);
            return archive;
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static void CheckEntries(ZipArchive archive)
    {
        if (archive.Entries.Count > MaxEntries)
        {
            throw new UnreadableFileException(TooLarge);
        }

        long unpacked = 0;
        foreach (var entry in archive.Entries)
        {
            unpacked += entry.Length;
            if (entry.Length < 0 || unpacked > MaxUnpackedBytes || IsCompressedTooFar(entry))
            {
                throw new UnreadableFileException(TooLarge);
            }
        }
    }

    private static bool IsCompressedTooFar(ZipArchiveEntry entry) =>
        entry.Length >= RatioCheckedFromBytes && entry.Length / Math.Max(1, entry.CompressedLength) > MaxCompressionRatio;
}
