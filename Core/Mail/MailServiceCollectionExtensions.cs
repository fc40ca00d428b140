using ServerlessPlan.Core.Telemetry;
using System.Net.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IMailSender"/>: SendGrid when <c>Mail__SendGridApiKey</c> is set, the outbox otherwise (decided
    /// when first resolved). The outbox needs the <c>BlobServiceClient</c> that <c>AddStorage</c> registers.
    /// Also the registered contacts (section <c>Contacts</c>, checked against the plan's units) and the send claims' timings.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => MailAddress.TryCreate(o.FromAddress, out _), "Mail__FromAddress must be a valid e-mail address.")
            .Validate(o => string.IsNullOrWhiteSpace(o.SendGridHost) || Uri.TryCreate(o.SendGridHost, UriKind.Absolute, out _),
                "Mail__SendGridHost must be an absolute URL when set.")
            .ValidateOnStart();

        services.AddOptions<ContactOptions>().BindConfiguration(ContactOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactOptions>, ContactOptionsValidator>());
        services.TryAddSingleton<RegisteredContacts>();
        services.TryAddSingleton(SendClaimTimings.Default);

        // The client's own timeout would span every retry: each attempt is bounded by the resilience handler instead.
        services.AddHttpClient(SendGridMailSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddSendGridResilience();

        services.TryAddSingleton<SendGridMailSender>();
        services.TryAddSingleton<OutboxMailSender>();
        // Measured whichever it is (PlanTelemetry's mail counters and the mail.send span).
        services.TryAddSingleton<IMailSender>(sp => new MeasuredMailSender(
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.SendGridApiKey)
                ? sp.GetRequiredService<OutboxMailSender>()
                : sp.GetRequiredService<SendGridMailSender>(),
            sp.GetRequiredService<PlanTelemetry>()));
        return services;
    }
}
