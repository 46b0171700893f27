using System;
using System.Collections.Generic;
using System.Diagnostics.Contracts;
using Ardalis.GuardClauses;
using NodaTime;

namespace TherapeuticAlliance.Scheduling;

/// <summary>
/// Finds every overlapping pair of bookings per clinician and per patient in O(n log n + k) for n
/// bookings and k conflicts: bookings are grouped by person, sorted by start, and swept with a heap of
/// the bookings still open.
/// </summary>
/// <remarks>
/// Intervals are half-open (back-to-back sessions do not conflict). The result is in a fixed order
/// whatever the input order: clinician conflicts before patient conflicts, then by the first booking's
/// start and the two ids. Two entries with the same appointment id are not compared with each other.
/// Thread-safe: no shared state.
/// </remarks>
public static class CalendarConflicts
{
    /// <summary>
    /// Finds the conflicts among confirmed appointments (booked, arrived, in session or fulfilled), ignoring
    /// proposals, cancellations, no-shows and those entered in error.
    /// </summary>
    /// <param name="appointments">The appointments.</param>
    /// <returns>The conflicts, in a fixed order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an item is null.</exception>
    [Pure]
    public static IReadOnlyList<BookingConflict> Find(IEnumerable<Appointment> appointments)
    {
        Guard.Against.Null(appointments);
        var bookings = new List<Booking>();
        foreach (Appointment appointment in appointments)
        {
            Guard.Against.Null(appointment, nameof(appointments), "An appointment is null.");
            if (IsOnCalendar(appointment))
            {
                bookings.Add(Booking.Of(appointment));
            }
        }

        return Find(bookings);
    }

    /// <summary>Finds the conflicts among bookings; all are taken to be on the calendar.</summary>
    /// <param name="bookings">The bookings.</param>
    /// <returns>The conflicts, in a fixed order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bookings"/> is null.</exception>
    /// <exception cref="ArgumentException">A booking is the default value.</exception>
    [Pure]
    public static IReadOnlyList<BookingConflict> Find(IReadOnlyList<Booking> bookings) => Find(bookings, clinicians: true, patients: true);

    /// <summary>
    /// Finds the conflicts on one kind of calendar only: what the compliance audit needs when it judges each patient's
    /// calendar per patient and the clinicians' calendars once every patient has been seen.
    /// </summary>
    internal static List<BookingConflict> FindOn(Party calendar, IReadOnlyList<Booking> bookings) =>
        Find(bookings, clinicians: calendar == Party.Clinician, patients: calendar == Party.Patient);

    private static List<BookingConflict> Find(IReadOnlyList<Booking> bookings, bool clinicians, bool patients)
    {
        Guard.Against.Null(bookings);
        int n = bookings.Count;
        for (int i = 0; i < n; i++)
        {
            if (bookings[i].AppointmentId.Value is null)
            {
                throw new ArgumentException("A booking is the default value.", nameof(bookings));
            }
        }

        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int i = 0; i < n; i++)
        {
            starts[i] = bookings[i].Start.ToUnixTimeTicks();
            ends[i] = bookings[i].End.ToUnixTimeTicks();
        }

        var found = new List<(BookingConflict Conflict, long FirstStart)>();
        if (clinicians)
        {
            Sweep(bookings, starts, ends, Party.Clinician, b => b.ClinicianId.Value, found);
        }

        if (patients)
        {
            Sweep(bookings, starts, ends, Party.Patient, b => b.PatientId.Value, found);
        }

