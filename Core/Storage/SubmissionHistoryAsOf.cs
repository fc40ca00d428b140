namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The record as it was at an instant, rebuilt from what is kept — every history entry and the arrival log — with the
/// rule the pointer follows (docs/follow-up.md, "The record as of any date"): a unit's values as of T are those of its
/// <b>latest accepted arrival at or before T</b>, latest by arrival time with the submission id breaking an exact tie
/// (<see cref="SubmissionEntity.CompareRecency"/>), whatever order the uploads were processed in. An arrival counts when
/// it was accepted (a sheet that arrived while the quarter was locked was rejected and never counts, even if the same
/// content was accepted later) and its content ended accepted (current or superseded, not still pending). Pure.
/// </summary>
public static class SubmissionHistoryAsOf
{
    /// <param name="now">The period's history and pointers as stored now.</param>
    /// <param name="arrivals">The period's arrival log; entries written before the log existed fall back on their first and latest arrival.</param>
    public static PeriodSubmissions At(PeriodSubmissions now, IReadOnlyList<ArrivalEntity> arrivals, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(now);
        var logged = arrivals.GroupBy(a => (a.PartitionKey, a.SubmissionId)).ToDictionary(g => g.Key, g => g.ToList());
        var history = new List<SubmissionEntity>();
        var pointers = new List<CurrentPointerEntity>();
        foreach (var unit in now.History.GroupBy(h => h.PartitionKey, StringComparer.Ordinal))
        {
            var known = unit
                .Select(e => (Entry: e, Arrivals: ArrivalsOf(e, logged.GetValueOrDefault((e.PartitionKey, e.RowKey))).Where(a => a.At <= instant).ToList()))
                .Where(x => x.Arrivals.Count > 0)
                .ToList();

            var accepted = known
                .Where(x => x.Entry.StatusValue is SubmissionStatus.Current or SubmissionStatus.Superseded && x.Arrivals.Any(a => a.Accepted))
                .Select(x => (x.Entry, First: x.Arrivals.Where(a => a.Accepted).Min(a => a.At), Latest: x.Arrivals.Where(a => a.Accepted).Max(a => a.At)))
                .ToList();
            accepted.Sort((a, b) => SubmissionEntity.CompareRecency(a.Latest, a.Entry.RowKey, b.Latest, b.Entry.RowKey));
            for (var i = 0; i < accepted.Count; i++)
            {
                var (entry, first, latest) = accepted[i];
                var copy = entry.Copy();
                copy.Status = i == accepted.Count - 1 ? nameof(SubmissionStatus.Current) : nameof(SubmissionStatus.Superseded);
                copy.UploadedAt = first;
                copy.LastUploadedAt = latest > first ? latest : null;
                copy.Supersedes = i > 0 ? accepted[i - 1].Entry.RowKey : null;
                copy.SupersededBy = i < accepted.Count - 1 ? accepted[i + 1].Entry.RowKey : null;
                history.Add(copy);
            }

            if (accepted.Count > 0)
            {
                var (entry, _, latest) = accepted[^1];
                pointers.Add(new CurrentPointerEntity
                {
                    PartitionKey = entry.PartitionKey,
                    Unit = entry.Unit,
                    Period = entry.Period,
                    SubmissionId = entry.RowKey,
                    UploadedAt = latest,
                });
            }

            foreach (var (entry, seen) in known.Where(x => accepted.All(a => a.Entry.RowKey != x.Entry.RowKey)))
                history.Add(NotAccepted(entry, seen));
        }

        return new PeriodSubmissions(now.Period, history, pointers);
    }

    /// <summary>
    /// An entry none of whose arrivals by the instant counts: rejected then (or still being processed). A content
    /// accepted only later is shown as its rejected arrivals left it, from the log.
    /// </summary>
    private static SubmissionEntity NotAccepted(SubmissionEntity entry, IReadOnlyList<Arrival> seen)
    {
        var copy = entry.Copy();
        copy.UploadedAt = seen.Min(a => a.At);
        var latest = seen.Max(a => a.At);
        copy.LastUploadedAt = latest > copy.UploadedAt ? latest : null;
        copy.Supersedes = null;
        copy.SupersededBy = null;
        if (entry.StatusValue == SubmissionStatus.Pending) return copy;

        copy.Status = nameof(SubmissionStatus.Rejected);
        if (seen.LastOrDefault(a => a.Logged is not null)?.Logged is { } row && entry.StatusValue != SubmissionStatus.Rejected)
        {
            // Both names from the arrival that refused it (a null sent name: the page shows the stored one and says so).
            copy.FileName = row.FileName;
            copy.SentName = row.SentName;
            copy.ErrorCount = row.ErrorCount;
            copy.WarningCount = 0;
            copy.RowCount = 0;
            copy.IssuesJson = null;
            copy.ProcessedAt = row.ProcessedAt;
        }

        return copy;
    }

    /// <summary>
    /// A content's arrivals with their verdicts: the log's, and the first and latest arrival its entry records (the
    /// only ones known for uploads older than the log), counted with the entry's status.
    /// </summary>
    private static IEnumerable<Arrival> ArrivalsOf(SubmissionEntity entry, List<ArrivalEntity>? log)
    {
        var arrivals = (log ?? []).Select(a => new Arrival(a.ArrivedAt, a.Accepted, a)).ToList();
        var recordedAccepted = entry.StatusValue is SubmissionStatus.Current or SubmissionStatus.Superseded;
        foreach (var at in new[] { entry.UploadedAt, entry.LastUploadedAt }.OfType<DateTimeOffset>())
        {
            if (arrivals.All(a => a.At != at)) arrivals.Add(new Arrival(at, recordedAccepted, null));
        }

        return arrivals.OrderBy(a => a.At);
    }

    private sealed record Arrival(DateTimeOffset At, bool Accepted, ArrivalEntity? Logged);
}
