using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Text;
using NodaTime.TimeZones;
using TherapeuticAlliance.Scheduling;

namespace TherapeuticAlliance.Tests.Scheduling;

public class SessionSlotTests
{
    private const string NewYork = "America/New_York";
    private const string London = "Europe/London";

    // 2026 clock changes: New York springs forward 8 March 02:00 -> 03:00 and falls back 1 November 02:00 -> 01:00;
    // London springs forward 29 March 01:00 -> 02:00 and falls back 25 October 02:00 -> 01:00.
    public static TheoryData<string, LocalDateTime> Gaps => new()
    {
        { NewYork, new LocalDateTime(2026, 3, 8, 2, 0) },
        { NewYork, new LocalDateTime(2026, 3, 8, 2, 30) },
        { London, new LocalDateTime(2026, 3, 29, 1, 0) },
        { London, new LocalDateTime(2026, 3, 29, 1, 59) },
    };

    public static TheoryData<string, LocalDateTime> Overlaps => new()
    {
        { NewYork, new LocalDateTime(2026, 11, 1, 1, 0) },
        { NewYork, new LocalDateTime(2026, 11, 1, 1, 30) },
        { London, new LocalDateTime(2026, 10, 25, 1, 0) },
        { London, new LocalDateTime(2026, 10, 25, 1, 45) },
    };

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Create_LocalTimeInGap_IsRefusedWithClearError(string zone, LocalDateTime local)
    {
        Action act = () => SessionSlot.Create(local, zone, Duration.FromMinutes(50));

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "localStart" && e.Message.Contains("does not exist") && e.Message.Contains(zone) && e.Message.Contains("resolver"));
    }

    [Theory]
    [MemberData(nameof(Overlaps))]
    public void Create_LocalTimeInOverlap_IsRefusedWithClearError(string zone, LocalDateTime local)
    {
        Action act = () => SessionSlot.Create(local, zone, Duration.FromMinutes(50));

        act.Should().Throw<ArgumentException>()
            .Where(e => e.ParamName == "localStart" && e.Message.Contains("happens twice") && e.Message.Contains(zone));
    }

    [Fact]
    public void Create_GapWithLenientResolver_MovesForwardByTheGap()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 2, 30), NewYork, Duration.FromMinutes(50), Resolvers.LenientResolver);

        slot.StartInZone.LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 8, 3, 30));
        slot.StartInZone.Offset.Should().Be(Offset.FromHours(-4));
        slot.LocalStart.Should().Be(new LocalDateTime(2026, 3, 8, 2, 30), "the agreed local time is kept as it was asked for");
    }

    [Fact]
    public void Create_OverlapWithLenientResolver_TakesTheEarlierInstant()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 11, 1, 1, 30), NewYork, Duration.FromMinutes(50), Resolvers.LenientResolver);

        slot.StartInZone.Offset.Should().Be(Offset.FromHours(-4));
        slot.Start.Should().Be(Instant.FromUtc(2026, 11, 1, 5, 30));
    }

    [Fact]
    public void Create_OverlapWithLaterResolver_TakesTheLaterInstant()
    {
        ZoneLocalMappingResolver later = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ThrowWhenSkipped);

        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 11, 1, 1, 30), NewYork, Duration.FromMinutes(50), later);

        slot.Start.Should().Be(Instant.FromUtc(2026, 11, 1, 6, 30));
    }

    [Fact]
    public void Create_SessionAcrossSpringForward_LastsItsLengthInElapsedTime()
    {
        // 01:30 EST + 60 minutes = 03:30 EDT on the wall clock.
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 1, 30), NewYork, Duration.FromMinutes(60));

        (slot.End - slot.Start).Should().Be(Duration.FromMinutes(60));
        slot.End.InZone(slot.Zone).LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 8, 3, 30));
    }

    [Fact]
    public void Create_SessionAcrossFallBack_LastsItsLengthInElapsedTime()
    {
        // 00:30 EDT + 90 minutes = 01:00 EST (the second 01:00) on the wall clock.
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 11, 1, 0, 30), NewYork, Duration.FromMinutes(90));

        (slot.End - slot.Start).Should().Be(Duration.FromMinutes(90));
        ZonedDateTime end = slot.End.InZone(slot.Zone);
        end.LocalDateTime.Should().Be(new LocalDateTime(2026, 11, 1, 1, 0));
        end.Offset.Should().Be(Offset.FromHours(-5));
    }

    [Fact]
    public void Create_LondonSessionAcrossSpringForward_LastsItsLengthInElapsedTime()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 3, 29, 0, 30), London, Duration.FromMinutes(45));

        slot.End.InZone(slot.Zone).LocalDateTime.Should().Be(new LocalDateTime(2026, 3, 29, 2, 15));
        (slot.End - slot.Start).Should().Be(Duration.FromMinutes(45));
    }

    [Fact]
    public void Create_LondonSessionAcrossFallBack_LastsItsLengthInElapsedTime()
    {
        // 00:30 BST + 120 minutes = 01:30 GMT (the second 01:30) on the wall clock.
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 10, 25, 0, 30), London, Duration.FromMinutes(120));

        ZonedDateTime end = slot.End.InZone(slot.Zone);
        end.LocalDateTime.Should().Be(new LocalDateTime(2026, 10, 25, 1, 30));
        end.Offset.Should().Be(Offset.Zero);
    }

    [Fact]
    public void Create_UnknownZone_IsRefusedWithoutEchoingIt()
    {
        Action act = () => SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), "Mars/Olympus_Mons", Duration.FromMinutes(50));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "zoneId" && !e.Message.Contains("Mars"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(24 * 60 + 1)]
    public void Create_LengthOutOfRange_Throws(int minutes)
    {
        Action act = () => SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(minutes));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "length");
    }

    [Fact]
    public void Create_LengthExactlyMaximum_IsAccepted()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, SessionSlot.MaximumLength);

        slot.Length.Should().Be(Duration.FromHours(24));
    }

    [Fact]
    public void Create_RecordsTheTzdbVersion()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(50));

        slot.TzdbVersion.Should().Be(DateTimeZoneProviders.Tzdb.VersionId);
    }

    [Fact]
    public void Equals_SameLocalZoneAndLength_AreEqualWithEqualHashes()
    {
        SessionSlot a = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(50));
        SessionSlot b = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(50));

        a.Should().Be(b);
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Equals(SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(45))).Should().BeFalse();
        a.Equals(SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), "America/Chicago", Duration.FromMinutes(50))).Should().BeFalse();
    }

    [Fact]
    public void ToString_ShowsLocalStartZoneOffsetAndLength()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(50));

        slot.ToString().Should().Be("2026-06-09T09:00:00 America/New_York (-04) for 0:50:00");
    }

    [Fact]
    public void Equals_GapResolvedLenientlyAndStrictSlotAtResolvedTime_AreEqualWithEqualHashes()
    {
        // 02:30 does not exist on 8 March 2026 in New York; the lenient resolver moves it to 03:30 EDT.
        SessionSlot lenient = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 2, 30), NewYork, Duration.FromMinutes(50), Resolvers.LenientResolver);
        SessionSlot strict = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 3, 30), NewYork, Duration.FromMinutes(50));

        lenient.LocalStart.Should().NotBe(strict.LocalStart);
        lenient.Should().Be(strict);
        strict.Should().Be(lenient);
        lenient.GetHashCode().Should().Be(strict.GetHashCode());
    }

    [Fact]
    public void Equals_SameLocalStartInOverlapResolvedToDifferentInstants_AreNotEqual()
    {
        ZoneLocalMappingResolver later = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ThrowWhenSkipped);
        SessionSlot earlier = SessionSlot.Create(new LocalDateTime(2026, 11, 1, 1, 30), NewYork, Duration.FromMinutes(50), Resolvers.LenientResolver);
        SessionSlot laterSlot = SessionSlot.Create(new LocalDateTime(2026, 11, 1, 1, 30), NewYork, Duration.FromMinutes(50), later);

        earlier.LocalStart.Should().Be(laterSlot.LocalStart);
        earlier.Should().NotBe(laterSlot);
    }

    [Fact]
    public void Equals_SameInstantInDifferentZones_AreNotEqual()
    {
        // 09:00 in New York is 08:00 in Chicago: the same instant, another zone.
        SessionSlot newYork = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(50));
        SessionSlot chicago = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 8, 0), "America/Chicago", Duration.FromMinutes(50));

        newYork.Start.Should().Be(chicago.Start);
        newYork.Should().NotBe(chicago);
    }

    [Fact]
    public void ToString_GapResolvedLeniently_ShowsTheLocalTimeThatApplies()
    {
        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 2, 30), NewYork, Duration.FromMinutes(50), Resolvers.LenientResolver);

        slot.ToString().Should().Be("2026-03-08T03:30:00 America/New_York (-04) for 0:50:00");
    }

    [Fact]
    public void ToString_GapResolvedLeniently_SameAsStrictSlotAtResolvedTime()
    {
        SessionSlot lenient = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 2, 30), NewYork, Duration.FromMinutes(50), Resolvers.LenientResolver);
        SessionSlot strict = SessionSlot.Create(new LocalDateTime(2026, 3, 8, 3, 30), NewYork, Duration.FromMinutes(50));

        lenient.ToString().Should().Be(strict.ToString());
    }

    public static TheoryData<LocalDateTime> UnsupportedLocalStarts => new()
    {
        new LocalDateTime(9999, 1, 1, 0, 0),
        new LocalDateTime(9999, 12, 31, 23, 0),
        new LocalDateTime(0, 12, 31, 23, 0),
        new LocalDateTime(-5, 6, 1, 9, 0),
    };

    [Theory]
    [MemberData(nameof(UnsupportedLocalStarts))]
    public void Create_LocalStartOutsideYearsOneTo9998_ThrowsArgumentOutOfRange(LocalDateTime local)
    {
        Action act = () => SessionSlot.Create(local, NewYork, Duration.FromMinutes(50));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("localStart");
    }

    public static TheoryData<LocalDateTime> EdgeSupportedLocalStarts => new()
    {
        new LocalDateTime(9998, 12, 31, 23, 0),
        new LocalDateTime(1, 1, 1, 9, 0),
    };

    [Theory]
    [MemberData(nameof(EdgeSupportedLocalStarts))]
    public void Create_LocalStartAtEdgeOfSupportedYears_IsAccepted(LocalDateTime local)
    {
        SessionSlot slot = SessionSlot.Create(local, NewYork, SessionSlot.MaximumLength);

        slot.LocalStart.Should().Be(local);
        (slot.End - slot.Start).Should().Be(SessionSlot.MaximumLength);
    }

    private static readonly string[] Zones = [NewYork, London, "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo", "Asia/Kolkata", "UTC"];

    private static Arbitrary<(LocalDateTime Local, string Zone, int Minutes)> AnySlotInput() =>
        (from minutes in Gen.Choose(1, 24 * 60)
         from days in Gen.Choose(0, 365 * 10)
         from minuteOfDay in Gen.Choose(0, (24 * 60) - 1)
         from zone in Gen.Elements(Zones)
         select (new LocalDate(2020, 1, 1).PlusDays(days).At(LocalTime.Midnight.PlusMinutes(minuteOfDay)), zone, minutes)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property DerivedEndMinusStart_EqualsLength_ForAnyValidSlot() =>
        Prop.ForAll(AnySlotInput(), input =>
        {
            SessionSlot slot = SessionSlot.Create(input.Local, input.Zone, Duration.FromMinutes(input.Minutes), Resolvers.LenientResolver);
            return slot.End - slot.Start == Duration.FromMinutes(input.Minutes) && slot.Interval.Duration == slot.Length;
        });

    [Property(MaxTest = 500)]
    public Property StrictCreate_SucceedsExactlyWhenTheLocalTimeMapsOnce() =>
        Prop.ForAll(AnySlotInput(), input =>
        {
            int mappings = DateTimeZoneProviders.Tzdb[input.Zone].MapLocal(input.Local).Count;
            try
            {
                SessionSlot slot = SessionSlot.Create(input.Local, input.Zone, Duration.FromMinutes(input.Minutes));
                return mappings == 1 && slot.StartInZone.LocalDateTime == input.Local;
            }
            catch (ArgumentException)
            {
                return mappings != 1;
            }
        });

    [Fact]
    public void Create_DaySkippedEntirely_IsRefused()
    {
        // Samoa skipped 30 December 2011.
        Action act = () => SessionSlot.Create(new LocalDateTime(2011, 12, 30, 10, 0), "Pacific/Apia", Duration.FromMinutes(50));

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("does not exist"));
    }

    [Fact]
    public void Create_ViaProvider_UsesThatProvidersVersion()
    {
        var provider = new DateTimeZoneCache(TzdbDateTimeZoneSource.Default);

        SessionSlot slot = SessionSlot.Create(new LocalDateTime(2026, 6, 9, 9, 0), NewYork, Duration.FromMinutes(50), provider);

        slot.TzdbVersion.Should().Be(provider.VersionId);
        LocalDateTimePattern.ExtendedIso.Format(slot.LocalStart).Should().Be("2026-06-09T09:00:00");
    }
}
