using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Mail;

/// <summary>Registered contacts as configured (<c>Contacts__*</c>), checked at start-up and read per unit.</summary>
public sealed class ContactsTests
{
    private static ServiceProvider Compose(params (string Key, string? Value)[] settings) => CoreComposition.WithSettings(settings);

    private static void Validate(ServiceProvider services) => services.ValidateOnStart();

    [Fact]
    public void Contacts_are_read_per_unit_in_any_case_split_on_semicolons_and_deduplicated()
    {
        using var services = Compose(("Contacts:Units:gt", " ana@gt.example.org; luis@gt.example.org ;ANA@gt.example.org"),
            ("Contacts:SecretariatCopy", "st@coalicion.example.org; ST@coalicion.example.org"));
        Validate(services);
        var contacts = services.GetRequiredService<RegisteredContacts>();

        var gt = contacts.For("GT");

        Assert.Equal(["ana@gt.example.org", "luis@gt.example.org"], gt.UnitContacts);
        Assert.Equal(["ana@gt.example.org", "luis@gt.example.org"], gt.To.Select(r => r.Address));
        Assert.Equal(["st@coalicion.example.org"], gt.Cc.Select(r => r.Address));
        Assert.True(gt.Includes("Luis@GT.example.org"));
        Assert.False(gt.Includes("someone@gt.example.org"));
        Assert.Empty(contacts.For("HN").UnitContacts);
        Assert.Equal(["st@coalicion.example.org"], contacts.For("HN").To.Select(r => r.Address));
    }

    [Theory]
    [InlineData("Contacts:Units:XX", "a@x.example.org", "'XX' is not a reporting unit")]
    [InlineData("Contacts:Units:GT", "ana@gt.example.org; not an address", "Contacts__Units__GT: 'not an address' is not an e-mail address")]
    [InlineData("Contacts:Units:GT", "ana@localhost", "'ana@localhost' is not an e-mail address")]
    [InlineData("Contacts:SecretariatCopy", "Secretaría <st@coalicion.example.org>", "Contacts__SecretariatCopy")]
    public void Start_up_fails_on_an_unknown_unit_or_an_unusable_address(string key, string value, string message)
    {
        using var services = Compose((key, value));

        var ex = Assert.Throws<OptionsValidationException>(() => Validate(services));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void No_contacts_at_all_is_a_valid_configuration()
    {
        using var services = Compose();

        Validate(services);
        Assert.True(services.GetRequiredService<RegisteredContacts>().For("GT").IsEmpty);
    }
}
