using System.Text;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Presentation;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>One block of a follow-up mail's body: a paragraph, a heading, a sentence ending in a link, or a list.</summary>
public abstract record MailBlock
{
    public sealed record Paragraph(string Text) : MailBlock;

    public sealed record Heading(string Text) : MailBlock;

    /// <summary>A sentence ending in a link: <paramref name="Lead"/> then the address, which the HTML makes clickable.</summary>
    public sealed record Link(string Lead, string Url) : MailBlock;

    public sealed record List(IReadOnlyList<string> Items) : MailBlock;
}

/// <summary>
/// The body of a follow-up mail as blocks, in the recipient's language: the HTML part is <see cref="FollowUpMailBody"/>
/// rendered from them, the plain-text part is written from the same blocks, so both always say the same.
/// </summary>
internal sealed class MailBody(Language language, string title)
{
    private readonly List<MailBlock> _blocks = [];

    public MailBody Paragraph(string line) => Add(new MailBlock.Paragraph(line));

    public MailBody Heading(string line) => Add(new MailBlock.Heading(line));

    public MailBody Link(string lead, string url) => Add(new MailBlock.Link(lead, url));

    public MailBody List(IEnumerable<string> items) => Add(new MailBlock.List(items.ToList()));

    private MailBody Add(MailBlock block)
    {
        _blocks.Add(block);
        return this;
    }

    public string Text
    {
        get
        {
            var text = new StringBuilder();
            foreach (var block in _blocks)
            {
                switch (block)
                {
                    case MailBlock.Paragraph p: text.AppendLine(p.Text).AppendLine(); break;
                    case MailBlock.Heading h: text.AppendLine(h.Text).AppendLine(new string('-', Math.Min(h.Text.Length, 72))); break;
                    case MailBlock.Link l: text.Append(l.Lead).AppendLine(l.Url).AppendLine(); break;
                    case MailBlock.List list:
                        foreach (var item in list.Items) text.Append("- ").AppendLine(item);
                        text.AppendLine();
                        break;
                }
            }
            return text.ToString().TrimEnd() + Environment.NewLine;
        }
    }

    public string Html => RazorHtml.Render<FollowUpMailBody>(new()
    {
        [nameof(FollowUpMailBody.MailLanguage)] = language,
        [nameof(FollowUpMailBody.Title)] = title,
        [nameof(FollowUpMailBody.Blocks)] = _blocks,
    });
}
