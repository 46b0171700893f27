using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Compliance;

/// <summary>A clinician named by a caseload: the host's id and the licensed profession.</summary>
/// <remarks>Immutable. Holds no name: a caseload carries ids and codes, and free text only where a record needs it.</remarks>
public sealed record CaseloadClinician
{
    /// <summary>Creates a clinician entry.</summary>
    /// <param name="id">The clinician.</param>
    /// <param name="profession">The clinician's licensed profession.</param>
    /// <exception cref="System.ArgumentException"><paramref name="id"/> is the default value, or <paramref name="profession"/> is not defined.</exception>
    public CaseloadClinician(ClinicianId id, ClinicianProfession profession)
    {
        Id = Guards.NotDefault(id, id.Value);
        Profession = Guard.Against.UndefinedEnum(profession);
    }

    /// <summary>The clinician.</summary>
    public ClinicianId Id { get; }

    /// <summary>The clinician's licensed profession.</summary>
    public ClinicianProfession Profession { get; }

    /// <inheritdoc/>
    public override string ToString() => $"CaseloadClinician {Id} {Profession}";
}
