using System;
using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// A CPT psychotherapy code and the band of face-to-face psychotherapy minutes it may be billed for:
/// 90832 (and add-on +90833) 16–37 minutes; 90834 (+90836) 38–52; 90837 (+90838) 53 or more. Fewer
/// than 16 minutes is not billable as psychotherapy.
/// </summary>
/// <remarks>
/// Source: Medicare LCD L35101 Psychiatric Codes (revision effective 2024-01-01), after CPT 2013. The
/// add-on codes are billed with a separately identifiable evaluation and management service, and the
/// psychotherapy time must be documented apart from the E/M time. CPT descriptors are copyright of the
/// AMA; only code numbers and minute bands are held here. Instances are compared by reference: there
/// is one per code.
/// </remarks>
public sealed class PsychotherapyCode
{
    private PsychotherapyCode(string code, int minimumMinutes, int? maximumMinutes, bool isAddOn)
    {
        Code = code;
        MinimumMinutes = minimumMinutes;
        MaximumMinutes = maximumMinutes;
        IsAddOn = isAddOn;
    }

    /// <summary>Psychotherapy, 30 minutes (16–37).</summary>
    public static PsychotherapyCode Cpt90832 { get; } = new("90832", 16, 37, isAddOn: false);

    /// <summary>Psychotherapy, 30 minutes (16–37), with an E/M service (add-on).</summary>
    public static PsychotherapyCode Cpt90833 { get; } = new("90833", 16, 37, isAddOn: true);

    /// <summary>Psychotherapy, 45 minutes (38–52).</summary>
    public static PsychotherapyCode Cpt90834 { get; } = new("90834", 38, 52, isAddOn: false);

    /// <summary>Psychotherapy, 45 minutes (38–52), with an E/M service (add-on).</summary>
    public static PsychotherapyCode Cpt90836 { get; } = new("90836", 38, 52, isAddOn: true);

    /// <summary>Psychotherapy, 60 minutes (53 or more).</summary>
    public static PsychotherapyCode Cpt90837 { get; } = new("90837", 53, null, isAddOn: false);

    /// <summary>Psychotherapy, 60 minutes (53 or more), with an E/M service (add-on).</summary>
    public static PsychotherapyCode Cpt90838 { get; } = new("90838", 53, null, isAddOn: true);

    /// <summary>Every code, in code order.</summary>
    public static ImmutableArray<PsychotherapyCode> All { get; } = [Cpt90832, Cpt90833, Cpt90834, Cpt90836, Cpt90837, Cpt90838];

    /// <summary>The CPT code, for example <c>90834</c>.</summary>
    public string Code { get; }

    /// <summary>The fewest psychotherapy minutes the code may be billed for.</summary>
    public int MinimumMinutes { get; }

    /// <summary>The most psychotherapy minutes the code may be billed for; null when it has no upper bound.</summary>
    public int? MaximumMinutes { get; }

    /// <summary>Whether the code is an add-on billed with an E/M service.</summary>
    public bool IsAddOn { get; }

    /// <summary>Finds a code by its number.</summary>
    /// <param name="code">The CPT code, for example <c>90837</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not one of the six psychotherapy codes.</exception>
    [Pure]
    public static PsychotherapyCode FromCode(string code)
    {
        Guard.Against.Null(code);
        return All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal))
            ?? throw new ArgumentException("The code is not one of the psychotherapy codes 90832, 90833, 90834, 90836, 90837, 90838.", nameof(code));
    }

    /// <summary>Whether the given psychotherapy minutes fall within this code's band.</summary>
    /// <param name="minutes">Face-to-face psychotherapy minutes.</param>
    /// <returns>Whether the code may be billed for them.</returns>
    [Pure]
    public bool Covers(int minutes) => minutes >= MinimumMinutes && (MaximumMinutes is null || minutes <= MaximumMinutes);

    /// <summary>Returns the code, for example <c>90834</c>.</summary>
    [Pure]
    public override string ToString() => Code;
}
