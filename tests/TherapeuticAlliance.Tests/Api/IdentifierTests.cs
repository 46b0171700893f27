namespace TherapeuticAlliance.Tests.Api;

public class IdentifierTests
{
    public static TheoryData<string> Valid => new() { "a", "A-1.b", "0", new string('x', 64), "urn-uuid.550e8400-e29b-41d4-a716-446655440000" };

    public static TheoryData<string> Invalid => new() { "", " ", "a b", "a_b", "a/b", new string('x', 65), "Jane Doe", "é" };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Ids_FhirIdSyntax_AreAccepted(string value)
    {
        new PatientId(value).Value.Should().Be(value);
        new ClinicianId(value).Value.Should().Be(value);
        new AppointmentId(value).Value.Should().Be(value);
        new GoalId(value).Value.Should().Be(value);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Ids_OutsideFhirIdSyntax_AreRefusedWithoutEchoingTheValue(string value)
    {
        Action[] makes = [() => _ = new PatientId(value), () => _ = new ClinicianId(value), () => _ = new AppointmentId(value), () => _ = new GoalId(value)];

        foreach (Action make in makes)
        {
            make.Should().Throw<ArgumentException>().Where(e => e.ParamName == "value" && (value.Trim().Length == 0 || !e.Message.Contains(value)));
        }
    }

    [Fact]
    public void Ids_Null_ThrowsArgumentNull()
    {
        ((Action)(() => _ = new PatientId(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Ids_Equality_IsOrdinalAndTyped()
    {
        new PatientId("p-1").Should().Be(new PatientId("p-1"));
        (new PatientId("p-1") == new PatientId("P-1")).Should().BeFalse();
        new PatientId("p-1").GetHashCode().Should().Be(new PatientId("p-1").GetHashCode());
        new PatientId("p-1").ToString().Should().Be("p-1");
        default(PatientId).ToString().Should().BeEmpty();
    }
}
