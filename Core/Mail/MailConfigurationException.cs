namespace ServerlessPlan.Core.Mail;

/// <summary>The sender cannot work with its configuration (e.g. an unresolved Key Vault reference for the key).</summary>
public sealed class MailConfigurationException(string message) : Exception(message);
