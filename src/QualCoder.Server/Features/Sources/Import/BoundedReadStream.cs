namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Reads at most a set number of bytes from an inner stream and throws beyond them, so that a zip entry that
/// lies about its size cannot unpack to more than <see cref="ZipBombGuard"/> allowed.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, string reason) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _read += read;
        return _read > maxBytes ? throw new UnreadableFileException(reason) : read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
