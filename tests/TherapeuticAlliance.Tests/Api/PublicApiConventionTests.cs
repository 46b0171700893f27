using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using TherapeuticAlliance.Compliance;

namespace TherapeuticAlliance.Tests.Api;

/// <summary>Conventions of the public API, checked by reflection so that new types are covered as they are added.</summary>
public class PublicApiConventionTests
{
    private static readonly Assembly Library = typeof(Verdict).Assembly;

    private static readonly Type[] PublicTypes = Library.GetExportedTypes();

    private static readonly Lazy<HashSet<string>> DocumentedIds = new(() =>
    {
        string path = Path.ChangeExtension(Library.Location, ".xml");
        return XDocument.Load(path).Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    });

    [Fact]
    public void PublicTypes_AreSealedAbstractOrStatic()
    {
        // Structs and enums are sealed; interfaces are abstract; static classes are both.
        PublicTypes.Where(t => !t.IsSealed && !t.IsAbstract).Select(t => t.FullName).Should().BeEmpty();
    }

    [Fact]
    public void PublicTypes_AreDocumented()
    {
        PublicTypes.Select(DocId).Where(id => !DocumentedIds.Value.Contains(id)).Should().BeEmpty();
    }

    [Fact]
    public void PublicMembers_AreDocumented()
    {
        var undocumented = new List<string>();
        int checkedMembers = 0;
        foreach (Type type in PublicTypes)
        {
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (DocId(type, member) is { } id)
                {
                    checkedMembers++;
                    if (!DocumentedIds.Value.Contains(id))
                    {
                        undocumented.Add(id);
                    }
                }
            }
        }

        undocumented.Should().BeEmpty();
        checkedMembers.Should().BeGreaterThan(200, "the member walk must actually reach the API");
    }

    [Fact]
    public void PublicApi_HasTypesInEveryLayer()
    {
        // Guards the tests above against passing vacuously.
        PublicTypes.Select(t => t.Namespace).Distinct().Should().Contain(["TherapeuticAlliance", "TherapeuticAlliance.Compliance", "TherapeuticAlliance.Scheduling"]);
        PublicTypes.Length.Should().BeGreaterThan(40);
    }

    [Fact]
    public void Namespaces_DoNotShareANameWithATypeInThem()
    {
        PublicTypes.Where(t => t.Namespace!.Split('.').Contains(t.Name)).Select(t => t.FullName).Should().BeEmpty();
    }

    [Fact]
    public void PublicApiFile_ListsEveryPublicType()
    {
        string root = RepositoryRoot();
        string declared = File.ReadAllText(Path.Combine(root, "src", "TherapeuticAlliance", "PublicAPI.Shipped.txt"))
            + File.ReadAllText(Path.Combine(root, "src", "TherapeuticAlliance", "PublicAPI.Unshipped.txt"));

        PublicTypes.Select(t => t.FullName!.Split('`')[0]).Where(name => !declared.Contains(name, StringComparison.Ordinal)).Should().BeEmpty();
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TherapeuticAlliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (TherapeuticAlliance.sln) was not found above the test output.");
    }

    private static string? DocId(Type type, MemberInfo member)
    {
        if (member.IsDefined(typeof(CompilerGeneratedAttribute)) || IsRecordPositionalProperty(type, member))
        {
            return null;
        }

        switch (member)
        {
            case Type nested:
                return DocId(nested);
            case FieldInfo field when !field.IsSpecialName:
                return $"F:{TypeName(type)}.{field.Name}";
            case PropertyInfo property:
                ParameterInfo[] indexes = property.GetIndexParameters();
                return $"P:{TypeName(type)}.{property.Name}{Parameters(indexes)}";
            case EventInfo e:
                return $"E:{TypeName(type)}.{e.Name}";
            case ConstructorInfo ctor when !(type.IsValueType && ctor.GetParameters().Length == 0):
                return $"M:{TypeName(type)}.#ctor{Parameters(ctor.GetParameters())}";
            case MethodInfo method when !method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal):
                if (IsCompilerSynthesizedRecordMember(type, method))
                {
                    return null;
                }

                string generic = method.IsGenericMethodDefinition ? $"``{method.GetGenericArguments().Length}" : string.Empty;
                string conversion = method.Name is "op_Implicit" or "op_Explicit" ? $"~{TypeName(method.ReturnType)}" : string.Empty;
                return $"M:{TypeName(type)}.{method.Name}{generic}{Parameters(method.GetParameters())}{conversion}";
            default:
                return null;
        }
    }

    private static string DocId(Type type) => $"T:{TypeName(type)}";

    // Records synthesize Equals, GetHashCode, ToString, operators, Deconstruct and the copy members without source;
    // the compiler does not ask for docs on them.
    private static bool IsCompilerSynthesizedRecordMember(Type type, MethodInfo method)
    {
        bool isRecord = type.GetMethod("<Clone>$") is not null || type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
        return isRecord && method.Name is "Equals" or "GetHashCode" or "ToString" or "op_Equality" or "op_Inequality" or "Deconstruct"
            && (method.IsDefined(typeof(CompilerGeneratedAttribute)) || method.GetMethodBody() is null || !HasSourceDoc(type, method));
    }

    private static bool HasSourceDoc(Type type, MethodInfo method) =>
        DocumentedIds.Value.Any(id => id.StartsWith($"M:{TypeName(type)}.{method.Name}", StringComparison.Ordinal));

    private static bool IsRecordPositionalProperty(Type type, MemberInfo member) =>
        member is PropertyInfo property && property.GetMethod?.IsDefined(typeof(CompilerGeneratedAttribute)) == true
        && type.GetConstructors().Any(c => c.GetParameters().Any(p => p.Name == property.Name));

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : $"({string.Join(",", parameters.Select(p => TypeName(p.ParameterType)))})";

    private static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.DeclaringMethod is null ? $"`{type.GenericParameterPosition}" : $"``{type.GenericParameterPosition}";
        }

        string name = type.IsNested ? $"{TypeName(type.DeclaringType!)}.{type.Name}" : $"{type.Namespace}.{type.Name}";
        if (!type.IsGenericType)
        {
            return name;
        }

        if (type.IsGenericTypeDefinition)
        {
            return name;
        }

        var builder = new StringBuilder(name[..name.IndexOf('`', StringComparison.Ordinal)]);
        builder.Append('{').Append(string.Join(",", type.GetGenericArguments().Select(TypeName))).Append('}');
        return builder.ToString();
    }
}
