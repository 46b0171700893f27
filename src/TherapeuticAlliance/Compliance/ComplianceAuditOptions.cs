using System;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// How <see cref="ComplianceAudit.Run(Boundaries.BoundaryPolicy, System.Collections.Generic.IEnumerable{PatientCaseload}, NodaTime.Instant, ComplianceAuditOptions, System.Threading.CancellationToken)"/>
/// spreads an audit over threads and reports its progress. None of it changes the report.
/// </summary>
/// <remarks>
/// Immutable: derive a changed copy with a <c>with</c> expression (every value is checked again). Equality is by value,
/// with <see cref="Progress"/> compared by reference.
/// </remarks>
public sealed record ComplianceAuditOptions
{
    private readonly int _maxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount);
    private readonly int _progressInterval = 1000;

    /// <summary>Creates options with every default; override values in an object initializer.</summary>
    public ComplianceAuditOptions()
    {
    }

    /// <summary>
    /// How many patients are audited at once, each on its own worker thread; 1 or more. Default
    /// <see cref="Environment.ProcessorCount"/> (read when the options are created). The caller's thread reads the
    /// patients; at most three patients per worker are in memory at once (see <see cref="ComplianceAudit"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), "At least one patient is audited at a time.");
    }

    /// <summary>
    /// Told how many patients have been audited so far: every <see cref="ProgressInterval"/> patients, then once with the
    /// final count when every patient has been audited (not when the audit fails or is cancelled). Null (the default)
    /// for no reports.
    /// </summary>
    /// <remarks>
    /// Called from the worker threads, one call at a time and with counts that only go up; the final report is made on
    /// the caller's thread before the audit returns. <see cref="Progress{T}"/> posts each report to the context it was
    /// created on, so those may arrive after the audit returns.
    /// </remarks>
    public IProgress<int>? Progress { get; init; }

    /// <summary>How many patients between two <see cref="Progress"/> reports; 1 or more. Default 1000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int ProgressInterval
    {
        get => _progressInterval;
        init => _progressInterval = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ProgressInterval), "Progress is reported every patient at most.");
    }
}
