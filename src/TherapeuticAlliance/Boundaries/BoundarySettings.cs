using Ardalis.GuardClauses;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Confidentiality;
using TherapeuticAlliance.Planning;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Boundaries;

/// <summary>
/// Every threshold the rules use, in one place: time boundaries, planning, reliability, feedback and alliance, and
/// dual relationships, and confidentiality. A <see cref="BoundaryPolicy"/> holds one, so one policy drives every rule.
/// </summary>
/// <remarks>Immutable: derive a changed copy with a <c>with</c> expression. Equality compares every setting.</remarks>
public sealed record BoundarySettings
{
    private readonly TimeBoundarySettings _time;
    private readonly PlanningSettings _planning;
    private readonly AllianceSettings _alliance;
    private readonly DualRelationshipSettings _dual;
    private readonly ConfidentialitySettings _confidentiality;

    /// <summary>Creates the settings.</summary>
    /// <param name="time">The time-boundary thresholds (<c>TA.TIME.*</c>).</param>
    /// <param name="planning">The planning thresholds (<c>TA.FOCUS.*</c>, <c>TA.COMM.*</c> over a treatment episode).</param>
    /// <param name="alliance">The reliability, feedback and alliance thresholds (<c>TA.TRUST.*</c>, <c>TA.COMM.*</c>, <c>TA.ALLIANCE.*</c>).</param>
    /// <param name="dual">The dual-relationship standards (<c>TA.DUAL.*</c>).</param>
    /// <param name="confidentiality">The confidentiality settings (<c>TA.CONF.*</c>).</param>
    /// <exception cref="System.ArgumentNullException">An argument is null.</exception>
    public BoundarySettings(TimeBoundarySettings time, PlanningSettings planning, AllianceSettings alliance, DualRelationshipSettings dual, ConfidentialitySettings confidentiality)
    {
        _time = Guard.Against.Null(time);
        _planning = Guard.Against.Null(planning);
        _alliance = Guard.Against.Null(alliance);
        _dual = Guard.Against.Null(dual);
        _confidentiality = Guard.Against.Null(confidentiality);
    }

    /// <summary>The time-boundary thresholds.</summary>
    /// <exception cref="System.ArgumentNullException">Null.</exception>
    public TimeBoundarySettings Time { get => _time; init => _time = Guard.Against.Null(value); }

    /// <summary>The planning thresholds.</summary>
    /// <exception cref="System.ArgumentNullException">Null.</exception>
    public PlanningSettings Planning { get => _planning; init => _planning = Guard.Against.Null(value); }

    /// <summary>The reliability, feedback and alliance thresholds.</summary>
    /// <exception cref="System.ArgumentNullException">Null.</exception>
    public AllianceSettings Alliance { get => _alliance; init => _alliance = Guard.Against.Null(value); }

    /// <summary>The dual-relationship standards.</summary>
    /// <exception cref="System.ArgumentNullException">Null.</exception>
    public DualRelationshipSettings Dual { get => _dual; init => _dual = Guard.Against.Null(value); }

    /// <summary>The confidentiality settings.</summary>
    /// <exception cref="System.ArgumentNullException">Null.</exception>
    public ConfidentialitySettings Confidentiality { get => _confidentiality; init => _confidentiality = Guard.Against.Null(value); }
}