        found.Sort(static (x, y) =>
        {
            // Clinician calendars first: a clinician's double booking affects every patient in it.
            int c = (x.Conflict.Calendar == Party.Clinician ? 0 : 1) - (y.Conflict.Calendar == Party.Clinician ? 0 : 1);
            c = c != 0 ? c : x.FirstStart.CompareTo(y.FirstStart);
            c = c != 0 ? c : string.CompareOrdinal(x.Conflict.First.Value, y.Conflict.First.Value);
            return c != 0 ? c : string.CompareOrdinal(x.Conflict.Second.Value, y.Conflict.Second.Value);
        });
        return found.ConvertAll(f => f.Conflict);
    }

    // Only confirmed bookings hold a place: a proposal is not yet a booking, and a no-show's time was free
    // for someone else.
    internal static bool IsOnCalendar(Appointment appointment) =>
        appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Arrived or AppointmentStatus.InSession or AppointmentStatus.Fulfilled;

    private static void Sweep(
        IReadOnlyList<Booking> bookings, long[] starts, long[] ends, Party calendar, Func<Booking, string> person, List<(BookingConflict Conflict, long FirstStart)> conflicts)
    {
        int n = bookings.Count;

        // Group by person with a counting sort (stable, O(n)), then sort each group by start.
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] group = new int[n];
        for (int i = 0; i < n; i++)
        {
            string key = person(bookings[i]);
            if (!groupOf.TryGetValue(key, out int g))
            {
                g = groupOf.Count;
                groupOf.Add(key, g);
            }

            group[i] = g;
        }

        int[] offsets = new int[groupOf.Count + 1];
        foreach (int g in group)
        {
            offsets[g + 1]++;
        }

        for (int g = 0; g < groupOf.Count; g++)
        {
            offsets[g + 1] += offsets[g];
        }

        int[] order = new int[n];
        long[] sortedStarts = new long[n];
        int[] next = (int[])offsets.Clone();
        for (int i = 0; i < n; i++)
        {
            int slot = next[group[i]]++;
            order[slot] = i;
            sortedStarts[slot] = starts[i];
        }

        var open = new PriorityQueue<int, long>();
        for (int g = 0; g < groupOf.Count; g++)
        {
            int from = offsets[g];
            int length = offsets[g + 1] - from;
            sortedStarts.AsSpan(from, length).Sort(order.AsSpan(from, length));
            open.Clear();
            for (int k = from; k < from + length; k++)
            {
                int current = order[k];
                long start = starts[current];
                while (open.TryPeek(out _, out long end) && end <= start)
                {
                    open.Dequeue();
                }

                foreach ((int other, long otherEnd) in open.UnorderedItems)
                {
                    AddConflict(bookings, starts, other, otherEnd, current, calendar, conflicts);
                }

                open.Enqueue(current, ends[current]);
            }
        }
    }

    private static void AddConflict(
        IReadOnlyList<Booking> bookings, long[] starts, int earlier, long earlierEnd, int later, Party calendar, List<(BookingConflict Conflict, long FirstStart)> conflicts)
    {
        Booking a = bookings[earlier];
        Booking b = bookings[later];
        if (a.AppointmentId == b.AppointmentId)
        {
            return;
        }

        bool aFirst = starts[earlier] < starts[later] || (starts[earlier] == starts[later] && string.CompareOrdinal(a.AppointmentId.Value, b.AppointmentId.Value) < 0);
        (Booking first, Booking second) = aFirst ? (a, b) : (b, a);
        Instant overlapEnd = Instant.FromUnixTimeTicks(Math.Min(earlierEnd, b.End.ToUnixTimeTicks()));
        conflicts.Add((new BookingConflict(first.AppointmentId, second.AppointmentId, calendar, overlapEnd - b.Start), starts[earlier]));
    }

    /// <summary>The naive O(n²) check: compares every pair. The reference the sweep is tested and benchmarked against.</summary>
    internal static List<BookingConflict> FindPairwise(IReadOnlyList<Booking> bookings)
    {
        var conflicts = new List<BookingConflict>();
        for (int i = 0; i < bookings.Count; i++)
        {
            for (int j = i + 1; j < bookings.Count; j++)
            {
                Booking a = bookings[i];
                Booking b = bookings[j];
                if (a.AppointmentId == b.AppointmentId || !(a.Start < b.End && b.Start < a.End))
                {
                    continue;
                }

                bool aFirst = a.Start < b.Start || (a.Start == b.Start && string.CompareOrdinal(a.AppointmentId.Value, b.AppointmentId.Value) < 0);
                (Booking first, Booking second) = aFirst ? (a, b) : (b, a);
                Duration overlap = (a.End < b.End ? a.End : b.End) - second.Start;
                if (a.ClinicianId == b.ClinicianId)
                {
                    conflicts.Add(new BookingConflict(first.AppointmentId, second.AppointmentId, Party.Clinician, overlap));
                }

                if (a.PatientId == b.PatientId)
                {
                    conflicts.Add(new BookingConflict(first.AppointmentId, second.AppointmentId, Party.Patient, overlap));
                }
            }
        }

        return conflicts;
    }
}
