using System;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using NodaTime;
using TherapeuticAlliance.Boundaries;
using TherapeuticAlliance.Compliance;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Documents;

/// <summary>
/// A <c>therapeutic-alliance/policy@1</c> document as the generic mapper (<see cref="DocumentMapper"/>) reads and
/// writes it: the members in document order, each checked on its own so that every problem is reported at its path.
/// The checks across members (the change log against the version) are <see cref="BoundaryPolicy.ChangeLogProblems"/>.
/// </summary>
internal sealed class PolicyDocumentModel
{
    private readonly string _schema = PolicyDocument.SchemaName;
    private readonly string _id = "policy";
    private readonly string _name = "Policy";
    private readonly int _version = 1;
    private readonly ClinicianProfession _profession;
    private readonly ImmutableArray<Citation> _sources = [];

    public PolicyDocumentModel()
    {
    }

    public PolicyDocumentModel(BoundaryPolicy policy)
    {
        Id = policy.Id;
        Name = policy.Name;
        Version = policy.Version;
        Profession = policy.Profession;
        Jurisdiction = policy.Jurisdiction;
        EffectiveDate = policy.EffectiveDate;
        SourcesAsOf = policy.SourcesAsOf;
        Sources = policy.Sources;
        Settings = policy.Settings;
        ChangeLog = policy.ChangeLog;
    }

    public string Schema
    {
        get => _schema;
        init => _schema = value == PolicyDocument.SchemaName ? value : throw new ArgumentException($"The schema is {PolicyDocument.SchemaName}.", nameof(Schema));
    }

    public string Id { get => _id; init => _id = Guard.Against.InvalidCode(value); }

    public string Name { get => _name; init => _name = Guards.RequiredFreeText(value, BoundaryPolicy.MaximumNameLength); }

    public int Version
    {
        get => _version;
        init => _version = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Version), "The version is 1 or more.");
    }

    public ClinicianProfession Profession { get => _profession; init => _profession = Guard.Against.UndefinedEnum(value); }

    public Jurisdiction Jurisdiction { get; init; } = Jurisdiction.UnitedStates;

    public LocalDate EffectiveDate { get; init; }

    public LocalDate SourcesAsOf { get; init; }

    public ImmutableArray<Citation> Sources
    {
        get => _sources;
        init => _sources = !value.IsDefaultOrEmpty ? value : throw new ArgumentException("A policy names at least one source.", nameof(Sources));
    }

    public BoundarySettings Settings { get; init; } = null!;

    public ImmutableArray<PolicyChange> ChangeLog { get; init; } = [];

    public BoundaryPolicy ToPolicy() =>
        BoundaryPolicy.Restore(Id, Name, Version, Profession, Jurisdiction, EffectiveDate, SourcesAsOf, Settings, Sources, ChangeLog);
}
