using System.Text;
using System.Text.Unicode;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace QualCoder.Server.Features.Sources.Import;

// AngleSharp, not HtmlAgilityPack: it parses by the HTML standard as browsers do (broken markup lands where a browser puts it) and decodes all entities and charsets itself.
/// <summary>Reads the text a browser would show: no scripts, styles or comments; blocks as lines; white space collapsed.</summary>
internal static class HtmlTextReader
{
    // Never shown: metadata, code, and fallbacks for what a browser does show.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "head", "title", "script", "style", "noscript", "template", "iframe", "noframes", "object", "embed",
        "select", "datalist", "textarea", "input", "button", "svg", "canvas", "audio", "video", "map",
    };

    // Laid out as blocks by a browser's default style sheet: each starts and ends a line.
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext",
        "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "ul", "xmp",
    };

    // Their white space is kept as written.
    private static readonly HashSet<string> Preformatted = new(StringComparer.Ordinal) { "pre", "listing", "plaintext", "xmp" };

    public static string Read(byte[] content)
    {
        using var document = Parse(content);
        return document.DocumentElement is { } root ? new TreeWalker().Walk(root) : "";
    }

    /// <summary>
    /// Valid UTF-8 is read as UTF-8 whatever the page declares (the declaration is then almost surely a leftover).
    /// Other bytes are decoded by byte order mark or declared charset, and bytes that name no charset are read as
    /// windows-1252, the fallback browsers use for old Western pages, rather than as U+FFFD replacements.
    /// </summary>
    private static IDocument Parse(byte[] content)
    {
        var parser = new HtmlParser();
        if (Utf8.IsValid(content))
        {
            // From a string: AngleSharp decodes a stream several times slower than .NET does.
            var withoutBom = content.AsSpan(content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0);
            return parser.ParseDocument(Encoding.UTF8.GetString(withoutBom));
        }

        var document = parser.ParseDocument(new MemoryStream(content, writable: false));
        if (!string.Equals(document.CharacterSet, "UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            return document;
        }

        document.Dispose();
        return parser.ParseDocument(TextEncoding.Windows1252.GetString(content));
    }

    /// <summary>
    /// Walks the tree with a stack of its own rather than by recursion, so that a page of 100,000 nested elements
    /// cannot exhaust the thread's stack; children are taken by index because AngleSharp's NextSibling searches
    /// its parent's children, which makes a long page quadratic.
    /// </summary>
    private sealed class TreeWalker
    {
        private readonly ExtractedTextBuilder _text = new();
        private int _openPreformatted;

        public string Walk(INode root)
        {
            var open = new Stack<(INode Node, int NextChild)>();
            open.Push((root, 0));
            while (open.TryPop(out var top))
            {
                var children = top.Node.ChildNodes;
                if (top.NextChild < children.Length)
                {
                    open.Push((top.Node, top.NextChild + 1));
                    var child = children[top.NextChild];
                    if (Enter(child))
                    {
                        open.Push((child, 0));
                    }
                }
                else if (top.Node != root)
                {
                    Leave(top.Node);
                }
            }

            return _text.ToString();
        }

        /// <summary>Writes what a node starts with; false for a node whose content is not shown (nor left).</summary>
        private bool Enter(INode node)
        {
            switch (node)
            {
                case IText text when _openPreformatted > 0:
                    _text.Text(text.Data);
                    return false;
                case IText text:
                    _text.CollapsibleText(text.Data);
                    return false;
                case IElement element when Hidden.Contains(element.LocalName) || element.HasAttribute("hidden"):
                    return false;
                case IElement element:
                    Start(element.LocalName);
                    return true;
                default:
                    return false;
            }
        }

        private void Leave(INode node)
        {
            if (node is IElement element)
            {
                End(element.LocalName);
            }
        }

        private void Start(string name)
        {
            switch (name)
            {
                case "br":
                    _text.LineBreak();
                    break;
                case "tr":
                    _text.StartRow();
                    break;
                case "td" or "th":
                    _text.StartCell();
                    break;
                default:
                    if (Blocks.Contains(name))
                    {
                        _text.EndBlock();
                    }

                    break;
            }

            if (Preformatted.Contains(name))
            {
                _openPreformatted++;
            }
        }

        private void End(string name)
        {
            switch (name)
            {
                case "tr":
                    _text.EndRow();
                    break;
                case "td" or "th":
                    _text.EndCell();
                    break;
                default:
                    if (Blocks.Contains(name))
                    {
                        _text.EndBlock();
                    }

                    break;
            }

            if (Preformatted.Contains(name))
            {
                _openPreformatted--;
            }
        }
    }
}
