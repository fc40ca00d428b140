namespace ServerlessPlan.Core.Operations;

/// <summary>Digest slot states the status adds to <see cref="Storage.DigestSendState"/>'s.</summary>
public static class DigestSlotStates
{
    /// <summary>No run recorded the slot.</summary>
    public const string Missing = "Missing";

    /// <summary>Claimed by a run longer ago than the lease: the run died.</summary>
    public const string Died = "Died";
}
