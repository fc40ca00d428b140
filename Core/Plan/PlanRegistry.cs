using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The plans the application serves, and which one each quarter belongs to: the plan whose years cover it
/// (<see cref="For"/>). Loaded once before anything is served — the embedded plans, <c>Plan__File</c> and the plans
/// published to <c>config/plans/</c> (<see cref="PlansInForceLoader"/>) — by <see cref="PlanRegistryStartup"/> in a
/// started host, by the CLI before a verb that needs it, and by whoever composes services by hand. A set of plans with
/// a problem (years that overlap, a published plan that cannot be read, no default plan) is never adopted: at load it
/// fails loudly, at a refresh the plans already served stay. A refresh (<see cref="RefreshAsync"/>: after a
/// publication in the same process, and every <c>Plan__RefreshMinutes</c> in a started host) swaps the whole set at
/// once, so one call never sees half of it.
/// </summary>
public sealed class PlanRegistry
{
    private readonly Func<CancellationToken, Task<PlansInForce>> _load;
    private readonly Func<PlansInForce> _loadBuiltIn;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    public PlanRegistry(PlansInForceLoader loader, ILogger<PlanRegistry> logger)
        : this(loader.LoadAsync, loader.LoadBuiltIn, logger)
    {
    }

    private PlanRegistry(Func<CancellationToken, Task<PlansInForce>> load, Func<PlansInForce> loadBuiltIn, ILogger logger)
    {
        _load = load;
        _loadBuiltIn = loadBuiltIn;
        _logger = logger;
    }

    /// <summary>
    /// A registry of the given plans and nothing else, loaded at once and never reading storage (tests, the bench,
    /// tools): the first plan is the default. Loading or refreshing it again keeps the same plans.
    /// </summary>
    /// <exception cref="PlansInForceException">Two of the plans overlap.</exception>
    public static PlanRegistry Fixed(params PlanCatalog[] plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var composed = PlansInForce.Compose(
            plans.Select((plan, i) => new PlanInForce(plan, PlanOrigin.Embedded, $"plan {plan.Id} given in code", IsDefault: i == 0)),
            new PublishedPlans([], []));
        var registry = new PlanRegistry(_ => Task.FromResult(composed), () => composed, NullLogger.Instance);
        registry.Adopt(composed, "code");
        return registry;
    }

    /// <summary>True once a set of plans was adopted; every other member throws before that.</summary>
    public bool IsLoaded => _current is not null;

    /// <summary>The plans served, ordered by their first year, with their origins.</summary>
    public PlansInForce Plans => Current.Plans;

    /// <summary>
    /// The default plan (<c>Plan__File</c>, else <c>Plan__Id</c>, or a published plan replacing it): for what truly has
    /// no period. Anything about a quarter uses <see cref="For"/>.
    /// </summary>
    public PlanCatalog Default => Current.Default;

    /// <summary>The plan whose years cover <paramref name="period"/>, or null when no plan in force does.</summary>
    public PlanCatalog? Find(ReportingPeriod period) => Current.Plans.For(period)?.Catalog;

    /// <summary>The plan whose years cover <paramref name="period"/>.</summary>
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers it.</exception>
    public PlanCatalog For(ReportingPeriod period) =>
        Find(period) ?? throw new PeriodOutsidePlanException(period, OutsidePlans(period));

    /// <summary>
    /// What tells the plan in force for <paramref name="period"/> apart from any other plan or version of it: its id and
    /// content hash (computed once when the plans are adopted). A cache of anything computed from the plan keys on it.
    /// </summary>
    /// <exception cref="PeriodOutsidePlanException">No plan in force covers it.</exception>
    public string Fingerprint(ReportingPeriod period)
    {
        var current = Current;
        var plan = current.Plans.For(period) ?? throw new PeriodOutsidePlanException(period, OutsidePlans(period));
        return current.Fingerprints[plan.Id];
    }

    /// <summary>A plan in force by its id.</summary>
    public PlanCatalog? FindById(string id) => Current.Plans.Find(id)?.Catalog;

    /// <summary>"2020-2022 (2020–2022), 2023-2025 (2023–2025)": the plans in force, for messages.</summary>
    public string Describe() => string.Join(", ", Current.Plans.Plans.Select(p => p.Describe()));

    /// <summary>Why <paramref name="period"/> cannot be reported or asked for: no plan in force covers its year.</summary>
    public LocalizedText OutsidePlans(ReportingPeriod period)
    {
        var plans = Describe();
        return new($"El año {period.Year} está fuera de los planes vigentes: {plans}.",
            $"Year {period.Year} is outside the plans in force: {plans}.");
    }

