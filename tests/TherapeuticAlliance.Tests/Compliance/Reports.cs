using System.Collections.Immutable;
using System.IO;
using System.Text;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Tests.Compliance;

/// <summary>Sample reports and helpers to write them.</summary>
internal static class Reports
{
    public static readonly Instant AsOf = Instant.FromUtc(2026, 6, 9, 13, 0);

    public static readonly RuleCode Overrun = new("TA.TIME.OVERRUN");
    public static readonly RuleCode LateStart = new("TA.TIME.LATE_START");
    public static readonly RuleCode Gift = new("TA.DUAL.GIFT");
    public static readonly RuleCode Srs = new("TA.ALLIANCE.SRS_DROP");

    // A citation with a '|' and a '\', which Markdown must escape, and '&' and '<', which XML must.
    public static readonly Citation Manual = new("Test Manual & Guide", @"§ 4.2 | table <a>\b", "2026 ed.");

    public static readonly PatientId P1 = new("p-1");
    public static readonly PatientId P2 = new("p-2");
    public static readonly ClinicianId C1 = new("c-1");

    /// <summary>
    /// Two patients, pairs (p-1, c-1) and (p-2, c-1) and a finding about p-2 alone; two findings of each outcome;
    /// nine passes, counted but not kept. Verdicts are added out of order on purpose.
    /// </summary>
    public static ComplianceReport Sample()
    {
        var builder = new ComplianceReportBuilder();
        builder.AddPatient();
        builder.AddPatient();
        foreach ((PatientId patient, ClinicianId? clinician, Verdict verdict) in SampleVerdicts())
        {
            builder.Add(patient, clinician, verdict);
        }

        return builder.Build("us-psychiatry", 3, AsOf);
    }

    public static IEnumerable<(PatientId, ClinicianId?, Verdict)> SampleVerdicts()
    {
        yield return (P2, C1, Verdict(Overrun, Outcome.Violation, Appointment("a-7"), Evidence.OfDuration("overrun", Duration.FromMinutes(25)), Evidence.OfNumber("scheduledMinutes", 45)));
        yield return (P1, C1, Verdict(LateStart, Outcome.Warning, Appointment("a-2"), Evidence.OfDuration("clinicianDelay", Duration.FromMinutes(9))));
        yield return (P1, C1, Verdict(Overrun, Outcome.Violation, Appointment("a-1"), Evidence.OfDuration("overrun", Duration.FromMinutes(12)), Evidence.OfNumber("ratio", 1.25)));
        yield return (P1, C1, Verdict(Gift, Outcome.NeedsReview, new SubjectRef(SubjectKind.RelationshipDeclaration, "rel-1"), Evidence.OfCode("giftKind", "cash"), Evidence.OfId("declaration", "rel-1")));
        yield return (P2, null, Verdict(Srs, Outcome.NeedsReview, new SubjectRef(SubjectKind.Feedback, "f-3"), Evidence.OfInstant("measuredAt", Instant.FromUtc(2026, 6, 2, 15, 30))));
        yield return (P2, C1, Verdict(LateStart, Outcome.Warning, Appointment("a-8"), Evidence.OfDuration("clinicianDelay", Duration.FromMinutes(6))));
        foreach (string id in new[] { "a-3", "a-4", "a-5" })
        {
            yield return (P1, C1, global::TherapeuticAlliance.Compliance.Verdict.Pass(Overrun, Appointment(id), Manual));
            yield return (P1, C1, global::TherapeuticAlliance.Compliance.Verdict.Pass(LateStart, Appointment(id), Manual));
        }

        yield return (P2, C1, global::TherapeuticAlliance.Compliance.Verdict.Pass(Overrun, Appointment("a-9"), Manual));
        yield return (P2, C1, global::TherapeuticAlliance.Compliance.Verdict.Pass(LateStart, Appointment("a-9"), Manual));
        yield return (P2, null, global::TherapeuticAlliance.Compliance.Verdict.Pass(Srs, new SubjectRef(SubjectKind.Feedback, "f-4"), Manual));
    }

    public static ComplianceReport Empty() => new ComplianceReportBuilder().Build("us-psychiatry", 1, AsOf);

    public static SubjectRef Appointment(string id) => SubjectRef.To(new AppointmentId(id));

    public static Verdict Verdict(RuleCode code, Outcome outcome, SubjectRef subject, params Evidence[] evidence) =>
        new(code, outcome, subject, Manual, [.. evidence]);

    public static string Text(ComplianceReport report) => Write(report, ComplianceReportWriter.WriteText);

    public static string Markdown(ComplianceReport report) => Write(report, ComplianceReportWriter.WriteMarkdown);

    public static byte[] Json(ComplianceReport report) => Write(report, ComplianceReportWriter.WriteJson);

    public static byte[] JUnit(ComplianceReport report) => Write(report, ComplianceReportWriter.WriteJUnit);

    private static string Write(ComplianceReport report, Action<ComplianceReport, TextWriter> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(report, writer);
        return writer.ToString();
    }

    private static byte[] Write(ComplianceReport report, Action<ComplianceReport, Stream> write)
    {
        using var stream = new MemoryStream();
        write(report, stream);
        return stream.ToArray();
    }
}
