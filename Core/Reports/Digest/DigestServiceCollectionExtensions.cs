using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The Presidency's digest: options (section <c>Digest</c>), schedule (the <c>DigestSchedule</c> setting), composer, preparer and service.</summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RecipientsAreValid(), "Digest__Recipients must be e-mail addresses separated by ';' or ','.")
            .Validate(o => LanguageCodes.TryParse(o.Language, out _), "Digest__Language must be 'es' or 'en'.")
            .Validate(o => o.MaxAttachmentBytes >= 0, "Digest__MaxAttachmentBytes must not be negative.")
            .Validate(o => Enum.IsDefined(o.Period), "Digest__Period must be LastDue or InProgress.")
            .Validate(o => PortalLinks.IsUsableBaseUrl(o.DownloadBaseUrl),
                "Digest__DownloadBaseUrl (deprecated: use Portal__BaseUrl) must be an absolute http(s) URL when set.")
            .ValidateOnStart();
        services.TryAddSingleton(_ => new DigestSchedule(configuration));
        services.TryAddSingleton<DigestComposer>();
        services.TryAddSingleton<DigestPreparer>();
        services.TryAddSingleton<DigestService>();
        return services;
    }
}