    /// <summary>
    /// What keeps a set of plans from being served: the loader's problems (overlapping years, published plans that
    /// cannot be read) and a missing default plan. <c>plan list</c> shows the same list.
    /// </summary>
    public static IReadOnlyList<string> ProblemsOf(PlansInForce plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var problems = plans.Problems.ToList();
        if (!plans.Plans.Any(p => p.IsDefault))
        {
            problems.Add($"no plan in force is the default: Plan__Id names none of {string.Join(", ", plans.Plans.Select(p => p.Id))}; "
                         + "set Plan__Id to one of them or Plan__File to a plan file");
        }
        return problems;
    }

    /// <summary>Loads the plans in force (storage included) and serves them.</summary>
    /// <exception cref="PlansInForceException">The plans in force have a problem (<see cref="ProblemsOf"/>): nothing is served.</exception>
    /// <exception cref="PlanFormatException">An embedded plan or <c>Plan__File</c> is broken (the deployment is wrong).</exception>
    public async Task LoadAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            Adopt(await _load(ct), "load");
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Serves the plans that need no storage (embedded, <c>Plan__File</c>): only for an offline command that says so,
    /// since a published plan of the same id or of other years is then ignored.
    /// </summary>
    public void LoadBuiltIn() => Adopt(_loadBuiltIn(), "built-in load");

    /// <summary>
    /// Reads the plans in force again and serves them if they changed. Whatever goes wrong — storage unreachable, a
    /// problem in the new set — the plans already served stay, and the failure is logged: a refresh never leaves the
    /// application with fewer plans than it had. Not loaded yet: the same as <see cref="LoadAsync"/>.
    /// </summary>
    /// <returns>True when another set of plans is served from now on.</returns>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        if (!IsLoaded)
        {
            await LoadAsync(ct);
            return true;
        }

        await _loading.WaitAsync(ct);
        try
        {
            PlansInForce plans;
            try
            {
                plans = await _load(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Plans in force not refreshed ({Reason}): still serving {Plans}", ex.Message, Describe());
                return false;
            }

            var problems = ProblemsOf(plans);
            if (problems.Count > 0)
            {
                _logger.LogError("Plans in force not refreshed, {Count} problem(s): {Problems}; still serving {Plans}",
                    problems.Count, string.Join("; ", problems), Describe());
                return false;
            }
            if (ReferenceEquals(plans, Current.Plans) || Signature(plans) == Current.Signature) return false;
            Adopt(plans, "refresh");
            return true;
        }
        finally
        {
            _loading.Release();
        }
    }

    private Snapshot Current => _current
        ?? throw new InvalidOperationException(
            "The plan registry was used before it was loaded: a started host loads it (PlanRegistryStartup), the CLI before "
            + "the verb; code that composes services by hand calls PlanRegistry.LoadAsync first.");

    private void Adopt(PlansInForce plans, string how)
    {
        var problems = ProblemsOf(plans);
        if (problems.Count > 0) throw new PlansInForceException(problems);
        var defaultPlan = plans.Plans.First(p => p.IsDefault).Catalog;
        _current = new Snapshot(plans, defaultPlan, Signature(plans),
            plans.Plans.ToDictionary(p => p.Id, p => $"{p.Id}|{p.Published?.Sha256 ?? ContentHash(p.Catalog)}", StringComparer.Ordinal));
        _logger.LogInformation("Plans in force after {How}: {Plans}; default {Default}", how,
            string.Join(", ", plans.Plans.Select(p => $"{p.Describe()} {p.Origin.ToString().ToLowerInvariant()}")), defaultPlan.Id);
    }

    /// <summary>What tells two sets of plans apart: each plan's id, origin, location and content hash.</summary>
    private static string Signature(PlansInForce plans) =>
        string.Join("\n", plans.Plans.Select(p => $"{p.Id}|{p.Origin}|{p.Location}|{p.IsDefault}|{p.Published?.Sha256 ?? ContentHash(p.Catalog)}"));

    /// <summary>The canonical hash; a plan built in code without English texts has none, and is told apart by its instance.</summary>
    private static string ContentHash(PlanCatalog catalog)
    {
        try
        {
            return PlanDocumentWriter.Sha256(catalog);
        }
        catch (InvalidOperationException)
        {
            return $"instance {System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(catalog)}";
        }
    }

    private sealed record Snapshot(PlansInForce Plans, PlanCatalog Default, string Signature, IReadOnlyDictionary<string, string> Fingerprints);
}
