using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Benchmarks;

/// <summary>
/// The dual-relationship check for one clinician with 1,000 patients and 50 declarations (issue 5), against a
/// plain pass matching every declaration to every patient as the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DualRelationshipBenchmarks
{
    private readonly DualRelationshipSettings _settings = BoundaryPresets.UsCounseling.Settings.Dual;
    private readonly List<TreatmentCourse> _courses = new(1000);
    private readonly List<RelationshipDeclaration> _declarations = new(50);

    /// <summary>Builds 1,000 courses (a third terminated) and 50 declarations of mixed kinds spread over 50 patients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clinician = new ClinicianId("c-1");
        var start = new LocalDate(2020, 1, 6);
        for (int p = 0; p < 1000; p++)
        {
            LocalDate first = start.PlusDays(p);
            _courses.Add(new TreatmentCourse(new PatientId($"p-{p}"), clinician, first, p % 3 == 0 ? first.PlusMonths(8) : null));
        }

        RelationshipKind[] kinds = [RelationshipKind.Gift, RelationshipKind.IncidentalCommunityContact, RelationshipKind.Barter, RelationshipKind.FriendshipOrSocial, RelationshipKind.RomanticOrSexual];
        for (int d = 0; d < 50; d++)
        {
            RelationshipKind kind = kinds[d % kinds.Length];
            _declarations.Add(new RelationshipDeclaration(
                new RelationshipDeclarationId($"rel-{d}"), clinician, new PatientId($"p-{d * 20}"), null, kind, start.PlusDays((d * 20) + 30), null,
                Safeguards.WrittenBarterContract, kind == RelationshipKind.Gift ? 25m : null));
        }
    }

    /// <summary>Baseline: for each patient, count the declarations about them.</summary>
    /// <returns>The count.</returns>
    [Benchmark(Baseline = true)]
    public int MatchOnly()
    {
        int count = 0;
        foreach (TreatmentCourse course in _courses)
        {
            foreach (RelationshipDeclaration declaration in _declarations)
            {
                count += declaration.PatientId == course.PatientId ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The check for every patient of the clinician.</summary>
    /// <returns>The number of verdicts.</returns>
    [Benchmark]
    public int CheckCaseload()
    {
        int count = 0;
        foreach (TreatmentCourse course in _courses)
        {
            IReadOnlyList<Verdict> verdicts = DualRelationshipCheck.Evaluate(_settings, course, _declarations);
            count += verdicts.Count;
        }

        return count;
    }
}
