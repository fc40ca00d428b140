using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Reports.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The Presidency's digest: options (section <c>Digest</c>), schedule, composer, store and service.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RecipientsAreValid(), "Digest__Recipients must be e-mail addresses separated by ';' or ','.")
            .Validate(o => LanguageCodes.TryParse(o.Language, out _), "Digest__Language must be 'es' or 'en'.")
            .Validate(o => o.MaxAttachmentBytes >= 0, "Digest__MaxAttachmentBytes must not be negative.")
            .Validate(o => string.IsNullOrWhiteSpace(o.DownloadBaseUrl) || Uri.TryCreate(o.DownloadBaseUrl, UriKind.Absolute, out _),
                "Digest__DownloadBaseUrl must be an absolute URL when set.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new DigestSchedule(configuration));
        services.TryAddSingleton<DigestComposer>();
        services.TryAddSingleton<DigestStore>();
        services.TryAddSingleton<DigestService>();
        return services;
    }
}
