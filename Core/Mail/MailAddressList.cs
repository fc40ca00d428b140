using System.Net.Mail;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Address lists as settings write them (<c>a@x.org; b@x.org</c>, commas accepted too) and the one rule for a usable
/// address: what <see cref="MailAddress"/> parses back to exactly the text given, with a dotted domain.
/// </summary>
public static class MailAddressList
{
    public static IReadOnlyList<string> Parse(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsAddress(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');

    /// <summary>The entries of <paramref name="list"/> that are not usable addresses.</summary>
    public static IReadOnlyList<string> Invalid(string? list) => Parse(list).Where(a => !IsAddress(a)).ToList();
}
