using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Boundaries;

/// <summary>One setting changed by a policy revision: which, from what, to what, and why.</summary>
/// <param name="Version">The policy version the change created.</param>
/// <param name="EffectiveDate">When that version takes effect.</param>
/// <param name="Setting">The setting's path, for example <c>time.cancellationNotice</c> or <c>dual.standards.gift.stance</c>.</param>
/// <param name="OldValue">The value before.</param>
/// <param name="NewValue">The value after.</param>
/// <param name="ReasonCode">Why it changed (a code token).</param>
/// <remarks>
/// The values are setting values as text, which includes citation text: like a <see cref="Citation"/>, a change
/// carries source names and thresholds, never health information. The setting path and the reason are checked.
/// </remarks>
public sealed partial record PolicyChange(int Version, LocalDate EffectiveDate, string Setting, string OldValue, string NewValue, string ReasonCode)
{
    private readonly string _setting = CheckPath(Setting, nameof(Setting));
    private readonly string _reasonCode = Guard.Against.InvalidCode(ReasonCode);

    /// <summary>The setting's path (names of letters and digits joined by dots, such as <c>time.cancellationNotice</c>); checked on every assignment.</summary>
    public string Setting { get => _setting; init => _setting = CheckPath(value, nameof(Setting)); }

    /// <summary>Why it changed (a code token); checked on every assignment.</summary>
    public string ReasonCode { get => _reasonCode; init => _reasonCode = Guard.Against.InvalidCode(value); }

    private static string CheckPath(string path, string parameterName) =>
        Guard.Against.Null(path, parameterName) is { Length: <= 256 } && SettingPath().IsMatch(path)
            ? path
            : throw new ArgumentException("A setting path is names of letters and digits joined by dots, at most 256 characters.", parameterName);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*\\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SettingPath();
}

/// <summary>The codes carried by <see cref="DomainRuleException"/> when a <see cref="BoundaryPolicy"/> revision is refused.</summary>
public static class PolicyRuleCodes
{
    /// <summary>A revision that changes no setting.</summary>
    public static RuleCode NoChange { get; } = new("TA.POLICY.NO_CHANGE");

    /// <summary>A revision that takes effect before the version it revises.</summary>
    public static RuleCode EffectiveOrder { get; } = new("TA.POLICY.EFFECTIVE_ORDER");
}

