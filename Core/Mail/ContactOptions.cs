namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Who the coalition registered to receive mail about each unit's uploads. Section <c>Contacts</c>. Result mails go to
/// these addresses only, never to an address typed into a sheet; validated at start-up (<see cref="ContactOptionsValidator"/>).
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "Contacts";

    /// <summary>
    /// Per unit code, its focal points' addresses separated by <c>;</c>: <c>Contacts__Units__GT=ana@x.org;luis@x.org</c>.
    /// A unit without an entry (or with an empty one) has no registered contact: only the ST copy is informed.
    /// </summary>
    public Dictionary<string, string> Units { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Secretaría Técnica's address(es), copied on every result mail (<c>;</c>-separated).</summary>
    public string SecretariatCopy { get; set; } = "";
}
