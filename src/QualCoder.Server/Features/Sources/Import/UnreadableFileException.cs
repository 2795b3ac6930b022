namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Thrown by a reader that knows why it cannot read a file; <see cref="SourceFileReader"/> turns it into an
/// UNSUPPORTED_TYPE refusal. It never leaves the module.
/// </summary>
/// <param name="reason">Completes a sentence that starts with the file's name: "is not UTF-8 text; save it as UTF-8."</param>
internal sealed class UnreadableFileException(string reason) : Exception(reason);
