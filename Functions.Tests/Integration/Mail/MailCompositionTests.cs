using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Mail;

[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class MailCompositionTests(AzuriteFixture azurite)
{
    [Fact]
    public void Resolves_the_outbox_sender_when_no_api_key_is_configured()
    {
        using var host = MailTestHost.Create(("PlanStorage", azurite.ConnectionString), ("Mail:SendGridApiKey", ""));

        Assert.IsType<OutboxMailSender>(Assert.IsType<MeasuredMailSender>(host.Sender).Inner);
    }

    [Fact]
    public void Resolves_the_SendGrid_sender_when_an_api_key_is_configured()
    {
        using var host = MailTestHost.Create(("Mail:SendGridApiKey", SampleMail.ApiKey));

        Assert.IsType<SendGridMailSender>(Assert.IsType<MeasuredMailSender>(host.Sender).Inner);
    }

    [Fact]
    public void Resolves_the_SendGrid_sender_for_an_unresolved_Key_Vault_reference_so_sending_fails_loudly()
    {
        using var host = MailTestHost.Create(("Mail:SendGridApiKey", "@Microsoft.KeyVault(VaultName=kv;SecretName=SendGridApiKey)"));

        Assert.IsType<SendGridMailSender>(Assert.IsType<MeasuredMailSender>(host.Sender).Inner);
    }

    [Fact]
    public void Fails_start_up_validation_for_an_invalid_FromAddress()
    {
        using var host = MailTestHost.Create(("Mail:FromAddress", "secretaria tecnica"));

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("FromAddress", ex.Message);
    }
}
