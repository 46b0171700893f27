using System;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Testing;

/// <summary>
/// Builds boundary policies from a preset (by default <see cref="BoundaryPresets.UsPsychiatry"/>) with changed settings,
/// either as a new version 1 (<see cref="Build"/>) or as the preset's next version with a change log (<see cref="BuildRevision"/>).
/// </summary>
/// <remarks>
/// The preset's profession, name, sources and the date they were checked are kept. Settings changes apply in the order
/// given, each to the result of the previous. Mutable; not thread-safe.
/// </remarks>
public sealed class BoundaryPolicyBuilder
{
    private BoundaryPolicy _basis = BoundaryPresets.UsPsychiatry;
    private BoundarySettings? _settings;
    private string? _id;
    private Jurisdiction? _jurisdiction;
    private LocalDate? _effectiveDate;

    private BoundarySettings Settings => _settings ?? _basis.Settings;

    /// <summary>Starts from another policy or preset; settings changed so far are dropped.</summary>
    /// <param name="basis">The policy.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder From(BoundaryPolicy basis)
    {
        _basis = Guard.Against.Null(basis);
        _settings = null;
        return this;
    }

    /// <summary>Sets the new policy's id (default the basis's).</summary>
    /// <param name="id">A code token.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithId(string id)
    {
        _id = Guard.Against.Null(id);
        return this;
    }

    /// <summary>Sets where the policy applies (default the basis's jurisdiction).</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder In(Jurisdiction jurisdiction)
    {
        _jurisdiction = Guard.Against.Null(jurisdiction);
        return this;
    }

    /// <summary>Sets the day the policy (or the revision) takes effect (default the basis's effective date).</summary>
    /// <param name="effectiveDate">The day.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder EffectiveOn(LocalDate effectiveDate)
    {
        _effectiveDate = effectiveDate;
        return this;
    }

    /// <summary>Changes every setting at once.</summary>
    /// <param name="change">From the current settings to the new ones, usually a <c>with</c> expression.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithSettings(Func<BoundarySettings, BoundarySettings> change)
    {
        _settings = Guard.Against.Null(change)(Settings);
        return this;
    }

    /// <summary>Changes the time-boundary settings.</summary>
    /// <param name="change">From the current settings to the new ones.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithTime(Func<TimeBoundarySettings, TimeBoundarySettings> change)
    {
        Guard.Against.Null(change);
        return WithSettings(s => s with { Time = change(s.Time) });
    }

    /// <summary>Changes the planning settings.</summary>
    /// <param name="change">From the current settings to the new ones.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithPlanning(Func<PlanningSettings, PlanningSettings> change)
    {
        Guard.Against.Null(change);
        return WithSettings(s => s with { Planning = change(s.Planning) });
    }

    /// <summary>Changes the alliance settings.</summary>
    /// <param name="change">From the current settings to the new ones.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithAlliance(Func<AllianceSettings, AllianceSettings> change)
    {
        Guard.Against.Null(change);
        return WithSettings(s => s with { Alliance = change(s.Alliance) });
    }

    /// <summary>Changes the dual-relationship settings.</summary>
    /// <param name="change">From the current settings to the new ones.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithDual(Func<DualRelationshipSettings, DualRelationshipSettings> change)
    {
        Guard.Against.Null(change);
        return WithSettings(s => s with { Dual = change(s.Dual) });
    }

    /// <summary>Changes the confidentiality settings.</summary>
    /// <param name="change">From the current settings to the new ones.</param>
    /// <returns>This builder.</returns>
    public BoundaryPolicyBuilder WithConfidentiality(Func<ConfidentialitySettings, ConfidentialitySettings> change)
    {
        Guard.Against.Null(change);
        return WithSettings(s => s with { Confidentiality = change(s.Confidentiality) });
    }

    /// <summary>Builds version 1 of a policy with the settings, under the basis's profession, name and sources.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">The id is not a code token (the library's message).</exception>
    public BoundaryPolicy Build() => BoundaryPolicy.Create(
        _id ?? _basis.Id, _basis.Name, _basis.Profession, _jurisdiction ?? _basis.Jurisdiction, _effectiveDate ?? _basis.EffectiveDate, _basis.SourcesAsOf,
        Settings, _basis.Sources);

    /// <summary>Builds the basis's next version with the settings, its change log naming each changed setting.</summary>
    /// <param name="reasonCode">Why, as a code token (default <c>test-change</c>).</param>
    /// <returns>The revised policy.</returns>
    /// <exception cref="DomainRuleException">No setting changed, or the effective date is before the basis's (the library's rule code).</exception>
    public BoundaryPolicy BuildRevision(string reasonCode = "test-change") =>
        _basis.Revise(Settings, reasonCode, _effectiveDate ?? _basis.EffectiveDate);
}
