using TherapeuticAlliance.Boundaries;

namespace TherapeuticAlliance.Tests.Boundaries;

public class DutyToProtectTableTests
{
    [Fact]
    public void UnitedStates_CoversEveryStateAndDcOnce()
    {
        DutyToProtectTable.UnitedStates.Should().HaveCount(51);
        DutyToProtectTable.UnitedStates.Should().OnlyContain(e => e.Key == e.Value.Subdivision && e.Key.StartsWith("US-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("US-CA", DutyToProtect.Mandatory, DutyToProtectBasis.Statute)]
    [InlineData("US-PA", DutyToProtect.Mandatory, DutyToProtectBasis.CaseLaw)]
    [InlineData("US-TX", DutyToProtect.Permissive, DutyToProtectBasis.NotRecorded)]
    [InlineData("US-NV", DutyToProtect.None, DutyToProtectBasis.NotRecorded)]
    [InlineData("US-DC", DutyToProtect.Permissive, DutyToProtectBasis.NotRecorded)]
    public void For_AState_GivesTheTablesEntry(string subdivision, DutyToProtect duty, DutyToProtectBasis basis)
    {
        DutyToProtectEntry? entry = DutyToProtectTable.For(new Jurisdiction("US", subdivision));

        entry.Should().NotBeNull();
        (entry!.Subdivision, entry.Duty, entry.Basis, entry.Disputed).Should().Be((subdivision, duty, basis, false));
    }

    [Fact]
    public void NewYork_IsMarkedDisputed_BecauseNcslReportsItMandatorySince2013()
    {
        DutyToProtectTable.For(new Jurisdiction("US", "US-NY"))!.Disputed.Should().BeTrue();
        DutyToProtectTable.UnitedStates.Values.Count(e => e.Disputed).Should().Be(1);
    }

    [Fact]
    public void For_TheWholeCountryOrAnotherCountry_HasNoEntry()
    {
        DutyToProtectTable.For(Jurisdiction.UnitedStates).Should().BeNull();
        DutyToProtectTable.For(new Jurisdiction("DE", "DE-BY")).Should().BeNull();
    }

    [Fact]
    public void Source_SaysTheDataIsDated()
    {
        DutyToProtectTable.Source.Edition.Should().Contain("verify locally");
    }
}
