using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The <c>Submissions</c> table: the history of every upload per unit-and-period and the pointer to the current one.
/// The pointer and the history entries it touches live in one partition, so each promotion is one transaction
/// guarded by the pointer's ETag: racing uploads cannot both win, and the newer one ends current in any order.
/// Each history entry also carries its result mail's claim and mark, so the mail goes out once per content.
/// </summary>
public sealed class SubmissionStore(TableServiceClient tables, StorageLayout layout, ILogger<SubmissionStore> logger)
{
    private const int MaxPromotionAttempts = 20;

    private readonly TableClient _table = tables.GetTableClient(layout.SubmissionsTable);
    private volatile bool _created;

    public async Task<SubmissionEntity?> GetAsync(string partition, string submissionId, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var response = await _table.GetEntityIfExistsAsync<SubmissionEntity>(partition, submissionId, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    public async Task<CurrentPointerEntity?> GetPointerAsync(string partition, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var response = await _table.GetEntityIfExistsAsync<CurrentPointerEntity>(partition, TableKeys.CurrentPointerRow, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Records or refreshes a history entry (rejected submissions, promotion outcomes), merged: the result-mail
    /// fields are never part of it (<see cref="HistoryWrite"/>), so a redelivery cannot erase a mark another run made.
    /// </summary>
    public async Task UpsertAsync(SubmissionEntity entity, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await _table.UpsertEntityAsync(HistoryWrite(entity), TableUpdateMode.Merge, ct);
    }

    /// <summary>
    /// Records <paramref name="pending"/> unless the history already has this submission, and returns the entry that
    /// was there (null when this is its first delivery). One request for a first delivery, which also leaves a trace
    /// should the merge crash before its commit; a redelivery's entry (its status, whether the focal point was told)
    /// is never clobbered.
    /// </summary>
    public async Task<SubmissionEntity?> AddPendingOrGetAsync(SubmissionEntity pending, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        try
        {
            await _table.AddEntityAsync(pending, ct);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(pending.PartitionKey, pending.RowKey, ct);
        }
    }

    /// <summary>
    /// Claims the result mail of a submission for <paramref name="run"/>: a merge of the claim onto the history entry,
    /// guarded by the ETag just read, so of racing deliveries exactly one gets it. A claim older than
    /// <paramref name="lease"/> belongs to a run that died and is taken over; a released one (empty holder) is free.
    /// </summary>
    /// <param name="verdict">What the mail says (<see cref="SubmissionEntity.Verdict"/>): a mail about another verdict sent before does not count.</param>
    public async Task<NoticeClaim> TryClaimNoticeAsync(string partition, string submissionId, string run, DateTimeOffset now,
        TimeSpan lease, CancellationToken ct, string? verdict = null)
    {
        await EnsureTableAsync(ct);
        for (var attempt = 1; attempt <= MaxPromotionAttempts; attempt++)
        {
            var entry = await GetAsync(partition, submissionId, ct);
            if (entry is null) return new NoticeClaim(NoticeClaimOutcome.Missing);
            if (verdict is null ? entry.NotifiedAt is not null : entry.IsNotified(verdict)) return new NoticeClaim(NoticeClaimOutcome.AlreadyNotified);
            // A claim whose mail was marked sent (about the other verdict) is over, whatever its age.
            var finished = entry.NotifiedAt is not null && entry.NoticeClaimedVerdict == entry.NotifiedVerdict;
            if (!finished && !string.IsNullOrEmpty(entry.NoticeClaimedBy) && entry.NoticeClaimedBy != run && entry.NoticeClaimedAt + lease > now)
                return new NoticeClaim(NoticeClaimOutcome.HeldElsewhere, entry.NoticeClaimedBy, entry.NoticeClaimedAt);

            var claim = new TableEntity(partition, submissionId)
            {
                [nameof(SubmissionEntity.NoticeClaimedBy)] = run,
                [nameof(SubmissionEntity.NoticeClaimedAt)] = now,
            };
            if (verdict is not null) claim[nameof(SubmissionEntity.NoticeClaimedVerdict)] = verdict;
            try
            {
                await _table.UpdateEntityAsync(claim, entry.ETag, TableUpdateMode.Merge, ct);
                if (!finished && !string.IsNullOrEmpty(entry.NoticeClaimedBy) && entry.NoticeClaimedBy != run)
                {
                    logger.LogWarning("Result mail of {SubmissionId} in {Partition} taken over from run {PreviousRun}, which claimed it at {ClaimedAt}",
                        submissionId, partition, entry.NoticeClaimedBy, entry.NoticeClaimedAt);
                }

                return new NoticeClaim(NoticeClaimOutcome.Claimed, run, now);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // The entry changed since it was read (a rival claim, or a promotion writing its status): decide again.
            }
        }

        throw new InvalidOperationException($"Could not claim the result mail of {submissionId} in {partition}: the entry kept changing.");
    }

    /// <summary>
    /// Marks the result mail as sent, touching nothing else (a concurrent promotion may be changing the status).
    /// Unconditional: the provider accepted the mail, whatever happened to the claim meanwhile.
    /// </summary>
    public async Task MarkNotifiedAsync(string partition, string submissionId, DateTimeOffset at, CancellationToken ct, string? verdict = null)
    {
        await EnsureTableAsync(ct);
        var mark = new TableEntity(partition, submissionId) { [nameof(SubmissionEntity.NotifiedAt)] = at };
        if (verdict is not null) mark[nameof(SubmissionEntity.NotifiedVerdict)] = verdict;
        await _table.UpsertEntityAsync(mark, TableUpdateMode.Merge, ct);
    }

    /// <summary>Gives up <paramref name="run"/>'s claim after a failed send, so the next delivery may send at once.</summary>
    public async Task ReleaseNoticeAsync(string partition, string submissionId, string run, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        for (var attempt = 1; attempt <= MaxPromotionAttempts; attempt++)
        {
            var entry = await GetAsync(partition, submissionId, ct);
            if (entry is null || entry.NotifiedAt is not null || entry.NoticeClaimedBy != run) return;
            // A merge cannot remove a property: an empty holder means "not claimed".
            var release = new TableEntity(partition, submissionId) { [nameof(SubmissionEntity.NoticeClaimedBy)] = "" };
            try
            {
                await _table.UpdateEntityAsync(release, entry.ETag, TableUpdateMode.Merge, ct);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }
        }
    }

    /// <summary>
    /// Makes <paramref name="submission"/> current unless a newer upload already is. Safe to call again after any
    /// failure: the outcome converges on the newest accepted upload.
    /// </summary>
    public async Task<PromotionResult> PromoteAsync(SubmissionEntity submission, CancellationToken ct) =>
        await PromoteAsync(submission, await GetPointerAsync(submission.PartitionKey, ct), ct);

    /// <param name="pointer">
    /// The pointer as read earlier (null when there was none), saving a round trip. A stale pointer cannot produce a
    /// wrong result: the flip is guarded by its ETag, and "older than current" stays true because the pointer only ever
    /// moves to newer uploads. Only "already current" is confirmed by a fresh read before it is recorded.
    /// </param>
    public async Task<PromotionResult> PromoteAsync(SubmissionEntity submission, CurrentPointerEntity? pointer, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = submission.PartitionKey;
        var fresh = false;
        for (var attempt = 1; attempt <= MaxPromotionAttempts; attempt++)
        {
            if (attempt > 1 || (!fresh && pointer?.SubmissionId == submission.RowKey))
            {
                pointer = await GetPointerAsync(partition, ct);
                fresh = true;
            }

            if (pointer?.SubmissionId == submission.RowKey)
            {
                if (await KeepCurrentAsync(submission, pointer, ct))
                    return new PromotionResult(PromotionOutcome.AlreadyCurrent, submission.Supersedes, submission.RowKey);
                continue;
            }

            if (pointer is not null &&
                SubmissionEntity.CompareRecency(submission.LatestArrival, submission.RowKey, pointer.UploadedAt, pointer.SubmissionId) < 0)
            {
                submission.Status = nameof(SubmissionStatus.Superseded);
                submission.SupersededBy = pointer.SubmissionId;
                await UpsertAsync(submission, ct);
                logger.LogInformation("Submission {SubmissionId} for {Partition} is older than current {Current}; kept as superseded",
                    submission.RowKey, partition, pointer.SubmissionId);
                return new PromotionResult(PromotionOutcome.OlderThanCurrent, null, pointer.SubmissionId);
            }

            var actions = new List<TableTransactionAction>();
            var newPointer = new CurrentPointerEntity
            {
                PartitionKey = partition,
                Unit = submission.Unit,
                Period = submission.Period,
                SubmissionId = submission.RowKey,
                UploadedAt = submission.LatestArrival,
            };
            actions.Add(pointer is null
                ? new TableTransactionAction(TableTransactionActionType.Add, newPointer)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, newPointer, pointer.ETag));

            submission.Status = nameof(SubmissionStatus.Current);
            submission.Supersedes = pointer?.SubmissionId;
            submission.SupersededBy = null;
            var current = HistoryWrite(submission);
            // A merge cannot remove a property: "superseded by nobody" is written as an empty value.
            current.SupersededBy = "";
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, current));

            if (pointer is not null)
            {
                var previous = new TableEntity(partition, pointer.SubmissionId)
                {
                    [nameof(SubmissionEntity.Status)] = nameof(SubmissionStatus.Superseded),
                    [nameof(SubmissionEntity.SupersededBy)] = submission.RowKey,
                };
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, previous));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, ct);
                logger.LogInformation("Submission {SubmissionId} is now current for {Partition}, superseding {Previous}",
                    submission.RowKey, partition, pointer?.SubmissionId ?? "(none)");
                return new PromotionResult(PromotionOutcome.BecameCurrent, pointer?.SubmissionId, submission.RowKey);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another upload moved the pointer between our read and our write: read again and re-decide.
                logger.LogInformation("Pointer for {Partition} changed during promotion of {SubmissionId} (attempt {Attempt}); retrying",
                    partition, submission.RowKey, attempt);
            }
        }

        throw new InvalidOperationException($"Could not promote submission {submission.RowKey} for {partition}: the pointer kept changing.");
    }

    /// <summary>
    /// The current content delivered again: its entry records the arrival (status and arrival times only, merged, so
    /// nothing else a concurrent delivery wrote is lost). When it arrived later than the pointer says, the pointer takes
    /// the new arrival in the same transaction, guarded by its ETag, so an upload that arrived in between ends
    /// superseded in whatever order the two are processed. False when the pointer moved meanwhile: re-decide.
    /// </summary>
    private async Task<bool> KeepCurrentAsync(SubmissionEntity submission, CurrentPointerEntity pointer, CancellationToken ct)
    {
        submission.Status = nameof(SubmissionStatus.Current);
        var arrivals = new TableEntity(submission.PartitionKey, submission.RowKey)
        {
            [nameof(SubmissionEntity.Status)] = submission.Status,
            [nameof(SubmissionEntity.UploadedAt)] = submission.UploadedAt,
        };
        if (submission.LastUploadedAt is { } last) arrivals[nameof(SubmissionEntity.LastUploadedAt)] = last;
        if (submission.LatestArrival <= pointer.UploadedAt)
        {
            await _table.UpsertEntityAsync(arrivals, TableUpdateMode.Merge, ct);
            return true;
        }

        var moved = new CurrentPointerEntity
        {
            PartitionKey = pointer.PartitionKey,
            Unit = pointer.Unit,
            Period = pointer.Period,
            SubmissionId = pointer.SubmissionId,
            UploadedAt = submission.LatestArrival,
        };
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, moved, pointer.ETag),
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, arrivals),
            ], ct);
            logger.LogInformation("Current submission {SubmissionId} for {Partition} arrived again at {UploadedAt:o}",
                submission.RowKey, submission.PartitionKey, submission.LatestArrival);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Every history entry whose result mail is claimed by a run (a non-empty holder), across all units and periods: a
    /// filter on a property, so a scan of the table — small (a few entries per unit and quarter) and read only by the
    /// operations status and the five-minute sweep of lapsed claims. Entries whose mail was marked sent are included;
    /// the caller keeps those still owed.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionEntity>> ListClaimedNoticesAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        // A released claim is an empty holder, which sorts before any run id.
        var filter = TableClient.CreateQueryFilter($"{nameof(SubmissionEntity.NoticeClaimedBy)} gt {""} and RowKey ne {TableKeys.CurrentPointerRow}");
        var claimed = new List<SubmissionEntity>();
        await foreach (var e in _table.QueryAsync<SubmissionEntity>(filter, cancellationToken: ct)) claimed.Add(e);
        return claimed;
    }

    /// <summary>History entries still <c>Pending</c>: a merge that began and never committed (the run died between them).</summary>
    public async Task<IReadOnlyList<SubmissionEntity>> ListPendingAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"{nameof(SubmissionEntity.Status)} eq {nameof(SubmissionStatus.Pending)} and RowKey ne {TableKeys.CurrentPointerRow}");
        var pending = new List<SubmissionEntity>();
        await foreach (var e in _table.QueryAsync<SubmissionEntity>(filter, cancellationToken: ct)) pending.Add(e);
        return pending;
    }

    /// <summary>Every submission (history and pointers) of one period across all units.</summary>
    public async Task<PeriodSubmissions> ListPeriodAsync(ReportingPeriod period, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var pointerFilter = TableKeys.PeriodPointersFilter(period);
        var historyFilter = TableKeys.PeriodHistoryFilter(period);
        var pointers = new List<CurrentPointerEntity>();
        await foreach (var p in _table.QueryAsync<CurrentPointerEntity>(pointerFilter, cancellationToken: ct)) pointers.Add(p);
        var history = new List<SubmissionEntity>();
        await foreach (var h in _table.QueryAsync<SubmissionEntity>(historyFilter, cancellationToken: ct)) history.Add(h);

        return new PeriodSubmissions(period, history, pointers);
    }

    /// <summary>One unit-and-period's history (every distinct upload) and its current pointer, read together.</summary>
    public async Task<(IReadOnlyList<SubmissionEntity> History, CurrentPointerEntity? Pointer)> ListUnitPeriodAsync(
        ReportingPeriod period, string unit, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var partition = TableKeys.Partition(period, unit);
        var pointer = GetPointerAsync(partition, ct);
        var history = new List<SubmissionEntity>();
        await foreach (var h in _table.QueryAsync<SubmissionEntity>(TableKeys.UnitPeriodHistoryFilter(period, unit), cancellationToken: ct)) history.Add(h);
        return (history, await pointer);
    }

    /// <summary>Records who sent an upload through the portal (<see cref="PortalSenderEntity"/>), before its blob is written.</summary>
    public async Task RecordPortalSenderAsync(UploadPath path, string submissionId, string sender, DateTimeOffset at, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        await _table.UpsertEntityAsync(new PortalSenderEntity
        {
            PartitionKey = TableKeys.Partition(path.Period, path.Unit),
            RowKey = PortalSenderEntity.RowKeyOf(path.FileName, sender),
            FileName = path.FileName,
            SubmissionId = submissionId,
            Sender = TableText.Bound(sender, TableText.MaxUploaderChars)!,
            SentAt = at,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>The portal's records of who sent one unit-and-period's uploads.</summary>
    public async Task<IReadOnlyList<PortalSenderEntity>> ListPortalSendersAsync(ReportingPeriod period, string unit, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var senders = new List<PortalSenderEntity>();
        await foreach (var s in _table.QueryAsync<PortalSenderEntity>(TableKeys.UnitPeriodSendersFilter(period, unit), cancellationToken: ct)) senders.Add(s);
        return senders;
    }

    /// <summary>The current pointers of one period across all units (no history): what a cache key of the period's figures needs.</summary>
    public Task<IReadOnlyList<CurrentPointerEntity>> ListPointersAsync(ReportingPeriod period, CancellationToken ct) =>
        ListPointersAsync(period, period, ct);

    /// <summary>
    /// The current pointers of every period from <paramref name="from"/> to <paramref name="to"/>, in one query: partition
    /// keys start with the period, and <c>YYYY-Qn</c> sorts in time order, so the periods are one key range.
    /// </summary>
    public async Task<IReadOnlyList<CurrentPointerEntity>> ListPointersAsync(ReportingPeriod from, ReportingPeriod to, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var filter = $"{TableKeys.PeriodRangeFilter(from, to)} and RowKey eq '{TableKeys.CurrentPointerRow}'";
        var pointers = new List<CurrentPointerEntity>();
        await foreach (var p in _table.QueryAsync<CurrentPointerEntity>(filter, select: [nameof(CurrentPointerEntity.Unit), nameof(CurrentPointerEntity.Period), nameof(CurrentPointerEntity.SubmissionId)], cancellationToken: ct))
            pointers.Add(p);
        return pointers;
    }

    /// <summary>
    /// What a history write sends: the entry without its result-mail fields. Writes are merges, which leave unnamed
    /// properties as they are (and Table Storage drops null values), so the mark and the claim are only ever written by
    /// the notice methods above, never erased by a redelivery or a racing promotion that read them earlier.
    /// </summary>
    private static SubmissionEntity HistoryWrite(SubmissionEntity entry)
    {
        var write = entry.Copy();
        write.NotifiedAt = null;
        write.NotifiedVerdict = null;
        write.NoticeClaimedBy = null;
        write.NoticeClaimedAt = null;
        write.NoticeClaimedVerdict = null;
        return write;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_created) return;
        await _table.CreateIfNotExistsAsync(ct);
        _created = true;
    }
}
