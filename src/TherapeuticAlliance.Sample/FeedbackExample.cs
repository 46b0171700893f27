using System;
using System.Collections.Generic;
using NodaTime;
using TherapeuticAlliance;
using TherapeuticAlliance.Communication;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Scheduling;

/// <summary>The README's feedback example: SRS after each session, session feedback acted on, attendance, and the rules.</summary>
internal static class FeedbackExample
{
    public static void Run(Instant start)
    {
        // feedback:begin
        var patient = new PatientId("pat-17");
        var clinician = new ClinicianId("dr-4");
        var sessions = new List<Appointment>();
        var feedback = new List<Feedback>();

        // Four weekly sessions; after each, the clinician asks for an SRS (4 items, 0-10 each; no item wording is shipped).
        decimal?[][] srs = [[9, 9, 9.5m, 9.5m], [9.5m, 9.5m, 9.5m, 9.5m], [9, 8.5m, 8, 8.5m], [9.5m, 9.5m, 9, 9.5m]];
        for (int week = 0; week < srs.Length; week++)
        {
            SessionSlot slot = SessionSlot.Create(new LocalDateTime(2027, 4, 6, 9, 0).PlusWeeks(week), "America/New_York", Duration.FromMinutes(50));
            Appointment session = Appointment.Schedule(
                new AppointmentId($"appt-{2001 + week}"), patient, clinician, SessionKind.Psychotherapy, slot, scheduledAt: start);
            session.Confirm(start);
            session.CheckIn(slot.Start);
            session.StartSession(slot.Start);
            session.EndSession(slot.End);
            sessions.Add(session);

            InstrumentResponse response = InstrumentResponse.Create(Instruments.Srs, srs[week], Party.Patient, at: slot.End);
            feedback.Add(Feedback.ForInstrument(
                new FeedbackId($"srs-{week + 1}"), patient, clinician, session.Id, FeedbackSolicitation.Solicited, response));
        }

        // The third SRS (34) is below the cutoff of 36: negative feedback, which cannot close without a response.
        // The clinician raises it at the start of the next session, and the patient says more, in their own words.
        Feedback third = feedback[2];
        Instant nextSession = sessions[3].StartedAt!.Value;
        third.Address(FeedbackResponse.Discussed(), nextSession + Duration.FromMinutes(5));
        var said = new SessionFeedback(
            directionFeelsRight: true, unproductiveTopicCodes: ["homework-review"], unproductiveGoalIds: [],
            pace: SessionPace.TooSlow, comment: "Going over the worksheets takes half the hour.");
        Feedback volunteered = Feedback.ForSession(
            new FeedbackId("fb-1"), patient, clinician, sessions[3].Id, FeedbackSolicitation.Volunteered, said, nextSession + Duration.FromMinutes(6));
        volunteered.Address(FeedbackResponse.TopicChanged(), nextSession + Duration.FromMinutes(10));
        feedback.Add(volunteered);

        // Reliability is mutual: one attendance record holds both parties to the same standard.
        Instant asOf = sessions[^1].EndedAt!.Value + Duration.FromDays(1);
        AttendanceRecord attendance = AttendanceRecord.Compute(sessions, from: start, asOf);
        Console.WriteLine($"kept {attendance.Kept} of {attendance.PatientCommitments}; on-time starts {attendance.OnTimeStarts} of {attendance.SessionsStarted}");

        var history = new AllianceHistory(patient, clinician, sessions, feedback, asOf);
        foreach (Verdict verdict in AllianceRules.Create().Evaluate(history))
        {
            Console.WriteLine($"{verdict.Code} {verdict.Outcome} {verdict.Subject}");
        }
        // feedback:end
    }
}
