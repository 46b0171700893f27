// The README's quick start, runnable: dotnet run --project src/TherapeuticAlliance.Sample
// quick-start:begin
using System;
using NodaTime;
using TherapeuticAlliance;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

// A 50-minute psychotherapy session at 09:00 New York time. The local time and the zone are what
// the two people agreed on; the instants are derived (and a time in a DST gap or overlap is refused).
SessionSlot slot = SessionSlot.Create(new LocalDateTime(2027, 3, 16, 9, 0), "America/New_York", Duration.FromMinutes(50));

// Commands take the instant something happened; in your system it comes from an injected IClock.
Instant bookedAt = slot.Start - Duration.FromDays(7);
Appointment appointment = Appointment.Schedule(
    new AppointmentId("appt-1001"), new PatientId("pat-17"), new ClinicianId("dr-4"),
    SessionKind.Psychotherapy, slot, scheduledAt: bookedAt);
appointment.Confirm(bookedAt + Duration.FromHours(1));

// What happened on the day: the patient arrives at 09:02, the session starts at 09:10
// and ends 12 minutes after its scheduled end.
appointment.CheckIn(slot.Start + Duration.FromMinutes(2));
appointment.StartSession(slot.Start + Duration.FromMinutes(10));
appointment.EndSession(slot.End + Duration.FromMinutes(12));

// Evaluate the time-boundary rules. Each verdict names its rule, outcome, subject, evidence and source.
RuleSet<Appointment> timeRules = TimeBoundaryRules.Create(TimeBoundarySettings.Default);
foreach (Verdict verdict in timeRules.Evaluate(appointment))
{
    Console.WriteLine($"{verdict.Code} {verdict.Outcome} {string.Join(", ", verdict.Evidence)}".TrimEnd());
}
// quick-start:end

// The planning example: goals and a treatment plan (see the README).
Console.WriteLine();
PlanningExample.Run(Instant.FromUtc(2027, 3, 16, 13, 0));

// The feedback example: feedback asked for and acted on, attendance, and the alliance rules (see the README).
Console.WriteLine();
FeedbackExample.Run(Instant.FromUtc(2027, 3, 30, 13, 0));

// The dual-relationship example: boundary policies and the intake question (see the README).
Console.WriteLine();
BoundaryExample.Run();

// The disclosure example: a court's subpoena and order, and a threat under two states' duty to protect (see the README).
Console.WriteLine();
ConfidentialityExample.Run(Instant.FromUtc(2027, 4, 6, 13, 0));

// The policy-document example: a preset as JSON and back, and a document with mistakes (see the README).
Console.WriteLine();
PolicyDocumentExample.Run();

// The caseload example: a synthetic caseload as a document, streamed through the audit (see the README).
Console.WriteLine();
CaseloadExample.Run();
