using System;
using NodaTime;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// Seeded synthetic calendars shaped like a psychiatry practice: about 1,700 sessions per
/// clinician-year (MGMA median 1,678), on the hour, weekdays 08:00–17:00, lasting 30, 45 or 60
/// minutes; each clinician sees about 42 patients about 40 times each; one booking in a thousand is
/// planted on top of another of the same clinician (a double booking).
/// </summary>
internal static class Calendars
{
    private const int SessionsPerClinician = 1_700;
    private const int PatientsPerClinician = 42;

    public static Booking[] Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        Instant firstMonday = Instant.FromUtc(2026, 1, 5, 13, 0);
        int[] lengths = [30, 45, 60];

        // Weekday hours of one year: 261 days x 9 hours.
        var hours = new Instant[261 * 9];
        for (int i = 0; i < hours.Length; i++)
        {
            int weekday = i / 9;
            hours[i] = firstMonday + Duration.FromDays((weekday / 5 * 7) + (weekday % 5)) + Duration.FromHours(i % 9);
        }

        var bookings = new Booking[count];
        for (int i = 0; i < count; i += SessionsPerClinician)
        {
            int clinician = i / SessionsPerClinician;
            random.Shuffle(hours);
            for (int k = 0; k < SessionsPerClinician && i + k < count; k++)
            {
                Instant start = random.Next(1_000) == 0 && k > 0 ? bookings[i + k - 1].Start : hours[k];
                Duration length = Duration.FromMinutes(lengths[random.Next(lengths.Length)]);
                bookings[i + k] = new Booking(
                    new AppointmentId($"a{i + k}"),
                    new ClinicianId($"c{clinician}"),
                    new PatientId($"p{clinician}-{random.Next(PatientsPerClinician)}"),
                    start,
                    start + length);
            }
        }

        return bookings;
    }
}