/// <summary>
/// A versioned, immutable boundary policy: profession, jurisdiction, effective date, every threshold the rules use
/// (<see cref="Settings"/>), and the sources behind them. Revising makes a new version with a change log; nothing
/// changes in place. Start from a preset (<see cref="BoundaryPresets"/>) and revise it to the practice's own policy.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class BoundaryPolicy
{
    /// <summary>The longest name accepted: 200 characters.</summary>
    public const int MaximumNameLength = 200;

    private BoundaryPolicy(
        string id, string name, int version, ClinicianProfession profession, Jurisdiction jurisdiction, LocalDate effectiveDate, LocalDate sourcesAsOf,
        BoundarySettings settings, ImmutableArray<Citation> sources, ImmutableArray<PolicyChange> changeLog)
    {
        Id = id;
        Name = name;
        Version = version;
        Profession = profession;
        Jurisdiction = jurisdiction;
        EffectiveDate = effectiveDate;
        SourcesAsOf = sourcesAsOf;
        Settings = settings;
        Sources = sources;
        ChangeLog = changeLog;
    }

    /// <summary>The policy's id, a code token (for example <c>us-psychiatry</c>).</summary>
    public string Id { get; }

    /// <summary>A short display name (not health information).</summary>
    public string Name { get; }

    /// <summary>The version: 1 when created, one more with each revision.</summary>
    public int Version { get; }

    /// <summary>The profession whose code it follows.</summary>
    public ClinicianProfession Profession { get; }

    /// <summary>Where it applies.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The day this version takes effect.</summary>
    public LocalDate EffectiveDate { get; }

    /// <summary>The day the sources were last checked: verify anything older against the current codes and law.</summary>
    public LocalDate SourcesAsOf { get; }

    /// <summary>Every threshold the rules use.</summary>
    public BoundarySettings Settings { get; }

    /// <summary>The documents the policy follows.</summary>
    public ImmutableArray<Citation> Sources { get; }

    /// <summary>Every change since version 1, oldest first.</summary>
    public ImmutableArray<PolicyChange> ChangeLog { get; }

    /// <summary>Creates version 1 of a policy.</summary>
    /// <param name="id">The policy's id, a code token.</param>
    /// <param name="name">A short display name, at most <see cref="MaximumNameLength"/> characters.</param>
    /// <param name="profession">The profession.</param>
    /// <param name="jurisdiction">Where it applies.</param>
    /// <param name="effectiveDate">The day it takes effect.</param>
    /// <param name="sourcesAsOf">The day its sources were checked.</param>
    /// <param name="settings">Every threshold.</param>
    /// <param name="sources">The documents it follows; at least one.</param>
    /// <returns>The policy, version 1, with an empty change log.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a code token, the name is blank or too long, or there are no sources.</exception>
    /// <exception cref="ArgumentNullException">An argument or a source is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="profession"/> is not defined.</exception>
    public static BoundaryPolicy Create(
        string id, string name, ClinicianProfession profession, Jurisdiction jurisdiction, LocalDate effectiveDate, LocalDate sourcesAsOf,
        BoundarySettings settings, IEnumerable<Citation> sources)
    {
        Guard.Against.InvalidCode(id);
        Guards.RequiredFreeText(name, MaximumNameLength);
        Guard.Against.UndefinedEnum(profession);
        Guard.Against.Null(jurisdiction);
        Guard.Against.Null(settings);
        ImmutableArray<Citation> list = [.. Guard.Against.Null(sources)];
        if (list.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(sources), "A source is null.");
        }

        if (list.IsEmpty)
        {
            throw new ArgumentException("A policy names at least one source.", nameof(sources));
        }

        return new BoundaryPolicy(id, name, 1, profession, jurisdiction, effectiveDate, sourcesAsOf, settings, list, []);
    }

    /// <summary>
    /// Restores a policy as written in a document (<see cref="Documents.PolicyDocument"/>): the same checks as
    /// <see cref="Create"/>, and a change log consistent with the version (<see cref="ChangeLogProblems"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An argument breaks a rule of <see cref="Create"/>, or the change log does not fit the version.</exception>
    /// <exception cref="ArgumentNullException">An argument, a source or a change is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is less than 1, or the profession is not defined.</exception>
    internal static BoundaryPolicy Restore(
        string id, string name, int version, ClinicianProfession profession, Jurisdiction jurisdiction, LocalDate effectiveDate, LocalDate sourcesAsOf,
        BoundarySettings settings, IEnumerable<Citation> sources, IEnumerable<PolicyChange> changeLog)
    {
        BoundaryPolicy first = Create(id, name, profession, jurisdiction, effectiveDate, sourcesAsOf, settings, sources);
        if (version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), "The version is 1 or more.");
        }

        ImmutableArray<PolicyChange> log = [.. Guard.Against.Null(changeLog)];
        if (log.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(changeLog), "A change is null.");
        }

        if (ChangeLogProblems(version, effectiveDate, log).FirstOrDefault() is { Problem: { } problem })
        {
            throw new ArgumentException(problem, nameof(changeLog));
        }

        return new BoundaryPolicy(id, name, version, profession, jurisdiction, effectiveDate, sourcesAsOf, settings, first.Sources, log);
    }

    /// <summary>
    /// How a change log breaks what <see cref="Revise"/> guarantees: versions 2 to <paramref name="version"/>, oldest
    /// first, each with at least one change; the changes of a version share its effective date and list each setting
    /// once, sorted by path; no version takes effect before the one it revises; the latest takes effect on
    /// <paramref name="effectiveDate"/>.
    /// </summary>
    /// <returns>Each problem with its member path (<c>changeLog[2].version</c>, or <c>changeLog</c> for the log as a whole); none when consistent.</returns>
    internal static IEnumerable<(string Path, string Problem)> ChangeLogProblems(int version, LocalDate effectiveDate, IReadOnlyList<PolicyChange> changeLog)
    {
        for (int i = 0; i < changeLog.Count; i++)
        {
            PolicyChange change = changeLog[i];
            PolicyChange? previous = i > 0 ? changeLog[i - 1] : null;
            int lowest = previous?.Version ?? 2;
            int highest = Math.Min(previous is null ? 2 : previous.Version + 1, version);
            if (change.Version < lowest || change.Version > highest)
            {
                yield return ($"changeLog[{i}].version", "Change versions run from 2 to the policy's version, oldest first, rising by one at a time.");
            }
            else if (change.Version == previous?.Version)
            {
                if (change.EffectiveDate != previous.EffectiveDate)
                {
                    yield return ($"changeLog[{i}].effectiveDate", "The changes of one version share its effective date.");
                }

                if (string.CompareOrdinal(change.Setting, previous.Setting) <= 0)
                {
                    yield return ($"changeLog[{i}].setting", "The changes of one version list each setting once, sorted by path.");
                }
            }
            else if (previous is not null && change.EffectiveDate < previous.EffectiveDate)
            {
                yield return ($"changeLog[{i}].effectiveDate", "A version cannot take effect before the version it revises.");
            }
        }

        if ((changeLog.Count == 0 ? 1 : changeLog[^1].Version) != version)
        {
            yield return ("changeLog", "The change log must reach the policy's version: every version after 1 changes at least one setting.");
        }
        else if (changeLog.Count > 0 && changeLog[^1].EffectiveDate != effectiveDate)
        {
            yield return ($"changeLog[{changeLog.Count - 1}].effectiveDate", "The latest version's changes take effect on the policy's effective date.");
        }
    }

    /// <summary>
    /// Makes the next version with new settings. The change log gains one entry for every setting that differs, with
    /// its old and new value and the reason. This policy is not changed.
    /// </summary>
    /// <param name="settings">The new settings, usually this policy's with a <c>with</c> expression.</param>
    /// <param name="reasonCode">Why, as a code token (for example <c>state-board-rule</c>).</param>
    /// <param name="effectiveDate">The day the new version takes effect; not before this version's.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reasonCode"/> is not a code token.</exception>
    /// <exception cref="DomainRuleException">
    /// No setting changes (<c>TA.POLICY.NO_CHANGE</c>), or the new version would take effect before this one (<c>TA.POLICY.EFFECTIVE_ORDER</c>).
    /// </exception>
    public BoundaryPolicy Revise(BoundarySettings settings, string reasonCode, LocalDate effectiveDate)
    {
        Guard.Against.Null(settings);
        Guard.Against.InvalidCode(reasonCode);
        if (effectiveDate < EffectiveDate)
        {
            throw new DomainRuleException(PolicyRuleCodes.EffectiveOrder, $"Policy {Id} v{Version}: a revision cannot take effect before the version it revises.");
        }

        SortedDictionary<string, string> before = SettingValues.Flatten(Settings);
        SortedDictionary<string, string> after = SettingValues.Flatten(settings);
        int version = Version + 1;
        PolicyChange[] changes =
        [
            .. before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                // A missing path reads as "none", as a null setting does: a null citation set to a value changes its three parts, not a fourth path.
                .Where(path => before.GetValueOrDefault(path, "none") != after.GetValueOrDefault(path, "none"))
                .Select(path => new PolicyChange(version, effectiveDate, path, before.GetValueOrDefault(path, "none"), after.GetValueOrDefault(path, "none"), reasonCode)),
        ];
        if (changes.Length == 0)
        {
            throw new DomainRuleException(PolicyRuleCodes.NoChange, $"Policy {Id} v{Version}: the revision changes no setting.");
        }

        return new BoundaryPolicy(Id, Name, version, Profession, Jurisdiction, effectiveDate, SourcesAsOf, settings, Sources, ChangeLog.AddRange(changes));
    }

    /// <summary>Every setting as <c>path → value</c> text, sorted by path: what the change log compares.</summary>
    /// <returns>The settings, flattened.</returns>
    public IReadOnlyDictionary<string, string> DescribeSettings() => SettingValues.Flatten(Settings);

    /// <summary>Returns the id, version, profession and jurisdiction.</summary>
    public override string ToString() => $"BoundaryPolicy {Id} v{Version} {Profession} {Jurisdiction}";
}
