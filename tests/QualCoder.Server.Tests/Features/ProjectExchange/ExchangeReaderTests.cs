using System.Text;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.ProjectExchange;
using static QualCoder.Server.Tests.Features.ProjectExchange.ExportFiles;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

public class ExchangeReaderTests
{
    private static async Task<(DomainError? Error, ExchangeHeader? Header)> Verify(string file, int chunk = 4096)
    {
        using var stream = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes(file)), chunk);
        return await ExchangeReader.VerifyAsync(stream, Treatments, CancellationToken.None);
    }

    private static async Task Refused(string file, string reason)
    {
        var (error, header) = await Verify(file);
        Assert.Null(header);
        Assert.Equal($"PROJECT_NOT_IMPORTED/{reason}", error?.Code);
        Assert.Equal(ErrorKind.Invalid, error!.Kind);
    }

    [Fact]
    public async Task a_sealed_export_is_read_with_its_header()
    {
        var (error, header) = await Verify(Valid());

        Assert.Null(error);
        Assert.Equal(ProjectId, header!.ProjectId);
        Assert.Equal("Interviews", header.ProjectName);
        Assert.Equal(Exporter, header.ExportedBy);
        Assert.Equal(2, header.EventCount);
    }

    [Fact]
    public async Task lines_longer_than_the_reader_buffer_are_read_whole()
    {
        var longEvent = Event(2, "code_created").Replace("event 2", new string('x', 100_000), StringComparison.Ordinal);

        var (error, _) = await Verify(Sealed(Header(2), Event(1, "project_created"), longEvent), chunk: 16);

        Assert.Null(error);
    }

    [Fact]
    public async Task a_changed_character_breaks_the_checksum() =>
        await Refused(Valid().Replace("event 2", "event 3", StringComparison.Ordinal), "CHECKSUM_MISMATCH");

    [Fact]
    public async Task a_changed_checksum_is_refused() =>
        await Refused(Valid().Replace("sha256:", "sha256:0", StringComparison.Ordinal), "CHECKSUM_MISMATCH");

    [Fact]
    public async Task a_file_cut_off_before_its_checksum_is_truncated()
    {
        var file = Valid();
        await Refused(file[..file.LastIndexOf("{\"checksum\"", StringComparison.Ordinal)], "TRUNCATED");
    }

    [Fact]
    public async Task a_missing_event_is_a_count_mismatch_even_with_a_matching_checksum() =>
        await Refused(Sealed(Header(3), Event(1, "project_created"), Event(2, "code_created")), "COUNT_MISMATCH");

    [Fact]
    public async Task the_trailer_must_repeat_the_count() =>
        await Refused(Sealed([Header(2), Event(1, "project_created"), Event(2, "code_created")], trailerCount: 1), "COUNT_MISMATCH");

    [Fact]
    public async Task a_newer_format_version_is_refused() =>
        await Refused(Sealed(Header(1, version: ExchangeFile.Version + 1), Event(1, "project_created")), "UNSUPPORTED_VERSION");

    [Fact]
    public async Task another_format_is_not_an_export() =>
        await Refused(Sealed(Header(1, format: "something-else"), Event(1, "project_created")), "NOT_AN_EXPORT");

    [Fact]
    public async Task an_unknown_event_type_is_refused() =>
        await Refused(Sealed(Header(2), Event(1, "project_created"), Event(2, "hologram_added")), "UNKNOWN_EVENT_TYPE");

    [Fact]
    public async Task an_event_of_another_project_is_refused() =>
        await Refused(Sealed(Header(2), Event(1, "project_created"), Event(2, "code_created", Guid.CreateVersion7())), "FOREIGN_EVENT");

    [Fact]
    public async Task the_project_must_be_created_first_and_only_once()
    {
        await Refused(Sealed(Header(2), Event(1, "code_created"), Event(2, "project_created")), "NOT_CREATED_FIRST");
        await Refused(Sealed(Header(2), Event(1, "project_created"), Event(2, "project_created")), "NOT_CREATED_FIRST");
    }

    [Fact]
    public async Task a_deleted_project_is_refused() =>
        await Refused(Sealed(Header(2), Event(1, "project_created"), Event(2, "project_deleted")), "DELETED_PROJECT");

    [Fact]
    public async Task a_line_that_is_not_json_is_malformed() =>
        await Refused(Sealed(Header(2), Event(1, "project_created"), "{not json"), "MALFORMED_LINE");

    [Fact]
    public async Task an_event_missing_a_field_is_malformed() =>
        await Refused(Sealed(Header(2), Event(1, "project_created"), Event(2, "code_created").Replace("\"streamId\"", "\"stream\"", StringComparison.Ordinal)), "MALFORMED_LINE");

    [Fact]
    public async Task nothing_may_follow_the_checksum_line() => await Refused(Valid() + Event(3, "code_created") + "\n", "TRAILING_DATA");

    [Fact]
    public async Task an_empty_file_is_refused() => await Refused("", "EMPTY");

    [Fact]
    public void the_checksum_is_the_sha256_of_the_bytes_in_lowercase_hex()
    {
        using var checksum = new ExchangeFile.Checksum();
        checksum.Add("abc"u8);

        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", checksum.Finish());
    }

    [Theory]
    [InlineData("Interviews 2024", "Interviews 2024.qcproj.jsonl")]
    [InlineData("a/b:c*?", "a_b_c__.qcproj.jsonl")]
    [InlineData("...", "project.qcproj.jsonl")]
    public void the_file_is_named_after_the_project(string name, string fileName) => Assert.Equal(fileName, ExchangeFile.FileNameFor(name));
}
