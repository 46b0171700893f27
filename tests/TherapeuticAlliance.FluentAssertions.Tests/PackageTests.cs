using System.IO;
using System.Reflection;
using System.Xml.Linq;
using TherapeuticAlliance.Tests.Shared;

namespace TherapeuticAlliance.FluentAssertions.Tests;

/// <summary>What the package promises as a package: its README's quick start runs, and its API is documented.</summary>
public class PackageTests
{
    private static readonly Assembly Package = typeof(AllianceAssertionExtensions).Assembly;

    [Fact]
    public void ReadmeQuickStart_IsTheQuickStartTestWordForWord()
    {
        string test = Repository.QuickStartRegion(Repository.Read("tests", "TherapeuticAlliance.FluentAssertions.Tests", "QuickStart.cs"));
        string readme = Repository.QuickStartBlock(Repository.Read("src", "TherapeuticAlliance.FluentAssertions", "README.md"));

        test.Should().NotBeEmpty();
        readme.Should().Be(test);
    }

    [Fact]
    public void Package_DependsOnFluentAssertions7()
    {
        Package.GetReferencedAssemblies().Should().Contain(a => a.Name == "FluentAssertions" && a.Version!.Major == 7);
    }

    [Fact]
    public void PublicTypes_AreSealedOrStatic_AndDocumented()
    {
        Type[] types = Package.GetExportedTypes();
        var documented = XDocument.Load(Path.ChangeExtension(Package.Location, ".xml")).Descendants("member")
            .Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        types.Should().HaveCountGreaterThan(5);
        // Sealed, static, or abstract with no constructor another assembly could call: users cannot extend the package.
        types.Where(t => !t.IsSealed && !(t.IsAbstract && t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .All(c => c.IsPrivate || c.IsAssembly || c.IsFamilyAndAssembly)))
            .Select(t => t.FullName).Should().BeEmpty();
        types.Select(t => "T:" + t.FullName).Where(id => !documented.Contains(id)).Should().BeEmpty();
    }
}
