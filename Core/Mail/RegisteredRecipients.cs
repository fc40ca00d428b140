namespace ServerlessPlan.Core.Mail;

/// <summary>
/// The people a result mail about one unit may reach: its registered contacts and the ST copy, nobody else. Only
/// <see cref="RegisteredContacts"/> can make one (the constructor is internal), so a composer that takes it cannot be
/// handed an address read from a sheet, and uploaded content (the annotated copy) only travels to these people.
/// </summary>
public sealed class RegisteredRecipients
{
    internal RegisteredRecipients(string unit, IReadOnlyList<string> unitContacts, IReadOnlyList<string> secretariat)
    {
        Unit = unit;
        UnitContacts = unitContacts;
        // An address registered both ways (the ST's own contacts) is addressed once: SendGrid refuses duplicates.
        Secretariat = secretariat.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(s => !unitContacts.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public string Unit { get; }

    public IReadOnlyList<string> UnitContacts { get; }

    /// <summary>The ST copy, without addresses already among <see cref="UnitContacts"/>.</summary>
    public IReadOnlyList<string> Secretariat { get; }

    public bool IsEmpty => UnitContacts.Count == 0 && Secretariat.Count == 0;

    /// <summary>True when <paramref name="address"/> is among the people this mail reaches (case-insensitive).</summary>
    public bool Includes(string address) =>
        UnitContacts.Concat(Secretariat).Contains(address.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The addressees: the unit's contacts, or the ST when the unit has none.</summary>
    public IReadOnlyList<MailRecipient> To =>
        (UnitContacts.Count > 0 ? UnitContacts : Secretariat).Select(a => new MailRecipient(a)).ToList();

    /// <summary>The ST in copy, when the unit's contacts are the addressees.</summary>
    public IReadOnlyList<MailRecipient> Cc =>
        UnitContacts.Count > 0 ? Secretariat.Select(a => new MailRecipient(a)).ToList() : [];
}
