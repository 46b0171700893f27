namespace TherapeuticAlliance.Planning;

/// <summary>Where a goal is in its life, after FHIR <c>Goal.lifecycleStatus</c> (every code; see <see cref="FhirGoalMapping"/>).</summary>
/// <remarks>
/// Legal changes: Proposed → Planned; Proposed or Planned → Accepted (once both parties have accepted);
/// Proposed, Planned or Accepted → Rejected; Accepted → Active; Active ↔ OnHold; Active or OnHold → Completed (with a final assessment);
/// any open status → Cancelled; any status → EnteredInError.
/// </remarks>
public enum GoalLifecycleStatus
{
    /// <summary>Suggested, not yet agreed. FHIR <c>proposed</c>.</summary>
    Proposed = 0,

    /// <summary>Intended, but work on it has not been agreed or begun. FHIR <c>planned</c>.</summary>
    Planned = 1,

    /// <summary>Both the patient and the clinician have accepted it. FHIR <c>accepted</c>.</summary>
    Accepted = 2,

    /// <summary>Being worked on. FHIR <c>active</c>.</summary>
    Active = 3,

    /// <summary>Paused. FHIR <c>on-hold</c>.</summary>
    OnHold = 4,

    /// <summary>No longer being worked on, with a final assessment. FHIR <c>completed</c>.</summary>
    Completed = 5,

    /// <summary>Abandoned before completion (also when replaced by a revised goal). FHIR <c>cancelled</c>.</summary>
    Cancelled = 6,

    /// <summary>Recorded by mistake. FHIR <c>entered-in-error</c>.</summary>
    EnteredInError = 7,

    /// <summary>One of the parties declined it. FHIR <c>rejected</c>.</summary>
    Rejected = 8,
}

/// <summary>How the goal is going, after FHIR <c>Goal.achievementStatus</c> (every code; see <see cref="FhirGoalMapping"/>).</summary>
public enum GoalAchievementStatus
{
    /// <summary>Being worked on. FHIR <c>in-progress</c>.</summary>
    InProgress = 0,

    /// <summary>Getting closer. FHIR <c>improving</c>.</summary>
    Improving = 1,

    /// <summary>Getting further away. FHIR <c>worsening</c>.</summary>
    Worsening = 2,

    /// <summary>No change. FHIR <c>no-change</c>.</summary>
    NoChange = 3,

    /// <summary>Reached. FHIR <c>achieved</c>.</summary>
    Achieved = 4,

    /// <summary>Reached and being kept. FHIR <c>sustaining</c>.</summary>
    Sustaining = 5,

    /// <summary>Not reached. FHIR <c>not-achieved</c>.</summary>
    NotAchieved = 6,

    /// <summary>No progress was made. FHIR <c>no-progress</c>.</summary>
    NoProgress = 7,

    /// <summary>Cannot be reached. FHIR <c>not-attainable</c>.</summary>
    NotAttainable = 8,
}

/// <summary>Who first put the goal into words (FHIR <c>Goal.expressedBy</c>).</summary>
public enum GoalExpressedBy
{
    /// <summary>The patient, in their own words.</summary>
    Patient = 0,

    /// <summary>The clinician.</summary>
    Clinician = 1,

    /// <summary>Both together.</summary>
    Both = 2,
}

/// <summary>How a measured value is compared with a goal target's value (FHIR Quantity comparator, plus equality).</summary>
public enum TargetComparator
{
    /// <summary>The measure must be below the value (<c>&lt;</c>).</summary>
    LessThan = 0,

    /// <summary>The measure must be at most the value (<c>&lt;=</c>).</summary>
    LessOrEqual = 1,

    /// <summary>The measure must equal the value.</summary>
    Equal = 2,

    /// <summary>The measure must be at least the value (<c>&gt;=</c>).</summary>
    GreaterOrEqual = 3,

    /// <summary>The measure must be above the value (<c>&gt;</c>).</summary>
    GreaterThan = 4,
}
