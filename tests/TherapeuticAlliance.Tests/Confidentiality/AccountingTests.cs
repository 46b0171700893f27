using TherapeuticAlliance.Confidentiality;
using static TherapeuticAlliance.Tests.Confidentiality.Disclosures;

namespace TherapeuticAlliance.Tests.Confidentiality;

/// <summary>
/// <see cref="AccountingOfDisclosures.For"/>: the patient's entries "in the six years prior to the date on which the
/// accounting is requested" (HIPAA 164.528(a)(1)), dated in the practice's zone, oldest first. The request is made on
/// 2030-03-15 at noon in New York.
/// </summary>
public class AccountingTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly Instant RequestedAt = Local(2030, 3, 15, 12, 0);

    [Fact]
    public void Lookback_IsSixYears() => AccountingOfDisclosures.Lookback.Should().Be(Period.FromYears(6));

    [Fact]
    public void For_EntryOnTheDaySixYearsBefore_IncludedFromMidnight_TheDayBeforeExcluded()
    {
        AccountingEntry first = Entry("d-1", Local(2024, 3, 15, 0, 0));
        AccountingEntry dayBefore = Entry("d-2", Local(2024, 3, 14, 23, 59));

        AccountingOfDisclosures.For([first, dayBefore], ThePatient, RequestedAt, NewYork).Should().Equal(first);
    }

    [Fact]
    public void For_DatesInThePracticesZone_NotUtc()
    {
        // 2024-03-15T02:00Z is still 2024-03-14 in New York: outside the six years there, inside them in UTC.
        AccountingEntry lateEvening = Entry("d-1", Instant.FromUtc(2024, 3, 15, 2, 0));

        AccountingOfDisclosures.For([lateEvening], ThePatient, RequestedAt, NewYork).Should().BeEmpty();
        AccountingOfDisclosures.For([lateEvening], ThePatient, RequestedAt, DateTimeZone.Utc).Should().Equal(lateEvening);
    }

    [Fact]
    public void For_OtherPatientsExcluded()
    {
        AccountingEntry mine = Entry("d-1", Local(2029, 1, 1, 9, 0));
        AccountingEntry theirs = Entry("d-2", Local(2029, 1, 1, 9, 0), OtherPatient);

        AccountingOfDisclosures.For([mine, theirs], ThePatient, RequestedAt, NewYork).Should().Equal(mine);
    }

    [Fact]
    public void For_EntriesAfterTheRequestExcluded_AtTheInstantIncluded()
    {
        AccountingEntry atRequest = Entry("d-1", RequestedAt);
        AccountingEntry later = Entry("d-2", RequestedAt + Duration.Epsilon);
        AccountingEntry sameDayLater = Entry("d-3", Local(2030, 3, 15, 18, 0));

        AccountingOfDisclosures.For([later, atRequest, sameDayLater], ThePatient, RequestedAt, NewYork).Should().Equal(atRequest);
    }

    [Fact]
    public void For_OldestFirstWhateverTheInputOrder()
    {
        AccountingEntry a = Entry("d-1", Local(2025, 1, 1, 9, 0));
        AccountingEntry b = Entry("d-2", Local(2027, 6, 1, 9, 0));
        AccountingEntry c = Entry("d-3", Local(2030, 3, 1, 9, 0));

        AccountingOfDisclosures.For([c, a, b], ThePatient, RequestedAt, NewYork).Should().Equal(a, b, c);
    }

    [Fact]
    public void For_NullArguments_Throw()
    {
        FluentActions.Invoking(() => AccountingOfDisclosures.For([Entry("d-1", RequestedAt), null!], ThePatient, RequestedAt, NewYork)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => AccountingOfDisclosures.For(null!, ThePatient, RequestedAt, NewYork)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => AccountingOfDisclosures.For([], ThePatient, RequestedAt, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void For_EntriesFromDecisions_RoundTrip()
    {
        DisclosureDecision order = Decide(
            Hipaa, Request(RecipientRole.CourtOrTribunal, DisclosurePurpose.JudicialProceeding, instrument: LegalInstrument.CourtOrder, at: Local(2029, 5, 5, 10, 0), party: "court-3"));
        DisclosureDecision treatment = Decide(Hipaa, Request(RecipientRole.TreatingProvider, DisclosurePurpose.Treatment, at: Local(2029, 5, 6, 10, 0), id: "d-2"));

        AccountingEntry[] recorded = [.. new[] { order, treatment }.Select(d => d.AccountingEntry).OfType<AccountingEntry>()];

        recorded.Should().ContainSingle();
        AccountingEntry entry = AccountingOfDisclosures.For(recorded, ThePatient, RequestedAt, NewYork).Should().ContainSingle().Subject;
        entry.Recipient.Should().Be(new DisclosureRecipient(RecipientRole.CourtOrTribunal, "court-3"), "164.528(b)(2)(ii): who received it");
        entry.Purpose.Should().Be(DisclosurePurpose.JudicialProceeding);
        entry.DisclosedAt.Should().Be(Local(2029, 5, 5, 10, 0));
        entry.DisclosureId.Should().Be(new DisclosureId("d-1"));
    }

    private static Instant Local(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(NewYork).ToInstant();

    private static AccountingEntry Entry(string id, Instant at, string patient = Patient) =>
        new(new DisclosureId(id), new PatientId(patient), at, new DisclosureRecipient(RecipientRole.LawEnforcement), DisclosurePurpose.LawEnforcement, DataCategories.Demographics);
}
