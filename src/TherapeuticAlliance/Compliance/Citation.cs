using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Compliance;

/// <summary>The source behind a rule or a setting: document, section and edition.</summary>
/// <remarks>
/// Citations are static data: rules hold one instance each, so a verdict that carries a citation
/// allocates nothing for it. Equality compares all three parts ordinally. The text is printed in
/// <see cref="Verdict.ToString"/>: it must name a source, never hold patient data. The library cannot
/// check that for citations you build yourself.
/// </remarks>
public sealed record Citation
{
    /// <summary>Creates a citation.</summary>
    /// <param name="document">The document (for example "Medicare LCD L35101, Psychiatric Codes").</param>
    /// <param name="section">The section, article or page within it.</param>
    /// <param name="edition">The edition, revision or effective date that was read.</param>
    /// <exception cref="ArgumentException">A part is null, empty or white space.</exception>
    public Citation(string document, string section, string edition)
    {
        Document = Guard.Against.NullOrWhiteSpace(document);
        Section = Guard.Against.NullOrWhiteSpace(section);
        Edition = Guard.Against.NullOrWhiteSpace(edition);
    }

    /// <summary>The document.</summary>
    public string Document { get; }

    /// <summary>The section, article or page.</summary>
    public string Section { get; }

    /// <summary>The edition, revision or effective date.</summary>
    public string Edition { get; }

    /// <summary>Returns <c>Document, Section (Edition)</c>.</summary>
    public override string ToString() => $"{Document}, {Section} ({Edition})";
}
