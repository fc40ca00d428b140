using System.Net;
using System.Text;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>
/// The plain-text and HTML parts of a follow-up mail written side by side, so both always say the same. Every text is
/// HTML-encoded; the HTML is paragraphs, headings, lists and links only, with inline style, as the other mails.
/// </summary>
internal sealed class MailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif\">");

    public MailBody Paragraph(string line)
    {
        _text.AppendLine(line).AppendLine();
        _html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        return this;
    }

    public MailBody Heading(string line)
    {
        _text.AppendLine(line).AppendLine(new string('-', Math.Min(line.Length, 72)));
        _html.Append("<h3>").Append(WebUtility.HtmlEncode(line)).Append("</h3>");
        return this;
    }

    /// <summary>A sentence ending in a link: <paramref name="lead"/> then the address, which the HTML makes clickable.</summary>
    public MailBody Link(string lead, string url)
    {
        _text.Append(lead).AppendLine(url).AppendLine();
        _html.Append("<p>").Append(WebUtility.HtmlEncode(lead)).Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">")
            .Append(WebUtility.HtmlEncode(url)).Append("</a></p>");
        return this;
    }

    public MailBody List(IEnumerable<string> items)
    {
        _html.Append("<ul>");
        foreach (var item in items)
        {
            _text.Append("- ").AppendLine(item);
            _html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>");
        }
        _html.Append("</ul>");
        _text.AppendLine();
        return this;
    }

    public string Text => _text.ToString().TrimEnd() + Environment.NewLine;

    public string Html => _html + "</body></html>";
}
