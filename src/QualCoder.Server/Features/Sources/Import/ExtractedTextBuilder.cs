using System.Text;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Collects the text of a structured document (docx, odt, html) as lines. Formats differ in what they call a
/// paragraph; they agree on this layout: one paragraph per line, table cells separated by a tab and rows by a
/// line, and everything inside a cell on one line (its paragraphs and breaks become spaces) so that a row stays a
/// row. Collapsible white space (html, odt) is held back as a pending space and written only before more text on
/// the same line, as a browser does.
/// </summary>
internal sealed class ExtractedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly Stack<int> _cellsInOpenRows = new();
    private int _openCells;
    private bool _pendingSpace;

    private bool InCell => _openCells > 0;

    private bool AtLineStart => _text.Length == 0 || _text[^1] == '\n';

    /// <summary>Text kept exactly as written (docx runs, html inside pre).</summary>
    public void Text(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        FlushPendingSpace();
        _text.Append(text);
    }

    /// <summary>Text whose runs of white space collapse to one space, and vanish at the start and end of a line.</summary>
    public void CollapsibleText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pendingSpace = true;
            }
            else
            {
                FlushPendingSpace();
                _text.Append(c);
            }
        }
    }

    /// <summary>Spaces the author typed on purpose (odt's text:s); they do not collapse.</summary>
    public void Spaces(int count)
    {
        FlushPendingSpace();
        _text.Append(' ', count);
    }

    public void Tab() => Separate('\t');

    /// <summary>A break the author typed inside a paragraph (docx w:br, odt text:line-break, html br).</summary>
    public void LineBreak() => Separate('\n');

    /// <summary>A paragraph ends: the next one starts a line, so an empty paragraph is an empty line.</summary>
    public void EndParagraph() => Separate('\n');

    /// <summary>A block boundary (html): starts a new line unless one was just started; never makes an empty line.</summary>
    public void EndBlock()
    {
        if (InCell)
        {
            _pendingSpace = true;
            return;
        }

        _pendingSpace = false;
        if (!AtLineStart)
        {
            _text.Append('\n');
        }
    }

    public void StartRow()
    {
        EndBlock();
        _cellsInOpenRows.Push(0);
    }

    public void StartCell()
    {
        if (_cellsInOpenRows.TryPop(out var cellsBefore))
        {
            _cellsInOpenRows.Push(cellsBefore + 1);
            if (cellsBefore > 0)
            {
                Tab();
            }
        }

        _openCells++;
    }

    public void EndCell()
    {
        _openCells = Math.Max(0, _openCells - 1);
        _pendingSpace = false;
    }

    public void EndRow()
    {
        _cellsInOpenRows.TryPop(out _);
        EndBlock();
    }

    public override string ToString() => _text.ToString();

    private void Separate(char separator)
    {
        if (InCell)
        {
            _pendingSpace = true;
            return;
        }

        _pendingSpace = false;
        _text.Append(separator);
    }

    private void FlushPendingSpace()
    {
        if (_pendingSpace && !AtLineStart && _text[^1] is not (' ' or '\t'))
        {
            _text.Append(' ');
        }

        _pendingSpace = false;
    }
}
