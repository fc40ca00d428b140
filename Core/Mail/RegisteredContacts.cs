using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Mail;

/// <summary>The contacts the coalition registered (<see cref="ContactOptions"/>), per unit.</summary>
public sealed class RegisteredContacts(IOptions<ContactOptions> options)
{
    /// <summary>Who a result mail about <paramref name="unit"/> goes to.</summary>
    public RegisteredRecipients For(string unit) =>
        new(unit.ToUpperInvariant(), UnitContacts(unit), MailAddressList.Parse(options.Value.SecretariatCopy));

    /// <summary>The Technical Secretariat's address(es) (<c>Contacts__SecretariatCopy</c>): whom anyone asks for help.</summary>
    public IReadOnlyList<string> Secretariat => MailAddressList.Parse(options.Value.SecretariatCopy);

    private IReadOnlyList<string> UnitContacts(string unit)
    {
        // The binder may build the dictionary with its own comparer: look the code up case-insensitively.
        var entry = options.Value.Units.FirstOrDefault(u => string.Equals(u.Key, unit, StringComparison.OrdinalIgnoreCase));
        return MailAddressList.Parse(entry.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
