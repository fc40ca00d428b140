using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Start-up check of <see cref="ContactOptions"/>: every unit code is a reporting unit of the plan in force (a typo
/// would silently leave a unit without contacts) and every address is usable.
/// </summary>
public sealed class ContactOptionsValidator(ReportingUnits units) : IValidateOptions<ContactOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactOptions options)
    {
        var failures = new List<string>();
        foreach (var (code, list) in options.Units)
        {
            if (units.Find(code) is null)
                failures.Add($"Contacts__Units__{code}: '{code}' is not a reporting unit (known: {string.Join(", ", units.All.Select(u => u.Code))}).");
            foreach (var bad in MailAddressList.Invalid(list))
                failures.Add($"Contacts__Units__{code}: '{bad}' is not an e-mail address.");
        }
        foreach (var bad in MailAddressList.Invalid(options.SecretariatCopy))
            failures.Add($"Contacts__SecretariatCopy: '{bad}' is not an e-mail address.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
