namespace ServerlessPlan.Core.Packages;

/// <summary>
/// How many bytes the whole package may still inflate to. Shared by every entry's <see cref="Sheets.Reading.CountingStream"/>, so
/// the guard stops on the actual total, whatever the entries declare.
/// </summary>
internal sealed class InflationBudget(long limit)
{
    public long Limit { get; } = limit;

    public long Used { get; private set; }

    /// <exception cref="InflationLimitExceededException">When the total goes past <see cref="Limit"/>.</exception>
    public void Charge(int bytes)
    {
        Used += bytes;
        if (Used > Limit)
        {
            throw new InflationLimitExceededException(Limit);
        }
    }
}

/// <summary>Thrown mid-read to abandon inflation the moment a package is too large; the guard turns it into an issue.</summary>
internal sealed class InflationLimitExceededException(long limit)
    : Exception($"The package inflates to more than {limit} bytes.");
