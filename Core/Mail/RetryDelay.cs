namespace ServerlessPlan.Core.Mail;

/// <summary>Waits between delivery attempts; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> in production, recorded in tests.</summary>
public delegate Task RetryDelay(TimeSpan delay, CancellationToken cancellationToken);
