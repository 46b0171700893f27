namespace TherapeuticAlliance.Documents;

/// <summary>The error codes of the JSON documents (<see cref="PolicyDocument"/>, <see cref="PolicyDocumentValidator"/>, <see cref="CaseloadDocument"/>). Stable: hosts may map them to their own messages.</summary>
public static class DocumentErrorCodes
{
    /// <summary>The input is empty, not JSON, or not UTF-8; the problem gives the line and byte position.</summary>
    public const string Syntax = "TA.DOC.SYNTAX";

    /// <summary>The input is larger than <see cref="PolicyDocument.MaximumBytes"/>.</summary>
    public const string TooLarge = "TA.DOC.TOO_LARGE";

    /// <summary>Objects and arrays nest deeper than <see cref="PolicyDocument.MaximumDepth"/>.</summary>
    public const string TooDeep = "TA.DOC.TOO_DEEP";

    /// <summary><c>$.schema</c> is missing or is not <see cref="PolicyDocument.SchemaName"/>; nothing else is checked.</summary>
    public const string Schema = "TA.DOC.SCHEMA";

    /// <summary>A property is missing: every member of the document is required (null where null is allowed).</summary>
    public const string Required = "TA.DOC.REQUIRED";

    /// <summary>A property is not part of the document, for example a misspelt setting.</summary>
    public const string UnknownProperty = "TA.DOC.UNKNOWN_PROPERTY";

    /// <summary>An object gives the same property more than once.</summary>
    public const string DuplicateProperty = "TA.DOC.DUPLICATE_PROPERTY";

    /// <summary>A value has the wrong JSON type (for example a string where a number belongs), or is null where null is not allowed.</summary>
    public const string Type = "TA.DOC.TYPE";

    /// <summary>A text value is not in its format: a duration, a period or a date.</summary>
    public const string Format = "TA.DOC.FORMAT";

    /// <summary>A name is not one of the allowed values (an enum value such as a stance or a safeguard).</summary>
    public const string UnknownValue = "TA.DOC.UNKNOWN_VALUE";

    /// <summary>A value is outside the setting's range (for example a negative duration, or a share above 1).</summary>
    public const string Range = "TA.DOC.RANGE";

    /// <summary>An array has more items than the reader allows (<see cref="CaseloadReadOptions.MaximumArrayLength"/>).</summary>
    public const string TooLong = "TA.DOC.TOO_LONG";

    /// <summary>An id refers to a record the document does not hold: a clinician not in <c>$.clinicians</c>, or a goal, appointment, feedback, progress update or plan not among the patient's.</summary>
    public const string UnknownReference = "TA.DOC.UNKNOWN_REFERENCE";

    /// <summary>A record's history is refused by its aggregate: a command that breaks an invariant (the message names the rule code).</summary>
    public const string Refused = "TA.DOC.REFUSED";

    /// <summary>The reader stopped after <see cref="CaseloadReadOptions.MaximumProblems"/> problems.</summary>
    public const string TooManyProblems = "TA.DOC.TOO_MANY_PROBLEMS";

    /// <summary>A value breaks another rule of the setting or the policy (a code that is not a code token, a change log that does not fit the version).</summary>
    public const string Invalid = "TA.DOC.INVALID";
}
