using System.IO;
using System.Reflection;
using System.Xml.Linq;
using TherapeuticAlliance.Tests.Shared;

namespace TherapeuticAlliance.Testing.Tests;

/// <summary>What the package promises as a package: its README's quick start runs, its API is documented, and it needs no assertion library.</summary>
public class PackageTests
{
    private static readonly Assembly Package = typeof(AppointmentBuilder).Assembly;

    [Fact]
    public void ReadmeQuickStart_IsTheQuickStartTestWordForWord()
    {
        string test = Repository.QuickStartRegion(Repository.Read("tests", "TherapeuticAlliance.Testing.Tests", "QuickStart.cs"));
        string readme = Repository.QuickStartBlock(Repository.Read("src", "TherapeuticAlliance.Testing", "README.md"));

        test.Should().NotBeEmpty();
        readme.Should().Be(test);
    }

    [Fact]
    public void Package_ReferencesNoAssertionOrTestLibrary()
    {
        Package.GetReferencedAssemblies().Select(a => a.Name).Should()
            .NotContain(name => name!.StartsWith("FluentAssertions", StringComparison.Ordinal) || name.StartsWith("xunit", StringComparison.Ordinal)
                || name.StartsWith("nunit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Shouldly", StringComparison.Ordinal));
        Package.GetReferencedAssemblies().Select(a => a.Name).Should().Contain(["TherapeuticAlliance", "NodaTime.Testing"]);
    }

    [Fact]
    public void PublicTypes_AreSealedOrStatic_AndDocumented()
    {
        Type[] types = Package.GetExportedTypes();
        var documented = XDocument.Load(Path.ChangeExtension(Package.Location, ".xml")).Descendants("member")
            .Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        types.Should().HaveCountGreaterThan(10);
        types.Where(t => !t.IsSealed).Select(t => t.FullName).Should().BeEmpty();
        types.Select(t => "T:" + t.FullName).Where(id => !documented.Contains(id)).Should().BeEmpty();
        documented.Count(id => id.StartsWith("M:", StringComparison.Ordinal)).Should().BeGreaterThan(100);
    }
}
