using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Compliance;

/// <summary>
/// A compliance rule over one kind of subject. Rules are pure, stateless and thread-safe: one instance
/// can serve every thread. Rules over a single record allocate nothing when the record passes; rules over
/// a collection (a calendar) allocate in proportion to it.
/// </summary>
/// <typeparam name="TSubject">What the rule looks at (an appointment, a calendar, a plan…).</typeparam>
public interface IRule<in TSubject>
{
    /// <summary>The rule's stable code.</summary>
    RuleCode Code { get; }

    /// <summary>The source the rule follows.</summary>
    Citation Citation { get; }

    /// <summary>
    /// Checks the subject and adds the verdicts to <paramref name="verdicts"/>: none when the rule does
    /// not apply (for example an overrun check on a session that has not ended), otherwise one or more.
    /// </summary>
    /// <param name="subject">The subject.</param>
    /// <param name="verdicts">Where the verdicts go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> or <paramref name="verdicts"/> is null.</exception>
    void Evaluate(TSubject subject, ICollection<Verdict> verdicts);
}
